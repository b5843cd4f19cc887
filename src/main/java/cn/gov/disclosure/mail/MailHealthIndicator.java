package cn.gov.disclosure.mail;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Mail as the operator should see it: {@code /actuator/health/mail}. It reads the outbox figures kept by
 * {@link MailMetrics} and never talks to the SMTP server, so it answers at once during an outage. It is never
 * DOWN: mail waits in the outbox while the portal keeps working, and the liveness and readiness groups leave it
 * out. DEGRADED (HTTP 200) when a message has waited longer than {@code disclosure.mail.degraded-after}.
 * Spring's own mail indicator, which connects to the server, is switched off
 * ({@code management.health.mail.enabled=false}).
 */
@Component("mailOutboxHealthIndicator")
public class MailHealthIndicator extends AbstractHealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "e-mail is waiting longer than it should");

    private final MailMetrics metrics;
    private final MailSettings settings;

    public MailHealthIndicator(MailMetrics metrics, MailSettings settings) {
        super("Mail outbox figures not available");
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        MailOutbox.Stats s = metrics.stats();
        if (s == null) {
            health.unknown();
            return;
        }
        var oldest = metrics.oldestAge();
        health.status(oldest.compareTo(settings.degradedAfter()) > 0 ? DEGRADED : Status.UP)
                .withDetail("backlog", s.backlog())
                .withDetail("uncertain", s.uncertain())
                .withDetail("oldestPendingAgeSeconds", oldest.toSeconds())
                .withDetail("undeliverable", s.undeliverable());
        if (s.lastSentAt() != null) {
            health.withDetail("lastSentAt", s.lastSentAt().toString());
        }
        if (s.lastError() != null) {
            health.withDetail("lastError", s.lastError()).withDetail("lastErrorAt", String.valueOf(s.lastErrorAt()));
        }
    }
}
