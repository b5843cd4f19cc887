package cn.gov.disclosure.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.nlf.calendar.Holiday;
import com.nlf.calendar.util.HolidayUtil;

class WorkingDayCalendarTest {

    static WorkingDayCalendar calendar;

    @BeforeAll
    static void load() throws IOException {
        HolidayTable table = HolidayTable.empty();
        try (var in = WorkingDayCalendarTest.class.getResourceAsStream("/calendar/holidays-cn.txt")) {
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8), "holidays-cn.txt");
        }
        calendar = new WorkingDayCalendar(table);
    }

    /** from (not counted), working days, expected last day — each case checked by hand on the calendar. */
    @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23 | 20 | 2026-12-21 | plain weeks
            2026-11-21 | 20 | 2026-12-18 | received on a Saturday
            2026-11-21 |  7 | 2026-12-01 | correction notice from a Saturday
            2026-02-13 |  1 | 2026-02-14 | make-up Saturday before Spring Festival counts
            2026-02-14 |  1 | 2026-02-24 | Spring Festival 2026-02-15..23 skipped
            2026-02-10 | 20 | 2026-03-16 | across Spring Festival with two make-up Saturdays
            2026-09-30 |  1 | 2026-10-08 | National Day 2026 skipped
            2026-09-30 |  2 | 2026-10-09 | ...then Friday
            2026-10-09 |  1 | 2026-10-10 | make-up Saturday after National Day 2026
            2025-09-30 | 20 | 2025-11-04 | National Day and Mid-Autumn 2025 (8 days), make-up 10-11
            2025-12-31 |  1 | 2026-01-04 | across New Year 2026: Sunday 01-04 is a make-up working day
            2025-01-27 |  1 | 2025-02-05 | Spring Festival 2025 (01-28..02-04)
            2024-09-30 | 20 | 2024-11-01 | National Day 2024 with make-up Saturday 10-12
            2023-09-28 |  1 | 2023-10-07 | Mid-Autumn + National Day 2023, make-up Saturday 10-07
            2020-01-23 |  1 | 2020-02-03 | Spring Festival 2020 extended to 02-02
            2019-04-30 |  1 | 2019-05-05 | May Day 2019 make-up Sunday 05-05
            2026-10-01 |  0 | 2026-10-01 | zero days
            """)
    void addsWorkingDays(LocalDate from, int days, LocalDate expected, String why) {
        assertThat(calendar.addWorkingDays(from, days).due()).as(why).isEqualTo(expected);
    }

    @Test
    void newYear2026MakeUpSundayCountsAsWorkingDay() {
        // 2026-01-04 is a Sunday announced as a working day (国办发明电〔2025〕7号).
        assertThat(calendar.kindOf(LocalDate.of(2026, 1, 4))).isEqualTo(DayKind.MAKE_UP_WORKDAY);
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1).due()).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void traceExplainsSkippedDays() {
        Deadline d = calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1);
        assertThat(d.trace()).extracting(Deadline.TraceEntry::date)
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
                        LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
                        LocalDate.of(2026, 10, 7));
        assertThat(d.trace().get(0).reason()).contains("国庆节");
        assertThat(d.hasWarnings()).isFalse();
    }

    @Test
    void yearWithoutNoticeIsFlagged() {
        Deadline d = calendar.addWorkingDays(LocalDate.of(2026, 12, 20), 20);
        assertThat(d.hasWarnings()).isTrue();
        assertThat(d.trace()).anyMatch(t -> t.kind().equals("WARNING") && t.reason().contains("2027"));
    }

    @Test
    void overrideReplacesBundledEntries() throws IOException {
        HolidayTable table = HolidayTable.empty();
        table.load(new StringReader("YEAR 2030 local\n2030-01-07 OFF 本地闭馆\n"), "override");
        WorkingDayCalendar c = new WorkingDayCalendar(table);
        assertThat(c.isWorkingDay(LocalDate.of(2030, 1, 7))).isFalse();
        assertThat(c.addWorkingDays(LocalDate.of(2030, 1, 4), 1).due()).isEqualTo(LocalDate.of(2030, 1, 8));
    }

    /** Our data file against an independent source (cn.6tail:lunar), for every day of 2019–2023. */
    @Test
    void agreesWithLunarLibraryFor2019To2023() {
        List<String> differences = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2024, 1, 1)); d = d.plusDays(1)) {
            Holiday h = HolidayUtil.getHoliday(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            boolean lunarWorking = h != null ? h.isWork() : !weekend;
            if (lunarWorking != calendar.isWorkingDay(d)) {
                differences.add(d + " lunar=" + lunarWorking);
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Under the 2024 revision of the holiday rules, every fixed statutory holiday is off in the notices. */
    @Test
    void fixedStatutoryHolidaysAreOffInEveryNoticeSince2025() {
        List<String> missing = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            if (StatutoryHolidays.nameOf(d).isPresent() && calendar.kindOf(d) != DayKind.HOLIDAY) {
                missing.add(d + " " + StatutoryHolidays.nameOf(d).get());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aYearWithoutANoticeStillSkipsTheFixedHolidays() {
        assertThat(calendar.kindOf(LocalDate.of(2027, 1, 1))).isEqualTo(DayKind.HOLIDAY);
        // Lunar New Year 2027 falls on 02-06: New Year's Eve and the first three days are off.
        assertThat(List.of(5, 6, 7, 8)).allMatch(d -> calendar.kindOf(LocalDate.of(2027, 2, d)) == DayKind.HOLIDAY);
        assertThat(calendar.kindOf(LocalDate.of(2027, 2, 9))).isEqualTo(DayKind.WORKDAY);
        Deadline d = calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1);
        assertThat(d.due()).isEqualTo(LocalDate.of(2027, 1, 4)); // 01-01 holiday, 01-02/03 weekend
        assertThat(d.trace().get(0).reason()).contains("元旦").contains("推定");
        assertThat(d.hasWarnings()).isTrue();
    }
}
