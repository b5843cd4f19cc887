package cn.gov.disclosure.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;

/** The clerk's consultation plan is checked without the engine: each problem names its form field. */
class ConsultationPlanTest {

    private final ConsultationService service = new ConsultationService(
            new AgencyDirectory(List.of(new AgencyDirectory.Entry("ZRZY", "示例市自然资源和规划局", "建设路8号",
                    "gongkai@zrzy.example.cn", null))),
            null, null, null, null, null, null, "http://localhost:8080", null, null, null,
            new cn.gov.disclosure.calendar.ReceiptPresumption(15, 0));

    @Test
    void agencyCodesAreSplitOnChinesePunctuationUpperCasedAndDeduplicated() {
        ConsultationPlan plan = new ConsultationPlan(true, " zrzy，FGW、zj;ZRZY  fgw ", false, null, null, null,
                "全文");
        assertThat(plan.agencyCodeList()).containsExactly("ZRZY", "FGW", "ZJ");
        assertThat(new ConsultationPlan(true, "   ", false, null, null, null, null).agencyCodeList()).isEmpty();
    }

    /** The search form's list of agencies (a taglist) submits the codes chosen as a JSON list. */
    @Test
    void agencyCodesChosenFromTheFormsListAreReadLikeTypedOnes() {
        assertThat(new ConsultationPlan(true, "[\"ZRZY\",\"FGW\"]", false, null, null, null, "全文").agencyCodeList())
                .containsExactly("ZRZY", "FGW");
        assertThat(new ConsultationPlan(true, "[]", false, null, null, null, null).agencyCodeList()).isEmpty();
    }

    @Test
    void aCompletePlanPasses() {
        service.validatePlan(new ConsultationPlan(true, "zrzy", true, "示例化工有限公司", null, "化工路1号",
                "环境影响报告书"));
        service.validatePlan(new ConsultationPlan(false, null, false, null, null, null, null));
    }

    @Test
    void everyProblemIsReportedOnItsField() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> service.validatePlan(
                new ConsultationPlan(true, "ZRZY NOPE", true, " ", null, "", " ")));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("agencyCodes", "thirdPartyName", "thirdPartyEmail", "informationConcerned");
        assertThat(e.errors().get(0).message()).isEqualTo("机关代码“NOPE”不在机关名录中（可选：ZRZY 示例市自然资源和规划局）");
        assertThat(e.errors().get(2).message()).contains("电子邮箱或通信地址");
    }

    @Test
    void consultingAgenciesNeedsAtLeastOneCode() {
        assertThatThrownBy(() -> service.validatePlan(new ConsultationPlan(true, null, false, null, null, null,
                "全文"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("请从机关名录中选择要征求意见的机关（可选：ZRZY 示例市自然资源和规划局）");
    }

    @Test
    void everyOutcomeHasItsLabel() {
        assertThat(ConsultationOutcome.SILENT_CONSENT.label()).isEqualTo("逾期未答复，视为同意");
        for (ConsultationOutcome o : ConsultationOutcome.values()) {
            assertThat(o.label()).isNotBlank();
        }
    }
}
