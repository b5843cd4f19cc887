package cn.gov.disclosure.calendar;

import cn.gov.disclosure.common.Texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts working days on the national calendar (STATUTE.md §2): weekends and statutory holidays are
 * off, announced make-up weekends are on. The day of the triggering event is not counted; a period
 * of N working days ends at the end of the Nth working day after it.
 */
public final class WorkingDayCalendar {

    private final HolidayTable holidays;

    public WorkingDayCalendar(HolidayTable holidays) {
        this.holidays = holidays;
    }

    public boolean isWorkingDay(LocalDate date) {
        return kindOf(date).isWorking();
    }

    /**
     * From the entered notices; for a year without one, the holidays fixed by law
     * ({@link StatutoryHolidays}) on top of plain weeks.
     */
    public DayKind kindOf(LocalDate date) {
        if (holidays.entry(date).isEmpty() && !holidays.covers(date.getYear())
                && StatutoryHolidays.nameOf(date).isPresent()) {
            return DayKind.HOLIDAY;
        }
        return holidays.kindOf(date);
    }

    /** The last day of a period of {@code workingDays} working days that starts after {@code from}. */
    public Deadline addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        List<Deadline.TraceEntry> trace = new ArrayList<>();
        Set<Integer> unconfirmedYears = new LinkedHashSet<>();
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (!holidays.covers(day.getYear())) {
                unconfirmedYears.add(day.getYear());
            }
            DayKind kind = kindOf(day);
            if (kind.isWorking()) {
                counted++;
                if (kind == DayKind.MAKE_UP_WORKDAY) {
                    trace.add(new Deadline.TraceEntry(day, kind.name(),
                            Texts.get("calendar.trace.counted", labelOf(day), kind.label())));
                }
            } else {
                trace.add(new Deadline.TraceEntry(day, kind.name(), Texts.get("calendar.trace.notCounted", reasonOf(day, kind))));
            }
        }
        for (Integer year : unconfirmedYears) {
            trace.add(new Deadline.TraceEntry(LocalDate.of(year, 1, 1), "WARNING",
                    Texts.get("calendar.trace.unconfirmedYear", year)));
        }
        return new Deadline(from, workingDays, day, List.copyOf(trace));
    }

    /**
     * A period in calendar days or months (60 days, 6 months, 15 days). It ends on the corresponding day
     * (the month's last day if it has no such day, 民法典 Art. 202); if that is a rest day or holiday, on
     * the first working day after it (民法典 Art. 203).
     */
    public Deadline addCalendarPeriod(LocalDate from, java.time.Period period) {
        List<Deadline.TraceEntry> trace = new ArrayList<>();
        LocalDate nominal = from.plus(period);
        LocalDate day = nominal;
        while (!isWorkingDay(day)) {
            DayKind kind = kindOf(day);
            trace.add(new Deadline.TraceEntry(day, kind.name(), Texts.get("calendar.trace.lastDayMoved", kind == DayKind.HOLIDAY
                    ? Texts.get("calendar.trace.holidayName", labelOf(day)) : Texts.get("calendar.trace.restDay"))));
            day = day.plusDays(1);
        }
        for (int year = from.getYear(); year <= day.getYear(); year++) {
            if (!holidays.covers(year)) {
                trace.add(new Deadline.TraceEntry(LocalDate.of(year, 1, 1), "WARNING",
                        Texts.get("calendar.trace.unconfirmedYear", year)));
            }
        }
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, day);
        return new Deadline(from, days, day, List.copyOf(trace));
    }

    /** The working day that lies {@code workingDays} working days before {@code day} (for reminders). */
    public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
        LocalDate d = day;
        int counted = 0;
        while (counted < workingDays) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** Whether every day in the given year is backed by an entered State Council notice. */
    public boolean covers(int year) {
        return holidays.covers(year);
    }

    /** Why a day is off, e.g. "国庆节（法定节假日）" or "周末休息日". */
    public String describe(LocalDate day) {
        return reasonOf(day, kindOf(day));
    }

    private String reasonOf(LocalDate day, DayKind kind) {
        return kind == DayKind.HOLIDAY ? Texts.get("calendar.trace.dayWithKind", labelOf(day), kind.label()) : kind.label();
    }

    private String labelOf(LocalDate day) {
        return holidays.entry(day).map(HolidayTable.Entry::label)
                .or(() -> StatutoryHolidays.nameOf(day).map(n -> Texts.get("calendar.trace.presumedHoliday", n)))
                .orElse("");
    }
}
