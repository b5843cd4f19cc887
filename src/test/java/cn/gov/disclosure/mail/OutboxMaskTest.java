package cn.gov.disclosure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import cn.gov.disclosure.casefile.TrackingCodes;

/** The mask recognises every tracking code and one-time token, and leaves the rest of a message alone. */
class OutboxMaskTest {

    @RepeatedTest(20)
    void masksTrackingCodesAndTokens() {
        String code = TrackingCodes.generate();
        String token = TrackingCodes.generate() + "-" + TrackingCodes.generate();
        String masked = OutboxRetention.mask("查询码：" + code + "（请妥善保管）\n链接：http://localhost:8080/consultation/"
                + token + "\n");
        assertThat(masked).isEqualTo("查询码：****-****-****-****（请妥善保管）\n链接：http://localhost:8080/consultation/"
                + "****-****-****-****-****-****-****-****\n");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "案件编号：GK-2026-00001\n答复期限：2026年12月18日前\n电话 0000-12345678，邮件 gongkai@example.cn\n"
                + "文号 临政发〔2025〕12号 ABCD-EFGH 2345-6789-2345";
        assertThat(OutboxRetention.mask(text)).isEqualTo(text);
        assertThat(OutboxRetention.mask(null)).isNull();
    }
}
