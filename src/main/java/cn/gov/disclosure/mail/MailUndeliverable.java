package cn.gov.disclosure.mail;

/**
 * Published (inside the transaction that gives the message up) when an e-mail will not be delivered by the
 * outbox, so that someone delivers it another way. {@code caseId} may be null for mail not tied to a case.
 */
public record MailUndeliverable(Long caseId, long outboxId, String recipient, String subject, Reason reason,
                                String lastError) {

    public enum Reason {
        /** Retried for disclosure.mail.give-up-after without success. */
        GAVE_UP,
        /** The server refused the recipient or the message for good (5xx). */
        REJECTED,
        /** Handed over several times without ever getting an answer: delivery cannot be confirmed. */
        UNCONFIRMED
    }
}
