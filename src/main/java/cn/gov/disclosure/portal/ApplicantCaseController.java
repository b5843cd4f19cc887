package cn.gov.disclosure.portal;

import cn.gov.disclosure.common.Texts;

import cn.gov.disclosure.ratelimit.RateLimiter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.common.NotFoundException;

/**
 * The applicant's view of their own case, opened with the case number and tracking code. A wrong
 * code and a missing case give the same 404, so case numbers cannot be probed; look-ups are rate-limited.
 */
@RestController
public class ApplicantCaseController {

    private final CaseFileService caseFiles;
    private final NoticeRepository notices;
    private final CaseViews views;
    private final RateLimiter limiter;

    public ApplicantCaseController(CaseFileService caseFiles, NoticeRepository notices, CaseViews views,
                                   RateLimiter limiter) {
        this.caseFiles = caseFiles;
        this.notices = notices;
        this.views = views;
        this.limiter = limiter;
    }

    @GetMapping("/api/applications/{caseNo}")
    public CaseViews.CaseView view(@PathVariable String caseNo, @RequestParam(required = false) String trackingCode,
                                   HttpServletRequest request) {
        limit(request);
        return views.of(caseFiles.getForApplicant(caseNo, trackingCode));
    }

    @GetMapping("/api/applications/{caseNo}/notices/{noticeId}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String caseNo, @PathVariable long noticeId,
                                      @RequestParam(required = false) String trackingCode, HttpServletRequest request) {
        limit(request);
        ApplicationCase c = caseFiles.getForApplicant(caseNo, trackingCode);
        byte[] pdf = notices.pdf(c.id(), noticeId).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.caseNo() + "-" + noticeId + ".pdf").build().toString())
                .body(pdf);
    }

    private void limit(HttpServletRequest request) {
        if (!limiter.tryAcquire(RateLimiter.Kind.LOOKUP, request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, Texts.get("portal.lookup.tooFrequent"));
        }
    }
}
