package cn.gov.disclosure.workflow;

import cn.gov.disclosure.casefile.CaseClocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseEvent;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;

/** Art. 42: by default the reply clock stands still while the applicant has 20 working days to pay. */
class FeeNoticeClockTest extends IntegrationTest {

    @Autowired IntakeService intake;
    @Autowired CaseClocks clocks;
    @Autowired CaseFileService caseFiles;
    @Autowired cn.gov.disclosure.calendar.StatutoryDeadlines deadlines;

    @Test
    void art42_aFeeNoticeSetsThePaymentLimitAndByDefaultStopsTheClock() {
        String caseNo = intake.submit(TestApplications.online("本机关2025年全部会议纪要"), "applicant", false).caseNo();
        ApplicationCase before = caseFiles.get(caseNo);
        LocalDate noticeReceived = before.receivedOn().plusDays(2);
        LocalDate payBy = clocks.feeNoticeReceived(caseNo, noticeReceived, "clerk");
        assertThat(payBy).isEqualTo(deadlines.calendar().addWorkingDays(noticeReceived, 20).due());
        assertThat(clocks.clock(caseNo).isPaused()).isTrue();
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("FEE_NOTICE_RECEIVED"))
                .extracting(CaseEvent::newValue).containsExactly(payBy.toString());
    }
}
