package cn.gov.disclosure.delivery;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code delivery}: one attempt to serve one notice by one channel. */
public record DeliveryRecord(long id, long caseId, long noticeId, String addressee, DeliveryChannel channel,
                             DeliveryStatus status, Instant sentAt, String registeredNo, String appointment,
                             LocalDate deliveredOn, boolean presumed, String evidence, Instant createdAt) {

    /** A letter to a third party or another agency rather than a notice to the applicant. */
    public boolean letter() {
        return addressee != null;
    }
}
