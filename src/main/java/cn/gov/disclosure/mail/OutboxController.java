package cn.gov.disclosure.mail;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.disclosure.common.Texts;

/**
 * Staff view of the outbox ({@code GET /staff/mail/outbox}) and the "send now" action after an outage
 * ({@code POST /staff/mail/retry-now}): every waiting message becomes due at once instead of at the end of its
 * back-off. Messages whose delivery is uncertain keep their wait (re-sending them early risks a duplicate).
 * Signed-in staff only (security: everything outside the portal and health requires authentication); the
 * action is for clerks and administrators.
 */
@RestController
public class OutboxController {

    private static final Logger log = LoggerFactory.getLogger(OutboxController.class);
    /** Authorities as security/CamundaIdentityAuthenticationProvider names them (not imported: security sits above mail). */
    private static final List<String> MAY_RETRY = List.of("GROUP_clerk", "GROUP_camunda-admin");

    private final MailOutbox outbox;
    private final MailMetrics metrics;
    private final OutboxSender sender;

    public OutboxController(MailOutbox outbox, MailMetrics metrics, OutboxSender sender) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.sender = sender;
    }

    public record Undeliverable(long id, Long caseId, String recipient, String subject, String lastError) {
    }

    public record Overview(long backlog, long uncertain, long oldestPendingAgeSeconds, long undeliverable,
                           Instant lastSentAt, String lastError, Instant lastErrorAt, List<Undeliverable> givenUp) {
    }

    @GetMapping("/staff/mail/outbox")
    public Overview overview() {
        metrics.refresh();
        MailOutbox.Stats s = metrics.stats();
        List<Undeliverable> givenUp = outbox.undeliverable(50).stream()
                .map(m -> new Undeliverable(m.id(), m.caseId(), m.recipient(), m.subject(), m.lastError())).toList();
        return new Overview(s.backlog(), s.uncertain(), metrics.oldestAge().toSeconds(), s.undeliverable(),
                s.lastSentAt(), s.lastError(), s.lastErrorAt(), givenUp);
    }

    public record RetryNow(int rescheduled, String message) {
    }

    @PostMapping("/staff/mail/retry-now")
    public RetryNow retryNow(Authentication user) {
        if (user == null || user.getAuthorities().stream().noneMatch(a -> MAY_RETRY.contains(a.getAuthority()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, Texts.get("mail.retryNow.forbidden"));
        }
        int n = outbox.retryNow();
        sender.sendDue();
        log.info("{} asked to send the outbox now: {} waiting messages made due", user.getName(), n);
        return new RetryNow(n, Texts.get("mail.retryNow.done", n));
    }
}
