package cn.gov.disclosure.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Correction, consultation, fee and appeal periods (STATUTE.md §§2, 4, 5). */
class StatutoryPeriodsTest {

    static final StatutoryPeriods PERIODS = new StatutoryPeriods(CalendarFixture.national());

    @ParameterizedTest(name = "{0}: {1} -> {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            CORRECTION_NOTICE           | 2026-02-12 | 2026-02-28 | 7 working days across Spring Festival, ends on make-up Saturday
            CORRECTION_NOTICE           | 2026-09-28 | 2026-10-13 | 7 working days across National Day, make-up Saturday 10-10 counts
            CONSULTATION                | 2026-09-24 | 2026-10-22 | 15 working days for a third party or agency (Arts. 32, 34)
            FEE_PAYMENT                 | 2026-01-26 | 2026-02-28 | 20 working days to pay (Art. 42)
            RECONSIDERATION             | 2026-08-03 | 2026-10-08 | 60 days end on National Day 10-02, moved to 10-08
            LAWSUIT                     | 2026-04-03 | 2026-10-08 | 6 months end on 10-03, moved to 10-08
            LAWSUIT                     | 2025-08-31 | 2026-02-28 | 6 months end on a make-up Saturday, which is a working day
            LAWSUIT                     | 2026-03-31 | 2026-09-30 | 6 months from the 31st end on the month's last day
            LAWSUIT_AFTER_RECONSIDERATION | 2026-01-20 | 2026-02-04 | 15 days, a Wednesday
            LAWSUIT_AFTER_RECONSIDERATION | 2026-02-01 | 2026-02-24 | 15 days end on Spring Festival 02-16, moved to 02-24
            RECONSIDERATION_ANSWER      | 2026-09-28 | 2026-10-16 | 10 working days (行政复议法 Arts. 48, 88)
            RECONSIDERATION_ANSWER_SIMPLIFIED | 2026-09-28 | 2026-10-10 | 5 working days, simplified procedure (Art. 54)
            COURT_DEFENCE               | 2026-09-20 | 2026-10-08 | 15 days end on National Day 10-05, moved (行政诉讼法 Art. 67)
            """)
    void period(String kind, LocalDate from, LocalDate due, String why) {
        Deadline d = switch (kind) {
            case "CORRECTION_NOTICE" -> PERIODS.correctionNoticeDue(from);
            case "CONSULTATION" -> PERIODS.consultationAnswerDue(from);
            case "FEE_PAYMENT" -> PERIODS.feePayment(from);
            case "RECONSIDERATION" -> PERIODS.reconsiderationApplication(from);
            case "LAWSUIT" -> PERIODS.directLawsuit(from);
            case "LAWSUIT_AFTER_RECONSIDERATION" -> PERIODS.lawsuitAfterReconsideration(from);
            case "RECONSIDERATION_ANSWER" -> PERIODS.reconsiderationAnswer(from, false);
            case "RECONSIDERATION_ANSWER_SIMPLIFIED" -> PERIODS.reconsiderationAnswer(from, true);
            case "COURT_DEFENCE" -> PERIODS.courtDefence(from);
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(d.due()).as(why).isEqualTo(due);
    }

    @Test
    void aPeriodMovedOffAHolidaySaysWhy() {
        Deadline d = PERIODS.reconsiderationApplication(LocalDate.of(2026, 8, 3));
        assertThat(d.trace()).first().extracting(Deadline.TraceEntry::reason).asString()
                .contains("国庆节").contains("顺延").contains("第二百零三条");
    }

    @Test
    void aPeriodEndingInAYearWithoutANoticeIsFlagged() {
        Deadline d = PERIODS.directLawsuit(LocalDate.of(2026, 8, 31));
        assertThat(d.due()).isEqualTo(LocalDate.of(2027, 3, 1)); // 2027-02-28 is a Sunday
        assertThat(d.hasWarnings()).isTrue();
    }

    @Test
    void theAppealWindowIsTheLaterOfBothLimits() {
        assertThat(PERIODS.appealWindowEnds(LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2026, 10, 8));
    }
}
