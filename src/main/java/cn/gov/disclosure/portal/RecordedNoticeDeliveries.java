package cn.gov.disclosure.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.disclosure.delivery.Deliveries;
import cn.gov.disclosure.delivery.DeliveryStatus;

/**
 * The status page's deliveries from the delivery records (post, collection, viewing, counter and e-mail, with
 * return receipts and presumed dates). Letters to others never come through
 * {@link Deliveries#forCase}; the untracked acknowledgment's e-mail comes from the outbox.
 */
@Component
class RecordedNoticeDeliveries implements NoticeDeliveries {

    private final Deliveries deliveries;
    private final OutboxNoticeDeliveries untracked;

    RecordedNoticeDeliveries(Deliveries deliveries, OutboxNoticeDeliveries untracked) {
        this.deliveries = deliveries;
        this.untracked = untracked;
    }

    @Override
    public List<DeliveryView> forCase(String caseNo) {
        List<DeliveryView> recorded = deliveries.forCase(caseNo).stream()
                .filter(d -> channel(d) != null)
                .map(d -> new DeliveryView(d.noticeId(), channel(d), d.sentOn(), d.registeredNo(),
                        d.status() == DeliveryStatus.DELIVERED ? d.deliveredOn() : null,
                        d.status() == DeliveryStatus.FAILED,
                        d.status() == DeliveryStatus.DELIVERED && d.presumed()))
                .toList();
        // Notices the delivery feature does not track (the acknowledgment) show their e-mail from the outbox.
        Set<Long> tracked = recorded.stream().map(DeliveryView::noticeId).collect(Collectors.toSet());
        List<DeliveryView> all = new ArrayList<>(recorded);
        untracked.forCase(caseNo).stream().filter(d -> !tracked.contains(d.noticeId())).forEach(all::add);
        all.sort(Comparator.comparingLong(DeliveryView::noticeId));
        return all;
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
