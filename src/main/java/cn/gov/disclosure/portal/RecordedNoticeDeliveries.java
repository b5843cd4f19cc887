package cn.gov.disclosure.portal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.gov.disclosure.delivery.Deliveries;
import cn.gov.disclosure.delivery.DeliveryStatus;

/**
 * The status page's deliveries from the delivery records (post, collection, viewing, counter and e-mail, with
 * return receipts and presumed dates). Letters to others never come through
 * {@link Deliveries#forCase}.
 */
@Component
class RecordedNoticeDeliveries implements NoticeDeliveries {

    private final Deliveries deliveries;

    RecordedNoticeDeliveries(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public List<DeliveryView> forCase(String caseNo) {
        return deliveries.forCase(caseNo).stream()
                .filter(d -> channel(d) != null)
                .map(d -> new DeliveryView(d.noticeId(), channel(d), d.sentOn(), d.registeredNo(),
                        d.status() == DeliveryStatus.DELIVERED ? d.deliveredOn() : null,
                        d.status() == DeliveryStatus.FAILED))
                .toList();
    }

    private static Channel channel(Deliveries.DeliveryView d) {
        return switch (d.channel()) {
            case EMAIL -> Channel.EMAIL;
            case POST -> Channel.POST;
            case COLLECTION, VIEWING -> Channel.PICKUP;
            case ON_THE_SPOT -> Channel.ON_THE_SPOT;
            case EXCHANGE -> null;
        };
    }
}
