package cn.gov.disclosure.calendar;

import java.time.LocalDate;
import java.time.Period;

/**
 * Every time limit of the Regulation and of the remedy laws (STATUTE.md §§2, 4, 5), as plain Java on the
 * national calendar. Working-day periods do not count the day of the event; periods of more than ten
 * days in the remedy laws are calendar periods moved off rest days; "days" of ten or fewer in the
 * Administrative Reconsideration Law are working days (行政复议法 Art. 88).
 */
public final class StatutoryPeriods {

    /** Art. 33: reply within 20 working days of receipt. */
    public static final int REPLY_WORKING_DAYS = 20;
    /** Art. 30: a correction notice within 7 working days of receipt. */
    public static final int CORRECTION_NOTICE_WORKING_DAYS = 7;
    /** Arts. 32, 34: third parties and other agencies answer within 15 working days. */
    public static final int CONSULTATION_WORKING_DAYS = 15;
    /** Art. 42 and the 2020 measures: pay within 20 working days of the fee notice. */
    public static final int FEE_PAYMENT_WORKING_DAYS = 20;

    private final WorkingDayCalendar calendar;

    public StatutoryPeriods(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** Art. 33: the reply is due 20 working days after receipt (without pauses or extension). */
    public Deadline replyDue(LocalDate receivedOn) {
        return calendar.addWorkingDays(receivedOn, REPLY_WORKING_DAYS);
    }

    /** Art. 30: a correction notice within 7 working days of receipt. */
    public Deadline correctionNoticeDue(LocalDate receivedOn) {
        return calendar.addWorkingDays(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
    }

    /** Arts. 32, 34: the consulted party's answer is due 15 working days after it received the request. */
    public Deadline consultationAnswerDue(LocalDate requestReceivedOn) {
        return calendar.addWorkingDays(requestReceivedOn, CONSULTATION_WORKING_DAYS);
    }

    /**
     * The last day on which the reply can still be challenged: the later of the reconsideration (60 days)
     * and lawsuit (6 months) limits counted from the day the applicant knew of it.
     */
    public LocalDate appealWindowEnds(LocalDate knownOn) {
        LocalDate reconsideration = reconsiderationApplication(knownOn).due();
        LocalDate lawsuit = directLawsuit(knownOn).due();
        return lawsuit.isAfter(reconsideration) ? lawsuit : reconsideration;
    }

    /** 行政复议法 Art. 20: apply for reconsideration within 60 days of knowing the act. */
    public Deadline reconsiderationApplication(LocalDate knownOn) {
        return calendar.addCalendarPeriod(knownOn, Period.ofDays(60));
    }

    /** 行政诉讼法 Art. 46: sue within 6 months of knowing the act. */
    public Deadline directLawsuit(LocalDate knownOn) {
        return calendar.addCalendarPeriod(knownOn, Period.ofMonths(6));
    }

    /** 行政诉讼法 Art. 45: sue within 15 days of receiving the reconsideration decision. */
    public Deadline lawsuitAfterReconsideration(LocalDate decisionReceivedOn) {
        return calendar.addCalendarPeriod(decisionReceivedOn, Period.ofDays(15));
    }

    /**
     * 行政复议法 Arts. 48, 54, 88: the agency's written answer with evidence and legal basis, 10 working days
     * after the copy of the application reaches it; 5 in the simplified procedure.
     */
    public Deadline reconsiderationAnswer(LocalDate copyReceivedOn, boolean simplifiedProcedure) {
        return calendar.addWorkingDays(copyReceivedOn, simplifiedProcedure ? 5 : 10);
    }

    /** 行政诉讼法 Art. 67: defence, evidence and documents within 15 days of receiving the complaint. */
    public Deadline courtDefence(LocalDate complaintReceivedOn) {
        return calendar.addCalendarPeriod(complaintReceivedOn, Period.ofDays(15));
    }

    /** Art. 42 and the 2020 measures: pay the processing fee within 20 working days of the fee notice. */
    public Deadline feePayment(LocalDate noticeReceivedOn) {
        return calendar.addWorkingDays(noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS);
    }
}
