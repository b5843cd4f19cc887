package cn.gov.disclosure.records;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.NotFoundException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.ratelimit.RateLimiter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The applicant's released files, with the case number and tracking code, until the download period ends. Only
 * the copies released with a reply are reachable here — never an original, an internal file, or a letter. A wrong
 * code, another case's file and a missing file all get the same 404; look-ups are rate-limited like the case view.
 */
@RestController
public class ReleasedFilesController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseFileService caseFiles;
    private final RecordsService records;
    private final RateLimiter limiter;
    private final ZoneId zone;
    private final java.time.Clock clock;

    public ReleasedFilesController(CaseFileService caseFiles, RecordsService records, RateLimiter limiter,
                                   java.time.Clock clock) {
        this.caseFiles = caseFiles;
        this.records = records;
        this.limiter = limiter;
        this.zone = clock.getZone();
        this.clock = clock;
    }

    /** One released file as the applicant's view lists it. */
    public record FileView(long id, int itemNo, String name, Integer pages, String sha256, long sizeBytes,
                           boolean attachedToMail, String downloadableUntil, boolean expired, String url) {
    }

    @GetMapping("/api/applications/{caseNo}/records")
    public List<FileView> list(@PathVariable String caseNo, @RequestParam(required = false) String trackingCode,
                               HttpServletRequest request) {
        ApplicationCase c = applicant(caseNo, trackingCode, request);
        java.time.Instant now = clock.instant();
        return records.releases(c.caseNo()).stream().map(r -> new FileView(r.id(), r.itemNo(), r.fileName(),
                r.pages(), r.sha256(), r.sizeBytes(), r.byMail(), DAY.format(r.expiresAt().atZone(zone)),
                !now.isBefore(r.expiresAt()), "/api/applications/" + c.caseNo() + "/records/" + r.id())).toList();
    }

    @GetMapping("/api/applications/{caseNo}/records/{releaseId}")
    public ResponseEntity<byte[]> download(@PathVariable String caseNo, @PathVariable long releaseId,
                                           @RequestParam(required = false) String trackingCode,
                                           HttpServletRequest request) {
        ApplicationCase c = applicant(caseNo, trackingCode, request);
        RecordRepository.Release r;
        try {
            r = records.downloadable(c.caseNo(), releaseId);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, Texts.get("records.download.notFound"));
        } catch (ReleaseExpiredException e) {
            throw new ResponseStatusException(HttpStatus.GONE,
                    Texts.get("records.download.expired", DAY.format(e.release().expiresAt().atZone(zone))));
        }
        String type = r.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? "application/pdf"
                : "application/octet-stream";
        return StaffRecordsController.file(records.copyContent(r.copyId()), type, r.fileName(), false);
    }

    /** The status page's download button: the tracking code travels in the form, never in the address. */
    @org.springframework.web.bind.annotation.PostMapping("/track/record")
    public ResponseEntity<byte[]> downloadFromStatusPage(@RequestParam(defaultValue = "") String caseNo,
                                                         @RequestParam(defaultValue = "") String trackingCode,
                                                         @RequestParam(defaultValue = "0") long releaseId,
                                                         HttpServletRequest request) {
        try {
            return download(caseNo.strip(), releaseId, trackingCode, request);
        } catch (ResponseStatusException e) {
            return ResponseEntity.status(e.getStatusCode()).contentType(
                            new org.springframework.http.MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                    .body(String.valueOf(e.getReason()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private ApplicationCase applicant(String caseNo, String trackingCode, HttpServletRequest request) {
        if (!limiter.tryAcquire(RateLimiter.Kind.LOOKUP, request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, Texts.get("portal.lookup.tooFrequent"));
        }
        try {
            return caseFiles.getForApplicant(caseNo, trackingCode);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, Texts.get("records.download.notFound"));
        }
    }
}
