package cn.gov.disclosure.portal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClockRepository;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.web.NotFoundException;

/**
 * The applicant's view of their own case, opened with the case number and tracking code. A wrong
 * code and a missing case give the same 404, so case numbers cannot be probed.
 */
@RestController
public class ApplicantCaseController {

    private final CaseFileService caseFiles;
    private final NoticeRepository notices;
    private final CaseClockRepository clocks;

    public ApplicantCaseController(CaseFileService caseFiles, NoticeRepository notices, CaseClockRepository clocks) {
        this.caseFiles = caseFiles;
        this.notices = notices;
        this.clocks = clocks;
    }

    public record NoticeView(long id, String type, String title, LocalDate issuedOn, String pdf) {
    }

    /** {@code statusNote} explains a stopped clock, e.g. 征求第三方意见中，该期间不计入答复期限. */
    public record CaseView(String caseNo, String status, String statusLabel, String statusNote, LocalDate receivedOn,
                           LocalDate dueOn, String description, List<NoticeView> notices) {
    }

    @GetMapping("/api/applications/{caseNo}")
    public CaseView view(@PathVariable String caseNo, @RequestParam(required = false) String trackingCode) {
        ApplicationCase c = caseFiles.getForApplicant(caseNo, trackingCode);
        List<NoticeView> list = notices.listForCase(c.id()).stream()
                .map(n -> new NoticeView(n.id(), n.type(), n.title(), n.issuedOn(),
                        "/api/applications/" + c.caseNo() + "/notices/" + n.id() + ".pdf"))
                .toList();
        ReplyClock clock = clocks.load(c.id());
        String note = null;
        if (clock.isPaused()) {
            PauseReason reason = clock.pauses().get(clock.pauses().size() - 1).reason();
            note = reason.label() + "中，该期间不计入答复期限（" + reason.basis() + "），答复期限将相应顺延";
        } else if (clock.extensionDays() > 0) {
            note = "经批准，答复期限已延长" + clock.extensionDays() + "个工作日（《条例》第三十三条第二款）";
        }
        return new CaseView(c.caseNo(), c.status().name(), c.status().label(), note, c.receivedOn(),
                clock.isPaused() ? null : c.dueOn(), c.description(), list);
    }

    @GetMapping("/api/applications/{caseNo}/notices/{noticeId}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String caseNo, @PathVariable long noticeId,
                                      @RequestParam(required = false) String trackingCode) {
        ApplicationCase c = caseFiles.getForApplicant(caseNo, trackingCode);
        byte[] pdf = notices.pdf(c.id(), noticeId).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.caseNo() + "-" + noticeId + ".pdf").build().toString())
                .body(pdf);
    }
}
