package cn.gov.disclosure.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;

/** The one presumption of receipt: its default, its property, and the former per-use names read as aliases. */
class ReceiptPresumptionTest {

    static Stream<Arguments> settings() {
        return Stream.of(
                // properties set ("name=value;..."), presumed post days, presumed e-mail days
                Arguments.of("", 15, 0),
                Arguments.of("disclosure.receipt-presumption.post-days=10", 10, 0),
                Arguments.of("disclosure.receipt-presumption.email-days=1", 15, 1),
                // A former name alone still counts (an operator's old setting keeps working).
                Arguments.of("disclosure.delivery.post-presumed-after-days=20", 20, 0),
                Arguments.of("disclosure.correction.presumed-receipt-days.post=7", 7, 0),
                Arguments.of("disclosure.consultation.presumed-receipt-days.email=2", 15, 2),
                // The former names disagreed (5 against 15, the defect): one rule, the longest.
                Arguments.of("disclosure.delivery.post-presumed-after-days=15;"
                        + "disclosure.correction.presumed-receipt-days.post=5;"
                        + "disclosure.consultation.presumed-receipt-days.post=5", 15, 0),
                // The new name wins over any former one.
                Arguments.of("disclosure.receipt-presumption.post-days=12;"
                        + "disclosure.delivery.post-presumed-after-days=30", 12, 0));
    }

    @ParameterizedTest(name = "[{0}] -> post {1}, e-mail {2}")
    @MethodSource("settings")
    void theRuleComesFromOneProperty(String properties, int postDays, int emailDays) {
        MockEnvironment env = new MockEnvironment();
        for (String p : properties.split(";")) {
            if (!p.isBlank()) {
                env.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
            }
        }
        ReceiptPresumption rule = new ReceiptPresumption(env);
        assertThat(rule.days(ReceiptPresumption.Means.POST)).isEqualTo(postDays);
        assertThat(rule.days(ReceiptPresumption.Means.EMAIL)).isEqualTo(emailDays);
    }

    static Stream<Arguments> days() {
        return Stream.of(
                // sent, by, presumed received (calendar days: a presumption is not a period, no holiday shift)
                Arguments.of("2026-09-28", ReceiptPresumption.Means.POST, "2026-10-13"),
                Arguments.of("2026-12-20", ReceiptPresumption.Means.POST, "2027-01-04"),
                Arguments.of("2026-09-28", ReceiptPresumption.Means.EMAIL, "2026-09-28"));
    }

    @ParameterizedTest(name = "sent {0} by {1}: received {2}")
    @MethodSource("days")
    void theDefaultIsFifteenDaysForPostAndTheSameDayForEmail(String sent, ReceiptPresumption.Means by,
                                                            String received) {
        assertThat(new ReceiptPresumption(new MockEnvironment()).receivedOn(LocalDate.parse(sent), by))
                .isEqualTo(LocalDate.parse(received));
    }

    @Test
    void aNegativeNumberOfDaysIsRefusedAtStart() {
        MockEnvironment env = new MockEnvironment().withProperty(ReceiptPresumption.POST_DAYS, "-1");
        assertThatThrownBy(() -> new ReceiptPresumption(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ReceiptPresumption.POST_DAYS);
    }
}
