package cn.gov.disclosure.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reply types of Arts. 35–39 and the grounds for withholding (Arts. 14–16), with their articles,
 * wording and annual-report rows, read from {@code templates/catalogue/replies.json} so that an agency
 * can adjust the wording without touching code.
 */
@Component
public class ReplyCatalogue {

    static final String LOCATION = "templates/catalogue/replies.json";

    /**
     * One kind of reply. {@code annualReportRow} is null where the withholding reasons decide the row;
     * {@code remedyNote} is an extra sentence of this type's own remedy paragraph (e.g. Art. 36(7)).
     */
    public record ReplyType(String code, String label, List<String> articles, String decision, String detailsLabel,
                            boolean detailsRequired, boolean legalReview, List<String> reasonsAllowed,
                            boolean reasonsRequired, boolean referral, boolean reconsiderationFirst,
                            String annualReportRow, boolean selectable, boolean secrecyReview, String remedyNote) {

        public ReplyType {
            articles = articles == null ? List.of() : List.copyOf(articles);
        }

        /** Without a remedy note of its own. */
        public ReplyType(String code, String label, List<String> articles, String decision, String detailsLabel,
                         boolean detailsRequired, boolean legalReview, List<String> reasonsAllowed,
                         boolean reasonsRequired, boolean referral, boolean reconsiderationFirst,
                         String annualReportRow, boolean selectable, boolean secrecyReview) {
            this(code, label, articles, decision, detailsLabel, detailsRequired, legalReview, reasonsAllowed,
                    reasonsRequired, referral, reconsiderationFirst, annualReportRow, selectable, secrecyReview, null);
        }

        /**
         * Whether this reply withholds information (counted as 不予公开 or 部分公开 in the annual report, or decided
         * by withholding grounds): 行政复议法 Art. 23(1)4 makes reconsideration come first, and Art. 23(2) makes
         * the agency say so on the notice.
         */
        public boolean withholds() {
            return annualReportRow == null || annualReportRow.startsWith("WITHHELD_")
                    || "PARTIALLY_DISCLOSED".equals(annualReportRow) || reasonsRequired;
        }
    }

    /** One ground for withholding, mapped to exactly one row of the annual report. */
    public record WithholdingReason(String code, String label, String article, String text, String annualReportRow) {
    }

    record Data(List<ReplyType> replyTypes, List<WithholdingReason> withholdingReasons) {
    }

    private final Map<String, ReplyType> types = new LinkedHashMap<>();
    private final Map<String, WithholdingReason> reasons = new LinkedHashMap<>();

    public ReplyCatalogue() {
        this(LOCATION);
    }

    ReplyCatalogue(String location) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            Data data = json.readValue(in, Data.class);
            data.replyTypes().forEach(t -> types.put(t.code(), t));
            data.withholdingReasons().forEach(r -> reasons.put(r.code(), r));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reply catalogue " + location, e);
        }
        for (ReplyType t : types.values()) {
            // A withholding reply without the reconsideration-first notice would mislead the applicant into a
            // lawsuit the court must turn away (行政复议法 Art. 23): refuse such a catalogue at start-up.
            if (t.withholds() != t.reconsiderationFirst()) {
                throw new IllegalStateException("Reply type " + t.code() + ": reconsiderationFirst must be "
                        + t.withholds() + " (Administrative Reconsideration Law Art. 23)");
            }
            for (String r : t.reasonsAllowed()) {
                if (!reasons.containsKey(r)) {
                    throw new IllegalStateException("Reply type " + t.code() + " allows unknown reason " + r);
                }
            }
        }
    }

    public Optional<ReplyType> type(String code) {
        return Optional.ofNullable(code).map(types::get);
    }

    public ReplyType require(String code) {
        return type(code).orElseThrow(() -> new IllegalArgumentException("Unknown reply type " + code));
    }

    public Optional<WithholdingReason> reason(String code) {
        return Optional.ofNullable(code).map(reasons::get);
    }

    public List<ReplyType> types() {
        return List.copyOf(types.values());
    }

    public List<WithholdingReason> reasons() {
        return List.copyOf(reasons.values());
    }
}
