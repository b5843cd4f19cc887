package cn.gov.disclosure.mail;

import java.time.Instant;

/**
 * One queued e-mail. {@code messageId} is its Message-ID header, the same on every attempt;
 * {@code uncertainSends} counts attempts whose outcome the server never told us (see {@link MailOutbox#UNCERTAIN}).
 */
public record OutboxMessage(long id, Long caseId, String recipient, String subject, String body, Long noticeId,
                            String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt,
                            String messageId, int uncertainSends, Instant createdAt) {
}
