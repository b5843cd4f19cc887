package cn.gov.disclosure.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The statutory limits as the workflow uses them (bean {@code deadlines} in BPMN expressions): the
 * arithmetic is in {@link StatutoryPeriods} and {@link ReplyClock}; this class adds the office's
 * settings (reminder days, delivery allowance) and turns days into engine dates.
 */
@Component("deadlines")
public class StatutoryDeadlines {

    /** Reminders and escalations fire when the office opens. */
    static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);

    private final StatutoryPeriods periods;
    private final Clock clock;
    private final int appealDeliveryAllowanceDays;
    private final int firstReminderDays;
    private final int secondReminderDays;

    public StatutoryDeadlines(WorkingDayCalendar calendar, Clock clock,
                              @Value("${disclosure.appeal.delivery-allowance-days:15}") int appealDeliveryAllowanceDays,
                              @Value("${disclosure.reminders.first-working-days-before:5}") int firstReminderDays,
                              @Value("${disclosure.reminders.second-working-days-before:2}") int secondReminderDays) {
        this.periods = new StatutoryPeriods(calendar);
        this.clock = clock;
        this.appealDeliveryAllowanceDays = appealDeliveryAllowanceDays;
        this.firstReminderDays = firstReminderDays;
        this.secondReminderDays = secondReminderDays;
    }

    public StatutoryPeriods periods() {
        return periods;
    }

    public WorkingDayCalendar calendar() {
        return periods.calendar();
    }

    public Deadline replyDue(LocalDate receivedOn) {
        return periods.replyDue(receivedOn);
    }

    public Deadline correctionNoticeDue(LocalDate receivedOn) {
        return periods.correctionNoticeDue(receivedOn);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * When the case can no longer be challenged, for a reply sent on {@code repliedOn}: the appeal window
     * counted from when the applicant knew of the reply, allowing a configurable time for delivery.
     */
    public LocalDate appealWindowEnds(LocalDate repliedOn) {
        return periods.appealWindowEnds(repliedOn.plusDays(appealDeliveryAllowanceDays));
    }

    /** The day itself if it is a working day, else the next working day. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!periods.calendar().isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** First reminder: {@code disclosure.reminders.first-working-days-before} working days before the due day. */
    public Date firstReminder(Date due) {
        return reminder(due, firstReminderDays);
    }

    /** Second reminder: {@code disclosure.reminders.second-working-days-before} working days before. */
    public Date secondReminder(Date due) {
        return reminder(due, secondReminderDays);
    }

    /** Escalation to the head: the morning of the due day. */
    public Date escalation(Date due) {
        return atOpening(toLocalDate(due));
    }

    private Date reminder(Date due, int workingDaysBefore) {
        return atOpening(periods.calendar().workingDaysBefore(toLocalDate(due), workingDaysBefore));
    }

    /** Task due dates are the end of the last day of the period, Beijing time. */
    public static Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(CalendarConfiguration.CHINA).toInstant());
    }

    public static Date atOpening(LocalDate day) {
        return Date.from(day.atTime(OFFICE_OPENS).atZone(CalendarConfiguration.CHINA).toInstant());
    }

    public static Date atStartOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(CalendarConfiguration.CHINA).toInstant());
    }

    public static LocalDate toLocalDate(Date date) {
        return ZonedDateTime.ofInstant(date.toInstant(), CalendarConfiguration.CHINA).toLocalDate();
    }
}
