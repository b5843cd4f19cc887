package cn.gov.disclosure.casefile;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;

/**
 * Changes to a case's reply clock — extension, pause, resumption, restart after correction — stored with
 * the case and recorded as events with old and new due dates. Each change is announced as
 * {@link CaseClockChanged}, so whatever waits on the due date (tasks, reminder timers) follows.
 */
@Service
public class CaseClocks {

    private final CaseFileService caseFiles;
    private final CaseClockRepository clocks;
    private final StatutoryDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final boolean feePaymentStopsClock;

    public CaseClocks(CaseFileService caseFiles, CaseClockRepository clocks, StatutoryDeadlines deadlines,
                      ApplicationEventPublisher events,
                      @Value("${disclosure.clock.fee-payment-stops-reply-clock:true}") boolean feePaymentStopsClock) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.events = events;
        this.feePaymentStopsClock = feePaymentStopsClock;
    }

    public ReplyClock clock(String caseNo) {
        return clocks.load(caseFiles.get(caseNo).id());
    }

    public ReplyClock.Reading reading(String caseNo) {
        return clock(caseNo).evaluate(deadlines.calendar());
    }

    /**
     * Art. 33(2): after the head's approval, which must come while the period still runs: an expired period
     * cannot be extended (the reply is already late). A paused period has not expired.
     */
    @Transactional
    public ReplyClock.Reading extend(String caseNo, int workingDays, String actor, String reason) {
        requireNotExpired(caseNo, "extensionDecision");
        return change(caseNo, c -> c.extendedBy(workingDays), actor, "EXTENDED",
                Texts.get("casefile.clock.extended", workingDays, reason));
    }

    /**
     * Refuses, naming {@code field}, when the reply period has already ended (the due day itself still counts).
     * While the clock stands still the period cannot expire.
     */
    public void requireNotExpired(String caseNo, String field) {
        ReplyClock.Reading reading = reading(caseNo);
        reading.due().filter(due -> deadlines.today().isAfter(due)).ifPresent(due -> {
            throw new InvalidInputException(field, Texts.get("casefile.clock.extensionAfterExpiry", due));
        });
    }

    /** Art. 35: a reasonable later deadline, {@code workingDays} beyond the period, set by the office. */
    @Transactional
    public ReplyClock.Reading defer(String caseNo, int workingDays, String actor, String reason) {
        return change(caseNo, c -> c.deferredBy(workingDays), actor, "DEFERRED",
                Texts.get("casefile.clock.deferred", workingDays, reason));
    }

    /** Arts. 32, 34 (and 42 if configured): the clock stops from the day after {@code from}. */
    @Transactional
    public ReplyClock.Reading pause(String caseNo, PauseReason reason, LocalDate from, String actor) {
        return change(caseNo, c -> c.pausedFrom(from, reason), actor, "CLOCK_PAUSED",
                Texts.get("casefile.clock.paused", reason.label(), from.plusDays(1), reason.basis()));
    }

    @Transactional
    public ReplyClock.Reading resume(String caseNo, LocalDate on, String actor) {
        return change(caseNo, c -> c.resumedOn(on), actor, "CLOCK_RESUMED",
                Texts.get("casefile.clock.resumed", on.plusDays(1)));
    }

    /**
     * Art. 42: a fee notice gives the applicant 20 working days to pay. Whether the reply clock stands still
     * meanwhile is not settled in the Regulation; {@code disclosure.clock.fee-payment-stops-reply-clock}
     * (default false, the cautious reading: the clock runs on) decides.
     *
     * @return the last day for payment
     */
    @Transactional
    public LocalDate feeNoticeReceived(String caseNo, LocalDate receivedOn, String actor) {
        LocalDate payBy = deadlines.periods().feePayment(receivedOn).due();
        caseFiles.recordEvent(caseNo, "FEE_NOTICE_RECEIVED", "feePaymentDue", null, payBy.toString(), actor,
                Texts.get(feePaymentStopsClock ? "casefile.fee.due.paused" : "casefile.fee.due.running", payBy));
        if (feePaymentStopsClock) {
            pause(caseNo, PauseReason.FEE_PAYMENT, receivedOn, actor);
        }
        return payBy;
    }

    /** Art. 30: the full period runs again from receipt of the corrected application. */
    @Transactional
    public ReplyClock.Reading restartOnCorrection(String caseNo, LocalDate correctedOn, String actor) {
        return change(caseNo, c -> c.restartedOnCorrection(correctedOn), actor, "CLOCK_RESTARTED",
                Texts.get("casefile.clock.restarted", correctedOn.plusDays(1)));
    }

    /**
     * While a correction is awaited the original period no longer runs (Art. 30: it starts again from the
     * corrected application), so its reminders and escalation wait; {@link #restartOnCorrection} re-dates them.
     */
    @Transactional
    public void holdWhileAwaitingCorrection(String caseNo) {
        ApplicationCase c = caseFiles.get(caseNo);
        events.publishEvent(new CaseClockChanged(caseNo, c.dueOn(), null));
    }

    private ReplyClock.Reading change(String caseNo, UnaryOperator<ReplyClock> how, String actor, String event,
                                      String note) {
        ApplicationCase c = caseFiles.get(caseNo);
        ReplyClock before = clocks.load(c.id());
        ReplyClock after = how.apply(before);
        ReplyClock.Reading reading = after.evaluate(deadlines.calendar());
        LocalDate newDue = reading.due().orElse(null);
        clocks.save(c.id(), after, newDue);
        caseFiles.recordEvent(caseNo, event, "dueOn", c.dueOn().toString(),
                newDue == null ? Texts.get("casefile.clock.standing", reading.workingDaysLeftAtPause())
                        : newDue.toString(), actor, note);
        events.publishEvent(new CaseClockChanged(caseNo, c.dueOn(), newDue));
        return reading;
    }
}
