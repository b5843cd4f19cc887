package cn.gov.disclosure.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.calendar.ReceiptPresumption;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.consultation.AgencyDirectory;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.mail.MailSent;
import cn.gov.disclosure.mail.MailUndeliverable;
import cn.gov.disclosure.notice.NoticeIssued;
import cn.gov.disclosure.notice.NoticeType;

/**
 * Serves (送达) every issued notice by the channel its addressee chose, and records each step with its evidence:
 * e-mail through the outbox (delivered when the recipient's server accepts it), post (registered number, then the
 * return-receipt date, or the presumed date when none comes back), collection or viewing at an appointment, the
 * reply handed over at the counter, letters to agencies through the exchange system. Every step is a case event;
 * a notice is never marked delivered without evidence or a stated presumption.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DeliveryRepository deliveries;
    private final CaseFileService caseFiles;
    private final MailOutbox outbox;
    private final DeliveryWork work;
    private final ApplicationEventPublisher events;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final ReceiptPresumption presumption;
    private final boolean onTheSpot;

    public DeliveryService(DeliveryRepository deliveries, CaseFileService caseFiles, MailOutbox outbox,
                           DeliveryWork work, ApplicationEventPublisher events, AgencyDirectory agencies, Clock clock,
                           ReceiptPresumption presumption,
                           @Value("${disclosure.delivery.on-the-spot-reply:true}") boolean onTheSpot) {
        this.deliveries = deliveries;
        this.caseFiles = caseFiles;
        this.outbox = outbox;
        this.work = work;
        this.events = events;
        this.agencies = agencies;
        this.clock = clock;
        this.presumption = presumption;
        this.onTheSpot = onTheSpot;
    }

    /** Days after posting after which a letter without a return receipt is presumed received ({@link ReceiptPresumption}). */
    public int presumedAfterDays() {
        return presumption.days(ReceiptPresumption.Means.POST);
    }

    // ---- dispatch ----

    /** Every issued notice: choose the channel, record the attempt, queue the e-mail or start the clerk's work. */
    @EventListener
    public void on(NoticeIssued notice) {
        if (notice.type() == NoticeType.ACKNOWLEDGMENT) {
            // The receipt is not a decision: e-mailed when possible, handed over at the counter by staff
            // registration; it starts no remedy period, so it is not tracked.
            if (notice.email() != null) {
                outbox.enqueue(notice.caseId(), notice.email(), notice.subject(), notice.mailBody(), notice.noticeId());
            }
            return;
        }
        ApplicationCase c = caseFiles.get(notice.caseNo());
        DeliveryChannel channel = notice.addressee() == null ? channelFor(c, notice.type(), today())
                : letterChannel(notice);
        Instant now = clock.instant();
        long id = deliveries.insert(notice.caseId(), notice.noticeId(), notice.addressee(), channel, now);
        caseFiles.recordEvent(c.caseNo(), "DELIVERY_STARTED", "delivery", null, channel.name(), "system",
                Texts.get("delivery.event.started", notice.type().title(), addresseeText(notice.addressee()),
                        channel.label()));
        if (channel == DeliveryChannel.EMAIL) {
            outbox.enqueue(notice.caseId(), notice.email(), notice.subject(), notice.mailBody(), notice.noticeId());
        } else {
            work.start(c.caseNo(), id, channel, false);
        }
    }

    /**
     * The applicant's choice (Art. 29(3)) as a channel for this notice. A reply made on the day a walk-in applied
     * is handed over at the counter (当场答复, Art. 33(1)); a choice that cannot be served (e-mail without an address)
     * falls back to what the applicant gave: post, then e-mail, then collection.
     */
    DeliveryChannel channelFor(ApplicationCase c, NoticeType type, LocalDate today) {
        if (onTheSpot && type == NoticeType.REPLY && c.channel() == Channel.IN_PERSON && today.equals(c.receivedOn())) {
            return DeliveryChannel.ON_THE_SPOT;
        }
        boolean email = c.email() != null && !c.email().isBlank();
        boolean post = c.address() != null && !c.address().isBlank();
        return switch (c.delivery()) {
            case EMAIL, ONLINE -> email ? DeliveryChannel.EMAIL : post ? DeliveryChannel.POST : DeliveryChannel.COLLECTION;
            case POST -> post ? DeliveryChannel.POST : email ? DeliveryChannel.EMAIL : DeliveryChannel.COLLECTION;
            case PICKUP -> DeliveryChannel.COLLECTION;
        };
    }

    /**
     * The channel the applicant's copy of a notice goes by: as recorded for the issued notice (the latest attempt,
     * so a fallback counts), else — before it is issued — as the applicant's choice gives it today.
     */
    public DeliveryChannel applicantChannel(String caseNo, Long noticeId) {
        if (noticeId != null) {
            List<DeliveryRecord> rows = deliveries.forNotice(noticeId).stream().filter(d -> !d.letter()).toList();
            if (!rows.isEmpty()) {
                return rows.get(rows.size() - 1).channel();
            }
        }
        return channelFor(caseFiles.get(caseNo), NoticeType.REPLY, today());
    }

    /** A letter goes by the channel the agency directory records, else by e-mail when known, else by post. */
    DeliveryChannel letterChannel(NoticeIssued notice) {
        if (notice.type() == NoticeType.AGENCY_CONSULTATION) {
            Optional<DeliveryChannel> listed = agencies.agencyDirectory().stream()
                    .filter(e -> e.name().equals(notice.addressee()) && e.channel() != null)
                    .flatMap(e -> directoryChannel(e.channel()).stream())
                    .findFirst();
            if (listed.isPresent() && (listed.get() != DeliveryChannel.EMAIL || notice.email() != null)) {
                return listed.get();
            }
        }
        return notice.email() != null ? DeliveryChannel.EMAIL : DeliveryChannel.POST;
    }

    /** Only the channels a letter can take; anything else in the directory is ignored (and logged). */
    private static Optional<DeliveryChannel> directoryChannel(String text) {
        String code = text.strip().toUpperCase();
        if (List.of("EMAIL", "POST", "EXCHANGE").contains(code)) {
            return Optional.of(DeliveryChannel.valueOf(code));
        }
        log.warn("Ignoring channel {} in disclosure.agency-directory (EMAIL, POST or EXCHANGE)", text);
        return Optional.empty();
    }

    // ---- e-mail ----

    /** The outbox handed the e-mail over and the server accepted it: delivered that day (Message-ID as evidence). */
    @EventListener
    @Transactional
    public void on(MailSent mail) {
        if (mail.noticeId() == null) {
            return;
        }
        deliveries.pendingEmail(mail.noticeId()).ifPresent(d -> {
            LocalDate on = mail.sentAt().atZone(CalendarConfiguration.CHINA).toLocalDate();
            String evidence = Texts.get("delivery.evidence.email", mail.recipient(), mail.messageId());
            if (deliveries.markDelivered(d.id(), DeliveryStatus.PENDING, on, false, evidence, mail.sentAt(),
                    clock.instant())) {
                delivered(d, on, false, evidence, "system");
            }
        });
    }

    /**
     * The outbox gave the e-mail of a tracked notice up: the attempt fails and a clerk is asked to deliver another
     * way. False when the message is not a tracked delivery (the caller then handles it as before).
     */
    @Transactional
    public boolean emailFailed(MailUndeliverable mail) {
        Optional<Long> noticeId = outbox.find(mail.outboxId()).map(m -> m.noticeId());
        if (noticeId.isEmpty() || noticeId.get() == null) {
            return false;
        }
        Optional<DeliveryRecord> pending = deliveries.pendingEmail(noticeId.get());
        if (pending.isEmpty()) {
            return false;
        }
        DeliveryRecord d = pending.get();
        String reason = Texts.get("mail.reason." + mail.reason().name());
        String evidence = Texts.get("delivery.evidence.emailFailed", mail.recipient(), reason);
        if (deliveries.markFailed(d.id(), evidence, clock.instant())) {
            String caseNo = caseFiles.caseNoOf(d.caseId());
            caseFiles.recordEvent(caseNo, "DELIVERY_FAILED", "delivery", DeliveryStatus.PENDING.name(),
                    DeliveryStatus.FAILED.name(), "system", evidence);
            work.start(caseNo, d.id(), DeliveryChannel.EMAIL, true);
        }
        return true;
    }

    /**
     * The clerk's other way after a failed e-mail: a new attempt by post or collection (what the phone call with
     * the applicant settled is recorded with it). Returns the new attempt's id.
     */
    @Transactional
    public long chooseFallback(long failedId, String channel, String phoneNote, String actor) {
        DeliveryRecord failed = require(failedId);
        List<FieldError> errors = new ArrayList<>();
        DeliveryChannel chosen = null;
        try {
            chosen = channel == null ? null : DeliveryChannel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen != DeliveryChannel.POST && chosen != DeliveryChannel.COLLECTION) {
            errors.add(FieldError.of("fallbackChannel", "delivery.error.fallbackChannel"));
        }
        ApplicationCase c = caseFiles.get(caseFiles.caseNoOf(failed.caseId()));
        if (chosen == DeliveryChannel.POST && failed.addressee() == null && blank(c.address())) {
            errors.add(FieldError.of("fallbackChannel", "delivery.error.noAddress"));
        }
        if (phoneNote != null && phoneNote.length() > 500) {
            errors.add(FieldError.of("phoneNote", "delivery.error.tooLong", 500));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = deliveries.insert(failed.caseId(), failed.noticeId(), failed.addressee(), chosen, clock.instant());
        caseFiles.recordEvent(c.caseNo(), "DELIVERY_FALLBACK", "delivery", DeliveryChannel.EMAIL.name(),
                chosen.name(), actor, Texts.get("delivery.event.fallback", chosen.label(),
                        blank(phoneNote) ? Texts.get("delivery.event.noPhoneNote") : phoneNote.strip()));
        return id;
    }

    // ---- post ----

    /** The clerk posted the package by registered mail: its number and the day it was handed to the post office. */
    @Transactional
    public void recordPosted(long deliveryId, String registeredNo, String postedOn, String actor) {
        DeliveryRecord d = require(deliveryId);
        List<FieldError> errors = new ArrayList<>();
        String number = registeredNo == null ? "" : registeredNo.strip().toUpperCase();
        if (!number.matches("[A-Z0-9]{8,30}")) {
            errors.add(FieldError.of("registeredNo", "delivery.error.registeredNo"));
        }
        LocalDate posted = date("postedOn", postedOn, errors);
        if (posted != null && posted.isBefore(d.createdAt().atZone(CalendarConfiguration.CHINA).toLocalDate())) {
            errors.add(FieldError.of("postedOn", "delivery.error.beforeNotice"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (deliveries.markSent(d.id(), DeliveryStatus.PENDING, startOf(posted), number, null, clock.instant())) {
            caseFiles.recordEvent(caseFiles.caseNoOf(d.caseId()), "DELIVERY_SENT", "registeredNo", null, number, actor,
                    Texts.get("delivery.event.posted", title(d), posted, number));
        }
    }

    /** The day from which a posted notice without a return receipt counts as received. */
    public LocalDate presumedOn(long deliveryId) {
        DeliveryRecord d = require(deliveryId);
        LocalDate posted = d.sentAt() == null ? today() : d.sentAt().atZone(CalendarConfiguration.CHINA).toLocalDate();
        return presumption.receivedOn(posted, ReceiptPresumption.Means.POST);
    }

    /**
     * The return receipt (送达回证 / 回执) came back: delivered on the date the addressee signed for it. A receipt
     * arriving after the presumption replaces the presumed date.
     */
    @Transactional
    public void recordReturnReceipt(long deliveryId, String receivedOn, String actor) {
        DeliveryRecord d = require(deliveryId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date("receiptOn", receivedOn, errors);
        LocalDate posted = d.sentAt() == null ? null : d.sentAt().atZone(CalendarConfiguration.CHINA).toLocalDate();
        if (on != null && posted != null && on.isBefore(posted)) {
            errors.add(FieldError.of("receiptOn", "delivery.error.beforePosting", posted));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String evidence = Texts.get("delivery.evidence.returnReceipt", d.registeredNo() == null ? "" : d.registeredNo(),
                on);
        if (deliveries.markDelivered(d.id(), DeliveryStatus.SENT, on, false, evidence, clock.instant(),
                clock.instant()) || deliveries.replacePresumption(d.id(), on, evidence, clock.instant())) {
            delivered(d, on, false, evidence, actor);
        }
    }

    /** No return receipt by the presumption day: presumed received then (office policy, STATUTE.md). */
    @Transactional
    public void presumeDelivered(long deliveryId) {
        DeliveryRecord d = require(deliveryId);
        LocalDate on = presumedOn(deliveryId);
        String evidence = Texts.get("delivery.evidence.presumed", d.registeredNo() == null ? "" : d.registeredNo(),
                presumedAfterDays());
        if (deliveries.markDelivered(d.id(), DeliveryStatus.SENT, on, true, evidence, clock.instant(),
                clock.instant())) {
            delivered(d, on, true, evidence, "system");
        }
    }

    /**
     * Letters to another agency or third party: the day it received the letter (the exchange system's receipt,
     * the post's return receipt), which starts its 15 working days (Arts. 32, 34).
     */
    @Transactional
    public void recordLetterReceived(long deliveryId, String registeredNo, String receivedOn, String actor) {
        DeliveryRecord d = require(deliveryId);
        if (d.status() == DeliveryStatus.PENDING) {
            List<FieldError> errors = new ArrayList<>();
            if (blank(registeredNo)) {
                errors.add(FieldError.of("registeredNo", "delivery.error.exchangeNo"));
            } else if (registeredNo.strip().length() > 60) {
                errors.add(FieldError.of("registeredNo", "delivery.error.tooLong", 60));
            }
            LocalDate on = date("receiptOn", receivedOn, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            deliveries.markSent(d.id(), DeliveryStatus.PENDING, startOf(on), registeredNo.strip(), null,
                    clock.instant());
            caseFiles.recordEvent(caseFiles.caseNoOf(d.caseId()), "DELIVERY_SENT", "registeredNo", null,
                    registeredNo.strip(), actor, Texts.get("delivery.event.exchanged", title(d), registeredNo.strip()));
        }
        recordReturnReceipt(deliveryId, receivedOn, actor);
    }

    // ---- collection, viewing, counter ----

    /** Collection or viewing (查阅, Art. 40): the appointment agreed with the applicant, shown on the 送达回证. */
    @Transactional
    public void arrangeCollection(long deliveryId, String kind, String appointmentAt, String place, String actor) {
        DeliveryRecord d = require(deliveryId);
        List<FieldError> errors = new ArrayList<>();
        DeliveryChannel channel = "VIEWING".equals(kind) ? DeliveryChannel.VIEWING
                : "COLLECTION".equals(kind) ? DeliveryChannel.COLLECTION : null;
        if (channel == null) {
            errors.add(FieldError.of("collectionKind", "delivery.error.collectionKind"));
        }
        LocalDateTime at = null;
        try {
            at = appointmentAt == null ? null : LocalDateTime.parse(appointmentAt.strip(), APPOINTMENT);
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            errors.add(FieldError.of("appointmentAt", "delivery.error.appointmentAt"));
        } else if (at.toLocalDate().isBefore(today())) {
            errors.add(FieldError.of("appointmentAt", "delivery.error.appointmentPast"));
        }
        if (blank(place)) {
            errors.add(FieldError.of("appointmentPlace", "delivery.error.appointmentPlace"));
        } else if (place.strip().length() > 200) {
            errors.add(FieldError.of("appointmentPlace", "delivery.error.tooLong", 200));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String appointment = Texts.get("delivery.appointment", channel.label(), at.format(APPOINTMENT), place.strip());
        if (deliveries.markSent(d.id(), DeliveryStatus.PENDING, clock.instant(), null, appointment, clock.instant())) {
            deliveries.changeChannel(d.id(), channel);
            caseFiles.recordEvent(caseFiles.caseNoOf(d.caseId()), "DELIVERY_APPOINTMENT", "appointment", null,
                    appointment, actor, Texts.get("delivery.event.appointment", title(d), appointment));
        }
    }

    /** The applicant collected or viewed the information and signed the 送达回证 on that day. */
    @Transactional
    public void recordHandOver(long deliveryId, String handedOverOn, String signedBy, String actor) {
        DeliveryRecord d = require(deliveryId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date("handedOverOn", handedOverOn, errors);
        checkSigner(signedBy, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String evidence = Texts.get("delivery.evidence.signed", signedBy.strip(), on);
        if (deliveries.markDelivered(d.id(), DeliveryStatus.SENT, on, false, evidence, clock.instant(),
                clock.instant())) {
            delivered(d, on, false, evidence, actor);
        }
    }

    /** 当场答复: the reply handed over at the counter today, signed for on the 送达回证. */
    @Transactional
    public void recordOnTheSpot(long deliveryId, String signedBy, String actor) {
        DeliveryRecord d = require(deliveryId);
        List<FieldError> errors = new ArrayList<>();
        checkSigner(signedBy, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate on = today();
        String evidence = Texts.get("delivery.evidence.onTheSpot", signedBy.strip(), on);
        if (deliveries.markDelivered(d.id(), DeliveryStatus.PENDING, on, false, evidence, clock.instant(),
                clock.instant())) {
            delivered(d, on, false, evidence, actor);
        }
    }

    public DeliveryRecord require(long deliveryId) {
        return deliveries.find(deliveryId).orElseThrow(() -> new IllegalStateException("No delivery " + deliveryId));
    }

    /** What the clerk's forms show: the notice, the addressee and where it goes. */
    public DeliveryRecord find(long deliveryId) {
        return require(deliveryId);
    }

    // ---- helpers ----

    private void delivered(DeliveryRecord d, LocalDate on, boolean presumed, String evidence, String actor) {
        String caseNo = caseFiles.caseNoOf(d.caseId());
        caseFiles.recordEvent(caseNo, presumed ? "DELIVERY_PRESUMED" : "DELIVERED", "deliveredOn", null,
                on.toString(), actor, Texts.get(presumed ? "delivery.event.presumed" : "delivery.event.delivered",
                        title(d), d.channel().label(), on, evidence));
        log.info("Notice {} of case {} delivered on {} ({}{})", d.noticeId(), caseNo, on, d.channel(),
                presumed ? ", presumed" : "");
        events.publishEvent(new DeliveryRecorded(caseNo, d.id(), d.noticeId(), deliveries.noticeType(d.noticeId()),
                d.addressee(), d.channel(), on, presumed));
    }

    private String title(DeliveryRecord d) {
        return deliveries.noticeTitle(d.noticeId());
    }

    private static String addresseeText(String addressee) {
        return addressee == null ? Texts.get("delivery.applicant") : addressee;
    }

    private void checkSigner(String signedBy, List<FieldError> errors) {
        if (blank(signedBy)) {
            errors.add(FieldError.of("signedBy", "delivery.error.signedBy"));
        } else if (signedBy.strip().length() > 100) {
            errors.add(FieldError.of("signedBy", "delivery.error.tooLong", 100));
        }
    }

    /** A date typed as yyyy-MM-dd, not in the future. */
    private LocalDate date(String field, String text, List<FieldError> errors) {
        if (blank(text)) {
            errors.add(FieldError.of(field, "delivery.error.dateMissing"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.isAfter(today())) {
                errors.add(FieldError.of(field, "delivery.error.dateFuture"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "delivery.error.dateFormat"));
            return null;
        }
    }

    private Instant startOf(LocalDate day) {
        LocalDate today = today();
        // Today keeps the real time; an earlier day typed by the clerk counts from its start.
        return day.equals(today) ? clock.instant() : day.atStartOfDay(CalendarConfiguration.CHINA).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CalendarConfiguration.CHINA));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
