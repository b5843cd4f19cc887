package cn.gov.disclosure.workflow.consultation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.consultation.ConsultationRepository;
import cn.gov.disclosure.consultation.ConsultationService;
import cn.gov.disclosure.consultation.LetterReceipt;
import cn.gov.disclosure.delivery.DeliveryChannel;
import cn.gov.disclosure.delivery.DeliveryRecorded;

/**
 * Arts. 32, 34: the 15 working days of a consultation run from the day the letter reached the third party or
 * agency. When the delivery of a consultation letter is proven (return receipt, exchange system, mail server),
 * that day becomes the letter's receipt date and moves the answer day. A presumed delivery changes nothing: the
 * consultation keeps its own presumption until someone confirms receipt. Here, at the engine edge, because the
 * delivery feature already depends on consultation.
 */
@Component
public class LetterReceiptFollowsDelivery {

    private static final Logger log = LoggerFactory.getLogger(LetterReceiptFollowsDelivery.class);

    private final ConsultationRepository consultations;
    private final ConsultationService service;

    public LetterReceiptFollowsDelivery(ConsultationRepository consultations, ConsultationService service) {
        this.consultations = consultations;
        this.service = service;
    }

    @EventListener
    public void delivered(DeliveryRecorded d) {
        if (d.presumed() || d.addressee() == null || !("THIRD_PARTY_CONSULTATION".equals(d.noticeType())
                || "AGENCY_CONSULTATION".equals(d.noticeType()))) {
            return;
        }
        consultations.findByNotice(d.noticeId()).ifPresent(c -> {
            try {
                service.recordLetterReceived(c.id(), d.deliveredOn(), d.channel() == DeliveryChannel.EMAIL
                        ? LetterReceipt.EMAIL_CONFIRMATION : LetterReceipt.DELIVERY_RECORD);
            } catch (InvalidInputException e) {
                // Already answered, or a date the consultation cannot take: the delivery stands as recorded.
                log.warn("Case {}: receipt of the letter to {} not applied to its consultation: {}", d.caseNo(),
                        d.addressee(), e.getMessage());
            }
        });
    }
}
