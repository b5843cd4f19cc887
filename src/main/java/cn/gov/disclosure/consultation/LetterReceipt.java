package cn.gov.disclosure.consultation;

/**
 * Who says when a consultation letter reached its addressee (Arts. 32, 34: the answer period runs from then).
 * A presumption gives way to any confirmation; a confirmation by the link gives way only to a person or a
 * delivery record, which are taken as they are recorded.
 */
public enum LetterReceipt {
    /** Presumed: sent by e-mail ({@code disclosure.receipt-presumption.email-days}). */
    PRESUMED_EMAIL,
    /** Presumed: sent by post ({@code disclosure.receipt-presumption.post-days}). */
    PRESUMED_POST,
    /** The addressee opened the one-time answer link. */
    LINK_OPENED,
    /** An e-mail read or delivery confirmation. */
    EMAIL_CONFIRMATION,
    /** A postal or courier delivery record (signed receipt). */
    DELIVERY_RECORD,
    /** Entered by the clerk (telephone confirmation, signed receipt in the file). */
    CLERK;

    public boolean presumed() {
        return this == PRESUMED_EMAIL || this == PRESUMED_POST;
    }

    /** Whether a receipt day from {@code this} source may replace one from {@code current}. */
    public boolean replaces(LetterReceipt current) {
        return current == null || current.presumed() || (this != LINK_OPENED && !presumed());
    }

    public String label() {
        return cn.gov.disclosure.common.Texts.get("consultation.receipt." + name());
    }
}
