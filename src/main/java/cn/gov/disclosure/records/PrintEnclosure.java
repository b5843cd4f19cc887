package cn.gov.disclosure.records;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.delivery.ReleasedRecords;
import cn.gov.disclosure.notice.AgencyProfile;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.NoticeTemplates;
import cn.gov.disclosure.notice.PdfRenderer;

/**
 * The released records in a print package (post, collection): the copies exactly as released with the notice —
 * redacted for 部分公开, never an original — and, for office files released in their own format (which cannot be
 * merged into a PDF), a sheet listing them with name, size and SHA-256 and saying how the applicant obtains them
 * ({@code disclosure.records.originals-on-paper}).
 */
@Component
class PrintEnclosure implements ReleasedRecords {

    private final RecordsService records;
    private final RecordSettings settings;
    private final NoticeTemplates templates;
    private final PdfRenderer renderer;
    private final AgencyProfile agency;
    private final ZoneId zone;
    private final String publicBaseUrl;

    PrintEnclosure(RecordsService records, RecordSettings settings, NoticeTemplates templates, PdfRenderer renderer,
                   AgencyProfile agency, Clock clock,
                   @Value("${disclosure.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.records = records;
        this.settings = settings;
        this.templates = templates;
        this.renderer = renderer;
        this.agency = agency;
        this.zone = clock.getZone();
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public Enclosure forNotice(String caseNo, long noticeId) {
        List<ReleasedFile> released = records.releasedWith(noticeId);
        if (released.isEmpty()) {
            return Enclosure.EMPTY;
        }
        List<byte[]> pdfs = new ArrayList<>();
        List<ReleasedFile> originals = new ArrayList<>();
        for (ReleasedFile f : released) {
            if (f.printable()) {
                pdfs.add(f.bytes());
            } else {
                originals.add(f);
            }
        }
        if (!originals.isEmpty()) {
            pdfs.add(originalsSheet(caseNo, noticeId, originals));
        }
        return new Enclosure(released.size(), pdfs);
    }

    private byte[] originalsSheet(String caseNo, long noticeId, List<ReleasedFile> originals) {
        String title = Texts.get("records.print.originalsTitle");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReleasedFile f : originals) {
            rows.add(Map.of("itemNo", f.itemNo(), "name", f.name(), "size", String.valueOf(f.sizeBytes()),
                    "sha256", f.sha256()));
        }
        String until = records.releasesOfNotice(noticeId).stream().map(RecordRepository.Release::expiresAt)
                .min(java.util.Comparator.naturalOrder())
                .map(i -> NoticeService.chineseDate(i.atZone(zone).toLocalDate())).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("caseNo", caseNo);
        model.put("rows", rows);
        model.put("obtain", Texts.get("records.print.obtain." + settings.originalsOnPaper().name(),
                agency.officeName(), agency.address()));
        model.put("download", until == null ? null
                : Texts.get("records.print.download", until, publicBaseUrl.replaceAll("/+$", "") + "/track", caseNo));
        return renderer.render(templates.notice("released-originals", model), title);
    }
}
