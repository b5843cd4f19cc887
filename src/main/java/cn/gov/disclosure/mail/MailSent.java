package cn.gov.disclosure.mail;

import java.time.Instant;

/**
 * Published after the outbox has handed a message to the SMTP server and it was accepted: the evidence of an
 * e-mail delivery (the moment it reached the recipient's system, Message-ID for tracing).
 */
public record MailSent(long outboxId, Long caseId, Long noticeId, String recipient, String messageId,
                       Instant sentAt) {
}
