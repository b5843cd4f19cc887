package cn.gov.disclosure.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClockRepository;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.correction.CorrectionService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.items.CaseItems;

/** What an applicant may see of their case, for the JSON API and the web pages alike. */
@Component
public class CaseViews {

    private final NoticeRepository notices;
    private final CaseClockRepository clocks;
    private final MailOutbox outbox;
    private final NoticeDeliveries deliveries;
    private final CorrectionService corrections;
    private final CaseItems items;
    private final ReplyCatalogue catalogue;

    public CaseViews(NoticeRepository notices, CaseClockRepository clocks, MailOutbox outbox,
                     NoticeDeliveries deliveries, CorrectionService corrections, CaseItems items,
                     ReplyCatalogue catalogue) {
        this.items = items;
        this.catalogue = catalogue;
        this.notices = notices;
        this.clocks = clocks;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.corrections = corrections;
    }

    /**
     * {@code delivery} is null, or 未能通过电子邮件送达 when the e-mail carrying the notice was given up;
     * {@code deliveries} says how the notice went out and reached the applicant (Art. 29: post, e-mail, collection).
     */
    public record NoticeView(long id, String type, String title, LocalDate issuedOn, String pdf, String delivery,
                             List<DeliveryLine> deliveries) {
    }

    /**
     * One delivery of a notice, with the sentence the status page shows. {@code presumed}: {@code receivedOn} is the
     * presumed day of delivery (推定送达, no return receipt), from which the remedy periods run all the same.
     */
    public record DeliveryLine(String channel, String channelLabel, LocalDate sentOn, String registeredNo,
                               LocalDate receivedOn, boolean presumed, boolean failed, String text) {

        static DeliveryLine of(NoticeDeliveries.DeliveryView d) {
            String label = Texts.get("portal.delivery.channel." + d.channel().name());
            String text;
            if (d.failed()) {
                text = Texts.get("portal.delivery.failed", label);
            } else if (d.sentOn() == null) {
                text = Texts.get("portal.delivery.pending", label);
            } else {
                text = Texts.get("portal.delivery.sent", label, d.sentOn())
                        + (d.registeredNo() == null ? "" : Texts.get("portal.delivery.registeredNo", d.registeredNo()))
                        + (d.receivedOn() == null ? ""
                                : Texts.get(d.presumed() ? "portal.delivery.presumed" : "portal.delivery.received",
                                        d.receivedOn()));
            }
            return new DeliveryLine(d.channel().name(), label, d.sentOn(), d.registeredNo(), d.receivedOn(),
                    d.presumed(), d.failed(), text);
        }
    }

    /** An open correction request (Art. 30): what to correct, and the last day. */
    public record CorrectionView(List<String> items, LocalDate correctBy) {
    }

    /**
     * {@code statusNote} explains a stopped or extended clock (e.g. 征求第三方意见中，该期间不计入答复期限);
     * {@code dueOn} is null while the clock stands still.
     */
    public record CaseView(String caseNo, String status, String statusLabel, String statusNote, LocalDate receivedOn,
                           LocalDate dueOn, String description, boolean correctionAwaited, boolean disclosed,
                           List<NoticeView> notices, CorrectionView correction, List<ItemView> items) {
    }

    /**
     * One requested item. {@code outcome} is the reply type code once the reply has been sent, else null;
     * {@code note} says where a split or merged item went (其编号保留).
     */
    public record ItemView(int no, String description, String outcome, String outcomeLabel, String note) {
    }

    public CaseView of(ApplicationCase c) {
        Set<Long> undelivered = outbox.undeliveredNotices(c.id(), c.email());
        Map<Long, List<DeliveryLine>> byNotice = deliveries.forCase(c.caseNo()).stream().collect(
                Collectors.groupingBy(NoticeDeliveries.DeliveryView::noticeId,
                        Collectors.mapping(DeliveryLine::of, Collectors.toList())));
        List<NoticeView> list = notices.listForCase(c.id()).stream()
                .map(n -> new NoticeView(n.id(), n.type(), n.title(), n.issuedOn(),
                        "/api/applications/" + c.caseNo() + "/notices/" + n.id() + ".pdf",
                        undelivered.contains(n.id()) ? Texts.get("mail.notice.undelivered") : null,
                        byNotice.getOrDefault(n.id(), List.of())))
                .toList();
        boolean awaited = c.status() == CaseStatus.CORRECTION_REQUIRED;
        CorrectionView correction = awaited ? corrections.openRequest(c.caseNo())
                .map(r -> new CorrectionView(items(r.items()), r.correctBy())).orElse(null) : null;
        ReplyClock clock = clocks.load(c.id());
        String note = null;
        if (c.status() == CaseStatus.CORRECTION_REQUIRED) {
            note = Texts.get("portal.status.correction");
        } else if (clock.isPaused()) {
            PauseReason reason = clock.pauses().get(clock.pauses().size() - 1).reason();
            note = Texts.get("portal.status.paused", reason.label(), reason.basis());
        } else if (clock.extensionDays() > 0 && c.repliedOn() == null) {
            note = Texts.get("portal.status.extended", clock.extensionDays());
        }
        boolean stopped = clock.isPaused() || c.status() == CaseStatus.CORRECTION_REQUIRED;
        boolean disclosed = "DISCLOSED".equals(c.replyType()) || "PARTIALLY_DISCLOSED".equals(c.replyType());
        return new CaseView(c.caseNo(), c.status().name(), c.status().label(), note, c.receivedOn(),
                stopped ? null : c.dueOn(), c.description(), c.status() == CaseStatus.CORRECTION_REQUIRED, disclosed,
                list, correction, itemViews(c));
    }

    /** The notice's items one per line, without the numbering the clerk typed (the page numbers them). */
    static List<String> items(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(l -> l.strip().replaceFirst("^\\d{1,2}\\s*[.、．)）]\\s*", ""))
                .filter(l -> !l.isEmpty()).toList();
    }

    private List<ItemView> itemViews(ApplicationCase c) {
        boolean replied = c.repliedOn() != null;
        return items.list(c.caseNo()).stream().map(i -> {
            String outcome = replied && i.open() ? i.replyType() : null;
            String label = outcome == null ? null
                    : catalogue.type(outcome).map(ReplyCatalogue.ReplyType::label).orElse(null);
            String numbers = i.replacedBy().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("、"));
            String note = switch (i.state()) {
                case OPEN -> null;
                case SPLIT -> Texts.get("portal.item.split", numbers);
                case MERGED -> Texts.get("portal.item.merged", numbers);
            };
            return new ItemView(i.no(), i.description(), outcome, label, note);
        }).toList();
    }
}
