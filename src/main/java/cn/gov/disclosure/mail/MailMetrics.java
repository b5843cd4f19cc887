package cn.gov.disclosure.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's figures as Micrometer meters: {@code disclosure.mail.outbox.backlog} (messages waiting),
 * {@code disclosure.mail.outbox.oldest.age} (seconds the oldest has waited), {@code disclosure.mail.outbox.undeliverable}
 * (given up), and counters {@code disclosure.mail.sent}, {@code disclosure.mail.failed} (failed attempts),
 * {@code disclosure.mail.undeliverable}. The figures are read from the database by the sender's poll and kept
 * here, so a health check or a scrape never waits for the database, let alone for SMTP.
 */
@Component
public class MailMetrics {

    private static final Logger log = LoggerFactory.getLogger(MailMetrics.class);

    private final MailOutbox outbox;
    private final Clock clock;
    private final AtomicReference<MailOutbox.Stats> last = new AtomicReference<>();
    private final Counter sent;
    private final Counter failed;
    private final Counter undeliverable;

    public MailMetrics(MailOutbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("disclosure.mail.outbox.backlog", this, m -> m.stats() == null ? 0 : m.stats().backlog())
                .description("E-mails waiting to be sent (pending, sending or uncertain)").register(registry);
        Gauge.builder("disclosure.mail.outbox.oldest.age", this, m -> m.oldestAge().toSeconds())
                .description("How long the oldest waiting e-mail has waited").baseUnit("seconds").register(registry);
        Gauge.builder("disclosure.mail.outbox.undeliverable", this, m -> m.stats() == null ? 0 : m.stats().undeliverable())
                .description("E-mails given up and handed to a clerk").register(registry);
        this.sent = Counter.builder("disclosure.mail.sent").description("E-mails accepted by the SMTP server")
                .register(registry);
        this.failed = Counter.builder("disclosure.mail.failed").description("Failed send attempts").register(registry);
        this.undeliverable = Counter.builder("disclosure.mail.undeliverable")
                .description("E-mails given up on this node").register(registry);
    }

    /** Re-reads the figures (called by every poll of the sender). */
    public void refresh() {
        try {
            last.set(outbox.stats());
        } catch (RuntimeException e) {
            log.warn("Mail outbox figures not readable: {}", e.toString());
        }
    }

    /** The latest figures; null before the first poll. */
    public MailOutbox.Stats stats() {
        if (last.get() == null) {
            refresh();
        }
        return last.get();
    }

    public Duration oldestAge() {
        MailOutbox.Stats s = stats();
        if (s == null || s.oldestQueuedAt() == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        return now.isAfter(s.oldestQueuedAt()) ? Duration.between(s.oldestQueuedAt(), now) : Duration.ZERO;
    }

    void sent() {
        sent.increment();
    }

    void failedAttempt() {
        failed.increment();
    }

    void undeliverable() {
        undeliverable.increment();
    }
}
