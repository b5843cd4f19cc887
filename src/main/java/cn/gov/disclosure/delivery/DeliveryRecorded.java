package cn.gov.disclosure.delivery;

import java.time.LocalDate;

/**
 * Published (in the transaction that records it) when a notice is delivered, proven or presumed. The appeal
 * window of a reply follows it (workflow), and so may the 15-working-day clock of a consultation letter.
 *
 * @param noticeType the notice's type name ({@code REPLY}, {@code AGENCY_CONSULTATION}, …)
 */
public record DeliveryRecorded(String caseNo, long deliveryId, long noticeId, String noticeType, String addressee,
                               DeliveryChannel channel, LocalDate deliveredOn, boolean presumed) {
}
