package cn.gov.disclosure.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persistent outbox. {@link #enqueue} runs in the transaction of the step that caused the mail, so
 * a mail exists exactly when its step committed; {@link OutboxSender} delivers it afterwards. Claims
 * are row updates guarded by status and lease, so several nodes can share the table.
 */
@Repository
public class MailOutbox {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private final JdbcClient jdbc;
    private final Clock clock;

    public MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void enqueue(Long caseId, String recipient, String subject, String body, Long noticeId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO mail_outbox (case_id, recipient, subject, body, notice_id, status, attempts,
                  next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                """).params(caseId, recipient, subject, body, noticeId, now, now).update();
    }

    /** Ids of messages due for a (re)try, oldest first; includes sends whose lease ran out (node died). */
    public List<Long> due(int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                SELECT id FROM mail_outbox
                WHERE (status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND locked_until < ?)
                ORDER BY next_attempt_at, id
                """).params(now, now).query(Long.class).list().stream().limit(limit).toList();
    }

    /** Takes a message for sending; false if another node took it first. */
    public boolean claim(long id, Duration lease) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                UPDATE mail_outbox SET status = 'SENDING', locked_until = ?
                WHERE id = ? AND ((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND locked_until < ?))
                """).params(Timestamp.from(now.toInstant().plus(lease)), id, now, now).update() == 1;
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?").param(id).query((rs, n) -> new OutboxMessage(
                rs.getLong("id"), (Long) rs.getObject("case_id", Long.class), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), (Long) rs.getObject("notice_id", Long.class),
                rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant())).optional();
    }

    public List<OutboxMessage> forCase(long caseId) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE case_id = ? ORDER BY id").param(caseId).query(Long.class)
                .list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    public void markSent(long id) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, locked_until = NULL, "
                + "last_error = NULL WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
    }

    /**
     * Masks the credentials (tracking codes, one-time links) in the stored body of a sent message: the
     * recipient has them now, and the outbox must not keep them readable ({@link OutboxRetention}). Never
     * throws: the message is sent, and a failure here must not make the sender try again; the retention pass
     * masks it later.
     */
    public void redactAfterSend(long id) {
        try {
            jdbc.sql("SELECT body FROM mail_outbox WHERE id = ? AND status = 'SENT'").param(id).query(String.class)
                    .optional().ifPresent(body -> {
                        String masked = OutboxRetention.mask(body);
                        if (!masked.equals(body)) {
                            jdbc.sql("UPDATE mail_outbox SET body = ? WHERE id = ? AND status = 'SENT'")
                                    .params(masked, id).update();
                        }
                    });
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(MailOutbox.class).warn("Could not mask the sent mail {} yet: {}", id, e.toString());
        }
    }

    /** Schedules another try, or gives up after {@code maxAttempts} and leaves the message FAILED. */
    public void markFailed(long id, int attemptsSoFar, int maxAttempts, Duration retryIn, String error) {
        boolean giveUp = attemptsSoFar + 1 >= maxAttempts;
        jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, locked_until = NULL, "
                + "last_error = ? WHERE id = ?")
                .params(giveUp ? FAILED : PENDING, Timestamp.from(clock.instant().plus(retryIn)),
                        error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000)), id)
                .update();
    }

}
