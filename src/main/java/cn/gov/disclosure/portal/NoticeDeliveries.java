package cn.gov.disclosure.portal;

import java.time.LocalDate;
import java.util.List;

/**
 * How each notice reached (or is on its way to) the applicant, as the status page shows it. Read-only; implemented by
 * {@link RecordedNoticeDeliveries} from the delivery records and the mail outbox.
 * Only deliveries to the applicant belong here, never a letter to a third party or another agency.
 */
public interface NoticeDeliveries {

    /** Channels as the delivery feature names them; labels in messages/portal.properties. */
    enum Channel { EMAIL, POST, PICKUP, ON_THE_SPOT, ONLINE }

    /**
     * One delivery of one notice. {@code sentOn} null: not sent yet; {@code receivedOn} null: not delivered yet;
     * {@code presumed}: {@code receivedOn} is the day the office's rule presumes (no return receipt came back), not
     * a proven one (return receipt, signature, the mail server's acceptance); {@code failed}: this attempt did not
     * reach the applicant.
     */
    record DeliveryView(long noticeId, Channel channel, LocalDate sentOn, String registeredNo, LocalDate receivedOn,
                        boolean failed, boolean presumed) {

        /** A delivery with nothing presumed. */
        public DeliveryView(long noticeId, Channel channel, LocalDate sentOn, String registeredNo,
                            LocalDate receivedOn, boolean failed) {
            this(noticeId, channel, sentOn, registeredNo, receivedOn, failed, false);
        }
    }

    /** Every delivery of the applicant's notices of the case, oldest first. */
    List<DeliveryView> forCase(String caseNo);
}
