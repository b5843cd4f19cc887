package cn.gov.disclosure.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The persistent outbox. {@link #enqueue} runs in the transaction of the step that caused the mail, so
 * a mail exists exactly when its step committed; {@link OutboxSender} delivers it afterwards.
 *
 * <p>Life of a row: PENDING → SENDING (claimed by one sender) → SENT, or back to PENDING with a later
 * {@code next_attempt_at}, or UNCERTAIN (handed over, no answer; re-sent later with the same Message-ID), or
 * FAILED (given up: a clerk delivers it another way). Claims are single-row updates guarded by status, due
 * time and lease, so two threads or two nodes never both send a row; outcomes are guarded by the claim token,
 * so a sender whose lease ran out cannot overwrite the result of the one that took over.
 */
@Repository
public class MailOutbox {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    /** Handed to the server without a definite answer; it may have been delivered. */
    public static final String UNCERTAIN = "UNCERTAIN";
    /** Given up: not (or not verifiably) delivered by e-mail. */
    public static final String FAILED = "FAILED";

    /** Due for a (re)try: waiting and due, or claimed by a sender whose lease ran out (node died). */
    private static final String DUE = "((status IN ('PENDING', 'UNCERTAIN') AND next_attempt_at <= :now) "
            + "OR (status = 'SENDING' AND locked_until < :now))";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String messageIdDomain;

    public MailOutbox(JdbcClient jdbc, Clock clock, MailSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messageIdDomain = domainOf(settings.from());
    }

    public void enqueue(Long caseId, String recipient, String subject, String body, Long noticeId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO mail_outbox (case_id, recipient, subject, body, notice_id, status, attempts,
                  next_attempt_at, created_at, message_id) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                """).params(caseId, recipient, subject, body, noticeId, now, now, newMessageId()).update();
    }

    /**
     * Claims the next due message for this sender, oldest due first; empty when nothing is due. Looks at a few
     * candidates because other senders may win the race for the first ones.
     */
    public Optional<OutboxMessage> claimNext(Duration lease, String token, int candidates) {
        List<Long> ids = jdbc.sql("SELECT id FROM mail_outbox WHERE " + DUE
                        + " ORDER BY next_attempt_at, id FETCH FIRST " + Math.max(1, candidates) + " ROWS ONLY")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        for (long id : ids) {
            if (claim(id, lease, token)) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Takes a message for sending; false if another sender took it first. Taking over an expired lease
     * counts as an uncertain send: the sender that held it may have died after handing the message over.
     */
    public boolean claim(long id, Duration lease, String token) {
        Instant now = clock.instant();
        return jdbc.sql("UPDATE mail_outbox SET uncertain_sends = uncertain_sends + "
                        + "CASE WHEN status = 'SENDING' THEN 1 ELSE 0 END, "
                        + "status = 'SENDING', locked_until = :until, claim_token = :token WHERE id = :id AND " + DUE)
                .param("until", Timestamp.from(now.plus(lease))).param("token", token).param("id", id)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Rows queued before Message-IDs were stored get theirs here, once. */
    public String ensureMessageId(long id) {
        jdbc.sql("UPDATE mail_outbox SET message_id = ? WHERE id = ? AND message_id IS NULL")
                .params(newMessageId(), id).update();
        return jdbc.sql("SELECT message_id FROM mail_outbox WHERE id = ?").param(id).query(String.class).single();
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?").param(id).query(MailOutbox::map).optional();
    }

    public List<OutboxMessage> forCase(long caseId) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE case_id = ? ORDER BY id").param(caseId)
                .query(MailOutbox::map).list();
    }

    public boolean markSent(long id, String token) {
        Timestamp now = Timestamp.from(clock.instant());
        return outcome(id, token, "status = 'SENT', sent_at = :now, last_attempt_at = :now, last_error = NULL",
                now, null, null);
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

    /** A definite failure (no connection, refused, a 4xx answer): try again at {@code next}. */
    public boolean retryLater(long id, String token, Instant next, String error) {
        return outcome(id, token, "status = 'PENDING', next_attempt_at = :next, last_attempt_at = :now, last_error = :error",
                Timestamp.from(clock.instant()), Timestamp.from(next), error);
    }

    /** Handed over but unanswered: re-send at {@code next} (same Message-ID) unless confirmed otherwise. */
    public boolean markUncertain(long id, String token, Instant next, String error) {
        return outcome(id, token, "status = 'UNCERTAIN', uncertain_sends = uncertain_sends + 1, next_attempt_at = :next, "
                + "last_attempt_at = :now, last_error = :error", Timestamp.from(clock.instant()), Timestamp.from(next), error);
    }

    /** Gives the message up; true if this sender still held it (and so must report it). */
    public boolean markUndeliverable(long id, String token, String error) {
        return outcome(id, token, "status = 'FAILED', given_up_at = :now, last_attempt_at = :now, last_error = :error",
                Timestamp.from(clock.instant()), null, error);
    }

    private boolean outcome(long id, String token, String set, Timestamp now, Timestamp next, String error) {
        return jdbc.sql("UPDATE mail_outbox SET " + set + ", attempts = attempts + 1, "
                        + "locked_until = NULL, claim_token = NULL WHERE id = :id AND status = 'SENDING' AND claim_token = :token")
                .param("id", id).param("token", token).param("now", now).param("next", next)
                .param("error", error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000)))
                .update() == 1;
    }

    /** Staff "send now" after an outage: every waiting message becomes due at once. Returns how many. */
    public int retryNow() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE status = 'PENDING' AND next_attempt_at > ?")
                .params(now, now).update();
    }

    /** Figures for the health indicator, the metrics and the staff overview. */
    public record Stats(long backlog, long uncertain, Instant oldestQueuedAt, long undeliverable, String lastError,
                        Instant lastErrorAt, Instant lastSentAt) {
    }

    public Stats stats() {
        record Waiting(long count, long uncertain, Timestamp oldest) {
        }
        Waiting w = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN status = 'UNCERTAIN' THEN 1 ELSE 0 END), MIN(created_at) "
                        + "FROM mail_outbox WHERE status IN ('PENDING', 'SENDING', 'UNCERTAIN')")
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3))).single();
        long failed = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'FAILED'").query(Long.class).single();
        record LastError(String error, Timestamp at) {
        }
        Optional<LastError> error = jdbc.sql("SELECT last_error, last_attempt_at FROM mail_outbox "
                        + "WHERE last_error IS NOT NULL AND last_attempt_at IS NOT NULL "
                        + "ORDER BY last_attempt_at DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> new LastError(rs.getString(1), rs.getTimestamp(2))).optional();
        Timestamp lastSent = jdbc.sql("SELECT MAX(sent_at) FROM mail_outbox").query((rs, n) -> rs.getTimestamp(1))
                .list().get(0);
        return new Stats(w.count(), w.uncertain(), instant(w.oldest()), failed,
                error.map(LastError::error).orElse(null), error.map(e -> instant(e.at())).orElse(null), instant(lastSent));
    }

    /** Messages given up, newest first (the staff overview). */
    public List<OutboxMessage> undeliverable(int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE status = 'FAILED' ORDER BY given_up_at DESC, id DESC "
                + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY").query(MailOutbox::map).list();
    }

    /** Notices of a case whose e-mail to {@code recipient} was given up (for the applicant's view). */
    public Set<Long> undeliveredNotices(long caseId, String recipient) {
        if (recipient == null) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT notice_id FROM mail_outbox WHERE case_id = ? AND status = 'FAILED' "
                        + "AND notice_id IS NOT NULL AND LOWER(recipient) = LOWER(?)")
                .params(caseId, recipient).query(Long.class).list());
    }

    private String newMessageId() {
        return "<" + UUID.randomUUID() + ".outbox@" + messageIdDomain + ">";
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at > 0 && at < address.length() - 1 ? address.substring(at + 1) : "disclosure.invalid";
        } catch (AddressException e) {
            return "disclosure.invalid";
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getObject("case_id", Long.class), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getObject("notice_id", Long.class),
                rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"), instant(rs.getTimestamp("sent_at")), rs.getString("message_id"),
                rs.getInt("uncertain_sends"), instant(rs.getTimestamp("created_at")));
    }
}
