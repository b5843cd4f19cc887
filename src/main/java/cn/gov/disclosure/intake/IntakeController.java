package cn.gov.disclosure.intake;

import cn.gov.disclosure.common.Texts;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.ratelimit.RateLimiter;

/** {@code POST /api/applications}: anyone may apply online; signed-in staff register other channels. */
@RestController
public class IntakeController {

    private final IntakeService intake;
    private final RateLimiter limiter;
    private final IntakeMetrics metrics;

    public IntakeController(IntakeService intake, RateLimiter limiter, IntakeMetrics metrics) {
        this.intake = intake;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    // produces: an Accept header that excludes JSON is refused (406) before anything is stored, not after.
    @PostMapping(value = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public IntakeService.Receipt submit(@RequestBody(required = false) ApplicationSubmission submission,
                                        Authentication auth, jakarta.servlet.http.HttpServletRequest request) {
        boolean staff = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        if (staff) {
            return intake.submit(submission, auth.getName(), true);
        }
        // Applicants: an address over its limit is refused before anything is done; the application is counted in
        // the transaction that stores it (RateLimiter.mayAttempt), so the limit costs no commit of its own.
        String address = request.getRemoteAddr();
        if (!limiter.mayAttempt(RateLimiter.Kind.SUBMISSION, address)) {
            throw rateLimited();
        }
        try {
            return intake.submit(submission, "applicant", false, address);
        } catch (RateLimiter.LimitReached e) {
            throw rateLimited();
        }
    }

    private org.springframework.web.server.ResponseStatusException rateLimited() {
        metrics.refused(IntakeMetrics.Refusal.RATE_LIMITED);
        return new org.springframework.web.server.ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                Texts.get("intake.rateLimited"));
    }
}
