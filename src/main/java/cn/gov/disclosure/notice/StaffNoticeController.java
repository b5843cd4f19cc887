package cn.gov.disclosure.notice;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.common.NotFoundException;

/** Staff read any notice, drafts included (the preview linked from the Tasklist forms). */
@RestController
public class StaffNoticeController {

    private final NoticeRepository notices;

    public StaffNoticeController(NoticeRepository notices) {
        this.notices = notices;
    }

    @GetMapping("/staff/notices/{noticeId}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long noticeId) {
        byte[] pdf = notices.pdf(noticeId).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("notice-" + noticeId + ".pdf").build().toString())
                .body(pdf);
    }
}
