package cn.gov.disclosure.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, true",   // GB 11643 example number
            "110105194912310021, false",  // wrong check digit
            "11010519491331002X, false",  // month 13
            "11010519490230002X, false",  // 30 February
            "1101051949123100, false",    // too short
            "11010519491231002x, false",  // lower-case x is normalised before validation, not here
    })
    void residentId(String id, boolean valid) {
        assertThat(IdentityNumbers.isValidResidentId(id)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y43, true",
            "91350100M000100Y44, false",
            "91350100M000100YI3, false",  // I is not in the alphabet
            "9135010, false",
    })
    void creditCode(String code, boolean valid) {
        assertThat(IdentityNumbers.isValidCreditCode(code)).isEqualTo(valid);
    }

    @Test
    void masksAllButEdges() {
        assertThat(IdentityNumbers.mask("11010519491231002X")).isEqualTo("110*************2X");
        assertThat(IdentityNumbers.mask("E123")).isEqualTo("****");
    }
}
