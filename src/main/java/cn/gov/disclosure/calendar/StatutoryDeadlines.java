package cn.gov.disclosure.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time limits of the Regulation, as the workflow needs them. The arithmetic is in
 * {@link WorkingDayCalendar}; this class only knows which limit applies where.
 */
@Component("deadlines")
public class StatutoryDeadlines {

    /** Art. 33: reply within 20 working days of receipt. */
    public static final int REPLY_WORKING_DAYS = 20;
    /** Art. 30: a correction notice within 7 working days of receipt. */
    public static final int CORRECTION_NOTICE_WORKING_DAYS = 7;

    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int appealDeliveryAllowanceDays;

    public StatutoryDeadlines(WorkingDayCalendar calendar, Clock clock,
                              @Value("${disclosure.appeal.delivery-allowance-days:15}") int appealDeliveryAllowanceDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.appealDeliveryAllowanceDays = appealDeliveryAllowanceDays;
    }

    public Deadline replyDue(LocalDate receivedOn) {
        return calendar.addWorkingDays(receivedOn, REPLY_WORKING_DAYS);
    }

    public Deadline correctionNoticeDue(LocalDate receivedOn) {
        return calendar.addWorkingDays(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
    }

    /** The end of a period of N working days from today, for steps whose limit starts when they start. */
    public Date workingDaysFromToday(int workingDays) {
        return endOfDay(calendar.addWorkingDays(LocalDate.now(clock), workingDays).due());
    }

    /**
     * When the applicant can no longer apply for reconsideration (60 days) or sue (6 months) against a
     * reply sent on {@code repliedOn}: the later of the two, moved to the next working day if it falls
     * on a rest day (民法典 Art. 203), plus a configurable allowance for the reply to reach the applicant
     * (the periods run from when the applicant knew of the reply).
     */
    public LocalDate appealWindowEnds(LocalDate repliedOn) {
        LocalDate known = repliedOn.plusDays(appealDeliveryAllowanceDays);
        LocalDate reconsideration = nextWorkingDayIfRest(known.plusDays(60));
        LocalDate lawsuit = nextWorkingDayIfRest(known.plusMonths(6));
        return lawsuit.isAfter(reconsideration) ? lawsuit : reconsideration;
    }

    public LocalDate nextWorkingDayIfRest(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Task due dates are the end of the office day (Beijing time) on the last day of the period. */
    public static Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(CalendarConfiguration.CHINA).toInstant());
    }
}
