package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 国办函〔2020〕109号, by hand. */
class FeeCalculatorTest {

    @ParameterizedTest(name = "application no. {0} of the month costs {1}")
    @CsvSource({"1, 0", "10, 0", "11, 100", "30, 100", "31, 200", "40, 200", "41, 300", "50, 300", "51, 400",
            "100, 800"})
    void perApplication(int n, int fee) {
        assertThat(FeeCalculator.perApplication(n)).isEqualTo(fee);
    }

    @ParameterizedTest(name = "{0} applications in a month cost {1} in all")
    @CsvSource({"10, 0", "11, 100", "30, 2000", "31, 2200", "40, 4000", "41, 4300"})
    void perApplicationTotal(int n, int total) {
        assertThat(FeeCalculator.perApplicationTotal(n)).isEqualTo(total);
    }

    @ParameterizedTest(name = "{0} pages cost {1}")
    @CsvSource({"0, 0", "30, 0", "31, 10", "100, 700", "101, 720", "200, 2700", "201, 2740", "250, 4700"})
    void byVolume(int pages, int fee) {
        assertThat(FeeCalculator.byVolume(pages)).isEqualTo(fee);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> FeeCalculator.perApplication(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeCalculator.byVolume(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
