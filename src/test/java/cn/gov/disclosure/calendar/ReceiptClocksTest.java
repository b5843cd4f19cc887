package cn.gov.disclosure.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clocks that run from receipt (issue 14): the 15 working days of Arts. 32/34 from the day the letter was
 * received, the correction period of Art. 30 from the applicant's receipt of the notice, and the Art. 35
 * deferral added to the reply period. Expected days counted by hand on the 2026 calendar (National Day
 * 10-01..07 off, 09-25..27 Mid-Autumn off, 09-20 and 10-10 make-up working days).
 */
class ReceiptClocksTest {

    private static final WorkingDayCalendar CALENDAR = CalendarFixture.national();
    private static final StatutoryPeriods PERIODS = new StatutoryPeriods(CALENDAR);

    @ParameterizedTest(name = "art32_34: sent {0}, presumed {1} days later, answer due {2}")
    @CsvSource({
            // e-mail, presumed received the day it was sent
            "2026-09-24, 0, 2026-10-22",
            // post, presumed received five days later (09-29): the holidays are skipped, 10-10 counts
            "2026-09-24, 5, 2026-10-26",
            "2026-11-02, 0, 2026-11-23",
            // received on a Saturday: counting starts on the Monday
            "2026-11-02, 5, 2026-11-27"})
    void art32_34_theAnswerPeriodRunsFromReceipt(LocalDate sentOn, int presumedDays, LocalDate due) {
        assertThat(PERIODS.consultationAnswerDue(sentOn.plusDays(presumedDays)).due()).isEqualTo(due);
    }

    @ParameterizedTest(name = "art30: notice received {0}, correct by {1}")
    @CsvSource({"2026-11-02, 2026-11-23", "2026-11-07, 2026-11-27", "2026-09-29, 2026-10-26"})
    void art30_theCorrectionPeriodRunsFromReceiptOfTheNotice(LocalDate receivedOn, LocalDate correctBy) {
        assertThat(CALENDAR.addWorkingDays(receivedOn, 15).due()).isEqualTo(correctBy);
    }

    @ParameterizedTest(name = "art35: received {0}, deferred {1} working days, due {2}")
    @CsvSource({"2026-11-02, 20, 2026-12-28", "2026-11-02, 5, 2026-12-07", "2026-09-24, 10, 2026-11-12"})
    void art35_aDeferralAddsWorkingDaysToTheReplyPeriod(LocalDate receivedOn, int days, LocalDate due) {
        assertThat(ReplyClock.receivedOn(receivedOn).deferredBy(days).evaluate(CALENDAR).due()).contains(due);
    }

    @ParameterizedTest(name = "art33_2: extension of {1} during a pause from {0}: {2} working days left")
    @CsvSource({"2026-11-05, 20, 37", "2026-11-02, 10, 30"})
    void art33_2_anExtensionDuringAPauseLeavesTheDaysNotADate(LocalDate pausedFrom, int days, int left) {
        ReplyClock.Reading r = ReplyClock.receivedOn(LocalDate.of(2026, 11, 2))
                .pausedFrom(pausedFrom, PauseReason.THIRD_PARTY_CONSULTATION).extendedBy(days).evaluate(CALENDAR);
        assertThat(r.due()).isEmpty();
        assertThat(r.workingDaysLeftAtPause()).isEqualTo(left);
        assertThat(List.copyOf(r.trace())).anyMatch(t -> t.reason().contains("第三十三条第三款"));
    }
}
