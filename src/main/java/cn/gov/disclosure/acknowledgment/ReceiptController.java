package cn.gov.disclosure.acknowledgment;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.NotFoundException;
import cn.gov.disclosure.notice.NoticeRepository;

/**
 * {@code GET /staff/receipts/{caseNo}.pdf} (staff only; opens with the Tasklist sign-in): the printable receipt
 * (受理回执) a clerk hands over at the counter or posts with a letter's registration. It is the case's acknowledgment,
 * issued now if its step has not run yet — once only, whoever comes first.
 */
@RestController
public class ReceiptController {

    /** Where a case's receipt is, for the staff answer and the Tasklist forms. */
    public static String receiptUrl(String caseNo) {
        return "/staff/receipts/" + caseNo + ".pdf";
    }

    private final AcknowledgmentService acknowledgments;
    private final CaseFileService caseFiles;
    private final NoticeRepository notices;

    ReceiptController(AcknowledgmentService acknowledgments, CaseFileService caseFiles, NoticeRepository notices) {
        this.acknowledgments = acknowledgments;
        this.caseFiles = caseFiles;
        this.notices = notices;
    }

    @GetMapping("/staff/receipts/{caseNo}.pdf")
    public ResponseEntity<byte[]> receipt(@PathVariable String caseNo) {
        if (caseFiles.find(caseNo).isEmpty()) {
            throw new NotFoundException();
        }
        long noticeId = acknowledgments.issue(caseNo).id();
        byte[] pdf = notices.pdf(noticeId).orElseThrow(NotFoundException::new);
        // It carries the tracking code: not to be kept by shared caches or the browser.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("receipt-" + caseNo + ".pdf").build().toString())
                .body(pdf);
    }
}
