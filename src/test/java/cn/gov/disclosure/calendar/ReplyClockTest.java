package cn.gov.disclosure.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reply period with receipt, correction, extension and pauses (Arts. 30, 32–34). */
class ReplyClockTest {

    static final WorkingDayCalendar CALENDAR = CalendarFixture.national();

    /**
     * received | extension | pauses (from>to;from>to) | due | why. A pause stops the clock from the day
     * after {@code from} up to and including {@code to}.
     */
    @ParameterizedTest(name = "{0} +{1} pauses [{2}] = {3} ({4})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2026-01-30 |  0 | -                                             | 2026-03-05 | just before Spring Festival 2026, both make-up Saturdays count
            2026-02-13 |  0 | -                                             | 2026-03-19 | Friday before the make-up Saturday
            2026-02-14 |  0 | -                                             | 2026-03-20 | received on the make-up Saturday
            2026-02-18 |  0 | -                                             | 2026-03-20 | received during the holiday
            2025-01-24 |  0 | -                                             | 2025-02-27 | Spring Festival 2025
            2024-02-08 |  0 | -                                             | 2024-03-13 | Spring Festival 2024
            2023-01-19 |  0 | -                                             | 2023-02-21 | Spring Festival 2023
            2026-09-18 |  0 | -                                             | 2026-10-22 | across Mid-Autumn and National Day 2026
            2026-09-30 |  0 | -                                             | 2026-11-03 | eve of National Day 2026
            2026-10-03 |  0 | -                                             | 2026-11-03 | received during National Day
            2025-09-26 |  0 | -                                             | 2025-10-30 | National Day 2025 (8 days)
            2024-09-27 |  0 | -                                             | 2024-10-30 | National Day 2024
            2019-09-27 |  0 | -                                             | 2019-10-30 | National Day 2019 with make-up Sunday 09-29
            2020-01-20 |  0 | -                                             | 2020-02-25 | Spring Festival 2020, extended to 02-02
            2021-12-30 |  0 | -                                             | 2022-01-28 | across New Year 2022
            2025-12-25 |  0 | -                                             | 2026-01-23 | across New Year 2026 with make-up Sunday 01-04
            2026-11-02 | 20 | -                                             | 2026-12-28 | full extension (Art. 33)
            2026-09-15 | 10 | -                                             | 2026-11-02 | extension across National Day
            2026-11-02 |  0 | 2026-11-09>2026-11-20                         | 2026-12-11 | third-party consultation of two weeks
            2026-03-02 |  0 | 2026-03-04>2026-03-10;2026-03-20>2026-03-27   | 2026-04-13 | two consultations
            2026-09-21 |  0 | 2026-09-25>2026-10-13                         | 2026-11-05 | consultation across National Day
            2026-04-01 | 10 | 2026-04-08>2026-04-29                         | 2026-06-08 | consultation and extension
            2026-11-02 |  0 | 2026-11-09>2026-11-09                         | 2026-11-30 | pause and answer on the same day change nothing
            """)
    void dueDate(LocalDate received, int extension, String pauses, LocalDate due, String why) {
        ReplyClock clock = ReplyClock.receivedOn(received);
        if (extension > 0) {
            clock = clock.extendedBy(extension);
        }
        if (pauses != null) {
            for (String p : pauses.split(";")) {
                String[] fromTo = p.split(">");
                clock = clock.pausedFrom(LocalDate.parse(fromTo[0]), PauseReason.THIRD_PARTY_CONSULTATION)
                        .resumedOn(LocalDate.parse(fromTo[1]));
            }
        }
        ReplyClock.Reading reading = clock.evaluate(CALENDAR);
        assertThat(reading.due()).as(why).contains(due);
        assertThat(reading.paused()).isFalse();
    }

    @Test
    void whilePausedTheDueDayIsUnknownAndTheDaysLeftAreKept() {
        ReplyClock paused = ReplyClock.receivedOn(LocalDate.of(2026, 5, 6))
                .pausedFrom(LocalDate.of(2026, 5, 15), PauseReason.AGENCY_CONSULTATION);
        ReplyClock.Reading reading = paused.evaluate(CALENDAR);
        assertThat(reading.paused()).isTrue();
        assertThat(reading.due()).isEmpty();
        // 05-07, 05-08, make-up Saturday 05-09, 05-11 … 05-15: eight working days used.
        assertThat(reading.workingDaysLeftAtPause()).isEqualTo(12);
        assertThat(reading.trace()).last().extracting(Deadline.TraceEntry::reason).asString()
                .contains("征求其他机关意见").contains("尚余12个工作日");
        // Resumed on 06-01: the twelve days left run 06-02 … 06-17.
        assertThat(paused.resumedOn(LocalDate.of(2026, 6, 1)).evaluate(CALENDAR).due())
                .contains(LocalDate.of(2026, 6, 17));
    }

    @Test
    void aCorrectedApplicationRestartsTheFullPeriod() {
        ReplyClock clock = ReplyClock.receivedOn(LocalDate.of(2026, 3, 2))
                .restartedOnCorrection(LocalDate.of(2026, 3, 20));
        ReplyClock.Reading reading = clock.evaluate(CALENDAR);
        assertThat(reading.due()).contains(LocalDate.of(2026, 4, 20));
        assertThat(reading.trace().get(0).reason()).contains("补正");
    }

    @Test
    void theTraceNamesEverySkippedDay() {
        ReplyClock.Reading reading = ReplyClock.receivedOn(LocalDate.of(2026, 11, 2))
                .pausedFrom(LocalDate.of(2026, 11, 9), PauseReason.THIRD_PARTY_CONSULTATION)
                .resumedOn(LocalDate.of(2026, 11, 20)).evaluate(CALENDAR);
        assertThat(reading.trace()).filteredOn(t -> t.kind().equals("PAUSED")).hasSize(9)
                .allMatch(t -> t.reason().contains("第三十三条第三款"));
        assertThat(reading.trace()).filteredOn(t -> t.kind().equals("WEEKEND")).isNotEmpty();
    }

    @Test
    void extensionIsOnceAndAtMostTwentyWorkingDays() {
        ReplyClock clock = ReplyClock.receivedOn(LocalDate.of(2026, 11, 2));
        assertThatThrownBy(() -> clock.extendedBy(21)).hasMessageContaining("1至20");
        assertThatThrownBy(() -> clock.extendedBy(0)).hasMessageContaining("1至20");
        assertThatThrownBy(() -> clock.extendedBy(5).extendedBy(5)).hasMessageContaining("已延长过");
    }

    @Test
    void pausesMustBeOrdered() {
        ReplyClock clock = ReplyClock.receivedOn(LocalDate.of(2026, 11, 2));
        assertThatThrownBy(() -> clock.resumedOn(LocalDate.of(2026, 11, 3))).hasMessageContaining("未中止");
        ReplyClock paused = clock.pausedFrom(LocalDate.of(2026, 11, 5), PauseReason.FEE_PAYMENT);
        assertThatThrownBy(() -> paused.pausedFrom(LocalDate.of(2026, 11, 6), PauseReason.FEE_PAYMENT))
                .hasMessageContaining("已处于中止");
        assertThatThrownBy(() -> paused.resumedOn(LocalDate.of(2026, 11, 4))).hasMessageContaining("不能早于");
        assertThatThrownBy(() -> clock.pausedFrom(LocalDate.of(2026, 10, 30), PauseReason.FEE_PAYMENT))
                .hasMessageContaining("不能早于");
    }
}
