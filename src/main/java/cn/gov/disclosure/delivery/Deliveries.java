package cn.gov.disclosure.delivery;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.CaseFileService;

/**
 * Read-only view of how the applicant's notices were delivered, for the applicant's status page: channel, sent,
 * registered number, delivered (or presumed). Letters to third parties and other agencies are never listed.
 */
@Component
public class Deliveries {

    /** One delivery attempt as the applicant sees it; dates are Beijing days, null while not reached. */
    public record DeliveryView(long noticeId, String noticeTitle, DeliveryChannel channel, String channelLabel,
                               DeliveryStatus status, LocalDate sentOn, String registeredNo, String appointment,
                               LocalDate deliveredOn, boolean presumed) {
    }

    private final DeliveryRepository deliveries;
    private final CaseFileService caseFiles;

    public Deliveries(DeliveryRepository deliveries, CaseFileService caseFiles) {
        this.deliveries = deliveries;
        this.caseFiles = caseFiles;
    }

    /** Every delivery attempt of a notice to the applicant, oldest first (a failed e-mail stays listed). */
    public List<DeliveryView> forCase(String caseNo) {
        return caseFiles.find(caseNo).map(c -> deliveries.forCase(c.id()).stream().filter(d -> !d.letter())
                .map(d -> new DeliveryView(d.noticeId(), deliveries.noticeTitle(d.noticeId()), d.channel(),
                        d.channel().label(), d.status(),
                        d.sentAt() == null ? null : d.sentAt().atZone(CalendarConfiguration.CHINA).toLocalDate(),
                        d.registeredNo(), d.appointment(), d.deliveredOn(), d.presumed()))
                .toList()).orElse(List.of());
    }

    /** The day the latest reply reached the applicant (proven or presumed); empty while it has not. */
    public Optional<LocalDate> replyDeliveredOn(String caseNo) {
        return caseFiles.find(caseNo).flatMap(c -> {
            List<DeliveryRecord> replies = deliveries.forCase(c.id()).stream()
                    .filter(d -> !d.letter() && "REPLY".equals(deliveries.noticeType(d.noticeId()))).toList();
            // A reply made again (after an appeal) counts, not the delivery of the earlier one.
            long latest = replies.stream().mapToLong(DeliveryRecord::noticeId).max().orElse(-1);
            return replies.stream().filter(d -> d.noticeId() == latest && d.status() == DeliveryStatus.DELIVERED)
                    .max(Comparator.comparingLong(DeliveryRecord::id)).map(DeliveryRecord::deliveredOn);
        });
    }
}
