package cn.gov.disclosure.records;

import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** {@code disclosure.records.*}: limits, redaction quality and release rules. */
@Component
public class RecordSettings {

    private final DataSize maxFileSize;
    private final DataSize maxCaseSize;
    private final int redactionDpi;
    private final boolean rasteriseAllPages;
    private final DataSize mailAttachmentLimit;
    private final Duration downloadPeriod;
    private final Set<String> releasingOutcomes;
    private final OriginalsOnPaper originalsOnPaper;

    /**
     * How an applicant served on paper (post, collection) obtains the office files released as originals, which
     * cannot be printed into the package: on a storage medium the clerk encloses (default), by collecting that
     * medium at the office, or only by download with the tracking code. The package's sheet says which.
     */
    public enum OriginalsOnPaper { MEDIUM, COLLECTION, DOWNLOAD }

    public RecordSettings(@Value("${disclosure.records.max-file-size:50MB}") DataSize maxFileSize,
                          @Value("${disclosure.records.max-case-size:500MB}") DataSize maxCaseSize,
                          @Value("${disclosure.records.redaction-dpi:150}") int redactionDpi,
                          @Value("${disclosure.records.rasterise-all-pages:false}") boolean rasteriseAllPages,
                          @Value("${disclosure.records.mail-attachment-limit:10MB}") DataSize mailAttachmentLimit,
                          @Value("${disclosure.records.download-days:90}") int downloadDays,
                          @Value("${disclosure.records.releasing-outcomes:DISCLOSED,PARTIALLY_DISCLOSED}")
                          Set<String> releasingOutcomes,
                          @Value("${disclosure.records.originals-on-paper:MEDIUM}") OriginalsOnPaper originalsOnPaper) {
        this.maxFileSize = maxFileSize;
        this.maxCaseSize = maxCaseSize;
        this.redactionDpi = redactionDpi;
        this.rasteriseAllPages = rasteriseAllPages;
        this.mailAttachmentLimit = mailAttachmentLimit;
        this.downloadPeriod = Duration.ofDays(downloadDays);
        this.releasingOutcomes = Set.copyOf(releasingOutcomes);
        this.originalsOnPaper = originalsOnPaper;
    }

    public OriginalsOnPaper originalsOnPaper() {
        return originalsOnPaper;
    }

    public long maxFileBytes() {
        return maxFileSize.toBytes();
    }

    public long maxCaseBytes() {
        return maxCaseSize.toBytes();
    }

    public int redactionDpi() {
        return redactionDpi;
    }

    public boolean rasteriseAllPages() {
        return rasteriseAllPages;
    }

    public long mailAttachmentBytes() {
        return mailAttachmentLimit.toBytes();
    }

    public Duration downloadPeriod() {
        return downloadPeriod;
    }

    /** Reply types whose records go to the applicant (予以公开, 部分公开). */
    public boolean releases(String outcome) {
        return outcome != null && releasingOutcomes.contains(outcome);
    }

    public static String megabytes(long bytes) {
        return String.valueOf(Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0);
    }
}
