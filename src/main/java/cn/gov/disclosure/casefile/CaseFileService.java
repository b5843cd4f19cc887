package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.common.NotFoundException;

/** The case record: creating it, changing it, and recording every change as an event. */
@Service
public class CaseFileService implements org.springframework.context.ApplicationEventPublisherAware {

    private static final Logger log = LoggerFactory.getLogger(CaseFileService.class);

    private final CaseRepository cases;
    private final CaseNumberGenerator numbers;
    private final Clock clock;

    private org.springframework.context.ApplicationEventPublisher events = e -> { };

    @Override
    public void setApplicationEventPublisher(org.springframework.context.ApplicationEventPublisher publisher) {
        this.events = publisher;
    }

    public CaseFileService(CaseRepository cases, CaseNumberGenerator numbers, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** A registered case and the tracking code, which exists in plain text only now. */
    public record Registration(ApplicationCase caseFile, String trackingCode) {
    }

    /**
     * Stores a new case (the caller's transaction decides whether it commits). {@code draft} carries
     * everything but the id, case number and creation stamp.
     */
    @Transactional
    public Registration register(ApplicationCase draft, String actor) {
        return register(draft, actor, numbers.reserve(draft.receivedOn().getYear()));
    }

    /** The same with a number reserved beforehand ({@link CaseNumberGenerator#reserve}), consumed here. */
    @Transactional
    public Registration register(ApplicationCase draft, String actor, CaseNumberGenerator.Reservation number) {
        numbers.consume(number);
        String caseNo = number.caseNo();
        String trackingCode = TrackingCodes.generate();
        Instant now = clock.instant();
        ApplicationCase toStore = new ApplicationCase(0, caseNo, draft.channel(), draft.receivedOn(),
                draft.applicantType(), draft.applicantName(), draft.idType(), draft.idNumber(),
                draft.contactPerson(), draft.phone(), draft.email(), draft.address(), draft.postalCode(),
                draft.description(), draft.documentNumber(), draft.form(), draft.delivery(),
                draft.feeWaiverReason(), draft.filledInByStaff(), CaseStatus.RECEIVED, draft.dueOn(), null, null,
                now, actor);
        long id = cases.insert(toStore, TrackingCodes.hash(trackingCode));
        ApplicationCase stored = cases.findByCaseNo(caseNo).orElseThrow();
        cases.insertEvent(id, now, actor, "REGISTERED", "status", null, CaseStatus.RECEIVED.name(),
                Texts.get("casefile.event.registered", draft.channel().label(), draft.receivedOn(), draft.dueOn())
                        + (draft.filledInByStaff() ? Texts.get("casefile.event.filledInByStaff") : ""));
        log.info("Registered case {} ({}, id {}), due {}", caseNo, draft.applicantType(), stored.maskedIdNumber(),
                draft.dueOn());
        return new Registration(stored, trackingCode);
    }

    public String caseNoOf(long caseId) {
        return cases.caseNoOf(caseId);
    }

    public Optional<ApplicationCase> find(String caseNo) {
        return cases.findByCaseNo(caseNo);
    }

    public ApplicationCase get(String caseNo) {
        return cases.findByCaseNo(caseNo).orElseThrow(() -> new IllegalStateException("No case " + caseNo));
    }

    /** The case as its applicant may see it: a wrong code answers exactly like a missing case. */
    public ApplicationCase getForApplicant(String caseNo, String trackingCode) {
        Optional<String> hash = cases.trackingCodeHash(caseNo);
        // Hash even when the case is missing so both answers take the same time.
        boolean ok = TrackingCodes.matches(trackingCode, hash.orElse("0".repeat(64)));
        if (hash.isEmpty() || !ok) {
            throw new NotFoundException();
        }
        return get(caseNo);
    }

    @Transactional
    public void changeStatus(String caseNo, CaseStatus newStatus, String actor, String note) {
        ApplicationCase c = get(caseNo);
        if (c.status() == newStatus) {
            return;
        }
        cases.updateStatus(c.id(), newStatus);
        cases.insertEvent(c.id(), clock.instant(), actor, "STATUS_CHANGED", "status", c.status().name(),
                newStatus.name(), note);
    }

    /** Art. 30: the corrected description replaces the unclear one; the old one stays in the event. */
    @Transactional
    public void correctDescription(String caseNo, String description, String actor) {
        ApplicationCase c = get(caseNo);
        cases.updateDescription(c.id(), description);
        cases.insertEvent(c.id(), clock.instant(), actor, "CORRECTED", "description", c.description(), description,
                Texts.get("casefile.event.corrected"));
        // The requested items (items/CaseItems) follow a single-item case's correction.
        events.publishEvent(new DescriptionCorrected(caseNo, description));
    }

    /**
     * The outcome of the case: reply type, the withholding reasons in the order given (the first is the
     * primary one the annual report counts), and the date.
     */
    /** A decision corrected the reply: the case is open again with a new due date. */
    @Transactional
    public void reopen(String caseNo, LocalDate newDue, String actor) {
        ApplicationCase c = get(caseNo);
        cases.reopen(c.id(), newDue);
        cases.insertEvent(c.id(), clock.instant(), actor, "REOPENED", "dueOn", c.dueOn().toString(), newDue.toString(),
                Texts.get("casefile.event.reopened", c.replyType(), c.repliedOn()));
    }

    /**
     * A decision orders a reply by {@code newDue} on a case not yet replied to (不作为): the due date changes, the
     * event says why. The caller announces the change to whatever waits on the due date.
     */
    @Transactional
    public void orderReplyBy(String caseNo, LocalDate newDue, String actor, String note) {
        ApplicationCase c = get(caseNo);
        cases.updateDueOn(c.id(), newDue);
        cases.insertEvent(c.id(), clock.instant(), actor, "REPLY_ORDERED", "dueOn", c.dueOn().toString(),
                newDue.toString(), note);
    }

    @Transactional
    public void recordReply(String caseNo, String replyType, java.util.List<String> reasons, LocalDate repliedOn,
                            String actor) {
        ApplicationCase c = get(caseNo);
        cases.updateReply(c.id(), replyType, reasons == null || reasons.isEmpty() ? null : String.join(",", reasons),
                repliedOn);
        cases.insertEvent(c.id(), clock.instant(), actor, "REPLIED", "replyType", c.replyType(), replyType,
                Texts.get("casefile.event.replied", repliedOn));
    }

    /** Records a change that is not a column of the case (a decision, a review outcome, a notice). */
    @Transactional
    public void recordEvent(String caseNo, String type, String field, String oldValue, String newValue,
                            String actor, String note) {
        ApplicationCase c = get(caseNo);
        cases.insertEvent(c.id(), clock.instant(), actor, type, field, oldValue, newValue, note);
    }

    /**
     * Records a new value of a field kept in the process rather than in the case row (a task's decision),
     * with the value it had before taken from the latest event for that field.
     */
    @Transactional
    public void recordChange(String caseNo, String type, String field, String newValue, String actor, String note) {
        ApplicationCase c = get(caseNo);
        String oldValue = cases.latestValue(c.id(), field).orElse(null);
        cases.insertEvent(c.id(), clock.instant(), actor, type, field, oldValue, newValue, note);
    }

    public List<CaseEvent> events(String caseNo) {
        return cases.events(get(caseNo).id());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
