package cn.gov.disclosure.portal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.notice.AgencyProfile;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.NoticeRepository.IssuedNotice;
import cn.gov.disclosure.ratelimit.RateLimiter;
import cn.gov.disclosure.seal.Fingerprints;
import cn.gov.disclosure.seal.SignatureCheck;
import cn.gov.disclosure.seal.SignatureVerifier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 文书核验: anyone holding a notice can check that this office issued it and that it is unaltered, by
 * uploading the PDF or typing the 文号 (case number printed on it) and the file's SHA-256. Shows only what
 * identifies the act (title, date, case number, certificate), never personal data. Rate-limited like the
 * other public look-ups; works without JavaScript.
 */
@Controller
public class VerifyController {

    /** The verdicts, in the order a visitor should fear them least to most. */
    public enum Verdict {
        AUTHENTIC, REVOKED, UNRECORDED, ALTERED, UNKNOWN, NOT_PDF
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(Texts.get("portal.verify.time"), Locale.CHINA);

    private final NoticeRepository notices;
    private final SignatureVerifier verifier;
    private final RateLimiter limiter;
    private final AgencyProfile agency;
    private final long maxBytes;

    public VerifyController(NoticeRepository notices, SignatureVerifier verifier, RateLimiter limiter,
                            AgencyProfile agency,
                            @Value("${disclosure.seal.verify-max-kilobytes:2048}") long maxKilobytes) {
        this.notices = notices;
        this.verifier = verifier;
        this.limiter = limiter;
        this.agency = agency;
        this.maxBytes = maxKilobytes * 1024;
    }

    @ModelAttribute
    void common(Model model, @RequestParam(name = "large", required = false) String large) {
        model.addAttribute("currentPath", "/verify");
        model.addAttribute("agency", agency);
        model.addAttribute("large", "1".equals(large));
        model.addAttribute("maxKilobytes", maxBytes / 1024);
    }

    @GetMapping("/verify")
    public String form() {
        return "portal/verify";
    }

    @PostMapping("/verify/file")
    public String file(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!limiter.tryAcquire(RateLimiter.Kind.LOOKUP, request.getRemoteAddr())) {
            return refuse(model, response);
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", Texts.get("verify.file.missing"));
            return "portal/verify";
        }
        if (file.getSize() > maxBytes) {
            model.addAttribute("fileError", Texts.get("verify.file.tooLarge", maxBytes / 1024));
            return "portal/verify";
        }
        byte[] pdf = file.getBytes();
        String sha = Fingerprints.sha256(pdf);
        SignatureCheck check = verifier.check(pdf);
        Optional<IssuedNotice> issued = notices.findBySha256(sha);
        Verdict verdict;
        if (issued.isPresent()) {
            verdict = check.revoked() ? Verdict.REVOKED : Verdict.AUTHENTIC;
        } else if (check.status() == SignatureCheck.Status.NOT_PDF) {
            verdict = Verdict.NOT_PDF;
        } else if (check.ours() != null && check.intact()) {
            verdict = check.revoked() ? Verdict.REVOKED : Verdict.UNRECORDED;
        } else if (check.ours() != null) {
            verdict = Verdict.ALTERED;
        } else {
            verdict = Verdict.UNKNOWN;
        }
        return result(model, verdict, issued.orElse(null), check, sha);
    }

    @PostMapping("/verify/code")
    public String code(@RequestParam(name = "caseNo", required = false) String caseNo,
                       @RequestParam(name = "sha256", required = false) String sha256, Model model,
                       HttpServletRequest request, HttpServletResponse response) {
        if (!limiter.tryAcquire(RateLimiter.Kind.LOOKUP, request.getRemoteAddr())) {
            return refuse(model, response);
        }
        String no = caseNo == null ? "" : caseNo.strip();
        String sha = sha256 == null ? "" : sha256.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        model.addAttribute("caseNo", no);
        model.addAttribute("sha256", sha256 == null ? "" : sha256.strip());
        Map<String, String> errors = new HashMap<>();
        if (no.isEmpty() || no.length() > 40) {
            errors.put("caseNo", Texts.get("verify.caseNo.missing"));
        }
        if (!SHA256.matcher(sha).matches()) {
            errors.put("sha256", Texts.get("verify.sha.invalid"));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "portal/verify";
        }
        Optional<IssuedNotice> issued = notices.findBySha256(no, sha);
        if (issued.isEmpty()) {
            return result(model, Verdict.UNKNOWN, null, null, sha);
        }
        SignatureCheck check = verifier.check(issued.get().pdf());
        return result(model, check.revoked() ? Verdict.REVOKED : Verdict.AUTHENTIC, issued.get(), check, sha);
    }

    private String refuse(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("formError", Texts.get("verify.rateLimited"));
        return "portal/verify";
    }

    private String result(Model model, Verdict verdict, IssuedNotice issued, SignatureCheck check, String sha) {
        model.addAttribute("verdict", verdict.name());
        model.addAttribute("verdictText", Texts.get("verify.verdict." + verdict.name()));
        model.addAttribute("good", verdict == Verdict.AUTHENTIC);
        model.addAttribute("fileSha256", sha);
        if (issued != null) {
            model.addAttribute("noticeTitle", issued.title());
            model.addAttribute("noticeCaseNo", issued.caseNo());
            model.addAttribute("noticeIssuedOn", chinese(issued.issuedOn()));
        }
        if (check != null && check.certificate() != null) {
            model.addAttribute("signatureText", Texts.get("verify.signature." + check.status().name()));
            model.addAttribute("certificateSubject", check.subject());
            model.addAttribute("certificateFingerprint", check.fingerprint());
            model.addAttribute("certificateOurs", check.ours() != null);
            model.addAttribute("signedAt", check.signedAt() == null ? null : TIME.format(check.signedAt().atZone(CHINA)));
            if (check.ours() != null && check.ours().revokedSince() != null) {
                model.addAttribute("revokedSince", chinese(check.ours().revokedSince()));
            }
        } else if (check != null) {
            model.addAttribute("signatureText", Texts.get("verify.signature." + check.status().name()));
        }
        return "portal/verify";
    }

    private static String chinese(LocalDate d) {
        return Texts.get("notice.date", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
