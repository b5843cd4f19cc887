package cn.gov.disclosure.mail;

import java.time.Instant;

/** One queued e-mail. */
public record OutboxMessage(long id, Long caseId, String recipient, String subject, String body, Long noticeId,
                            String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
}
