package cn.gov.disclosure.delivery;

/** Where one delivery attempt stands. Only DELIVERED counts, and it always carries evidence. */
public enum DeliveryStatus {
    /** Queued for e-mail, or waiting for the clerk (post not yet handed to the post office, no appointment). */
    PENDING,
    /** Posted, handed to the exchange system, or an appointment made: on its way, not yet received. */
    SENT,
    /** Received: proven (SMTP acceptance, return receipt, signed hand-over) or presumed under the office's rule. */
    DELIVERED,
    /** Could not be delivered this way (e-mail bounced or given up); another attempt follows. */
    FAILED
}
