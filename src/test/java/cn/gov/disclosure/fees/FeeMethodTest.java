package cn.gov.disclosure.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.TestApplications;

/** Art. 42 (国办函〔2020〕109号): one method per application, never both; a second assessment is refused. */
class FeeMethodTest extends IntegrationTest {

    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired FeeService fees;
    @Autowired JdbcClient jdbc;

    @Test
    void art42_oneMethodPerApplicationASecondAssessmentIsRefusedAndNothingIsStored() {
        String caseNo = intake.submit(TestApplications.online("本机关2025年全部会议纪要及其附件"), "applicant", false).caseNo();
        ApplicationCase c = caseFiles.get(caseNo);
        FeeService.Assessment first = fees.assess(caseNo, "BY_VOLUME", 150, "clerk").orElseThrow();
        assertThat(first.amount()).isEqualTo(1700);

        // The other method — here within its free band (the applicant's first application this month) — is refused,
        // not silently recorded as a free second assessment beside the charged one.
        assertThatThrownBy(() -> fees.assess(caseNo, "PER_APPLICATION", null, "clerk"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("feeMethod");
                            assertThat(f.message()).contains("同一申请只能计收一次");
                        }));
        // The same method again is refused too.
        assertThatThrownBy(() -> fees.assess(caseNo, "BY_VOLUME", 40, "clerk"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("同一申请只能计收一次");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM fee WHERE case_id = ?").param(c.id()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> "FEE_ASSESSED".equals(e.type())).singleElement()
                .satisfies(e -> assertThat(e.newValue()).isEqualTo("1700"));
    }
}
