package cn.gov.disclosure.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.calendar.ReceiptPresumption;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.CaseEvent;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.intake.ApplicationSubmission;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.AsyncJobs;

/**
 * Item 5 of issue 15: the remedy periods of a posted reply run from the date on the return receipt, not from the
 * day the reply was made or posted. Dates either side of holidays: posted on Tuesday 31 March 2026, signed for on
 * Friday 3 April (Qingming is 4–6 April); six months from the receipt end on 3 October, inside the National Day
 * holiday (1–7 October), so the window ends on Thursday 8 October — counted from the posting day it would have
 * ended on Wednesday 30 September, before the holiday.
 */
class PostedReplyAppealWindowTest extends IntegrationTest {

    @Autowired IntakeService intake;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired StatutoryDeadlines deadlines;
    @Autowired CaseFileService caseFiles;
    @Autowired Deliveries deliveries;
    @Autowired ReceiptPresumption presumption;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theAppealWindowOfAPostedReplyStartsFromTheReturnReceiptDate() {
        at(LocalDate.of(2026, 3, 30));
        String caseNo = intake.submit(new ApplicationSubmission(Channel.ONLINE, null,
                new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD,
                        "11010519491231002X", null, "13800000000", null, "山东省临沂市兰山区金雀山路1号", "276000"),
                new ApplicationSubmission.Request("2025年临沂市某路段道路拓宽工程的立项批复文件", null,
                        InformationForm.PAPER, Delivery.POST, null), null), "applicant", false).caseNo();
        AsyncJobs.executeAll(management, runtime, caseNo);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("disclosure-application").singleResult();

        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到立项批复");
        complete(pi, "DecideReply", "replyType", "DISCLOSED", "reasoning", "经检索，该批复由本机关制作，依法予以公开。",
                "disclosureDetails", "立项批复复印件一份，随本答复书邮寄");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(runtime.getActivityInstance(pi.getId()).getChildActivityInstances())
                .extracting(a -> a.getActivityId()).containsExactly("AppealWindowGateway");

        // Until the reply is known to have arrived, a provisional window (made + allowance) keeps the case open.
        LocalDate made = LocalDate.of(2026, 3, 30);
        assertThat(appealTimer(pi).getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(deadlines.appealWindowEnds(made)));

        ProcessInstance delivery = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("delivery").singleResult();
        at(LocalDate.of(2026, 3, 31));
        complete(delivery, "PostNotice", "registeredNo", "XA20260331CN", "postedOn", "2026-03-31");
        assertThat(deliveries.replyDeliveredOn(caseNo)).as("posted is not delivered").isEmpty();

        at(LocalDate.of(2026, 4, 7));
        complete(delivery, "AwaitReturnReceipt", "receiptOn", "2026-04-03");

        LocalDate expected = LocalDate.of(2026, 10, 8);
        assertThat(deadlines.periods().appealWindowEnds(LocalDate.of(2026, 4, 3))).isEqualTo(expected);
        assertThat(deadlines.periods().appealWindowEnds(LocalDate.of(2026, 3, 31)))
                .as("from the posting day it would end before the holiday").isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(appealTimer(pi).getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(expected));
        assertThat(runtime.getVariable(pi.getId(), "appealWindowEnds")).isEqualTo(StatutoryDeadlines.endOfDay(expected));
        assertThat(deliveries.forCase(caseNo)).singleElement().satisfies(v -> {
            assertThat(v.deliveredOn()).isEqualTo(LocalDate.of(2026, 4, 3));
            assertThat(v.presumed()).isFalse();
            assertThat(v.registeredNo()).isEqualTo("XA20260331CN");
        });
        assertThat(caseFiles.events(caseNo)).extracting(CaseEvent::type).contains("DELIVERED", "APPEAL_WINDOW_CHANGED");

        // The window closes on 8 October, not on 30 September.
        ClockUtil.setCurrentTime(new Date(StatutoryDeadlines.endOfDay(LocalDate.of(2026, 9, 30)).getTime() + 60_000));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().executable().count()).isZero();
    }

    /**
     * No return receipt comes back: the reply counts as delivered on the day the one rule presumes
     * (disclosure.receipt-presumption.post-days after posting, calendar/ReceiptPresumption), the appeal window runs
     * from that day, and the applicant's status (API and page) says the day is presumed, not proven.
     */
    @Test
    void aPostedReplyWithoutReturnReceiptIsPresumedDeliveredAndTheWindowStartsFromThatDay() {
        at(LocalDate.of(2026, 3, 30));
        IntakeService.Receipt receipt = intake.submit(new ApplicationSubmission(Channel.ONLINE, null,
                new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD,
                        "11010519491231002X", null, "13800000000", null, "山东省临沂市兰山区金雀山路1号", "276000"),
                new ApplicationSubmission.Request("2025年临沂市某路段道路拓宽工程的环评批复文件", null,
                        InformationForm.PAPER, Delivery.POST, null), null), "applicant", false);
        String caseNo = receipt.caseNo();
        AsyncJobs.executeAll(management, runtime, caseNo);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("disclosure-application").singleResult();
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到环评批复");
        complete(pi, "DecideReply", "replyType", "DISCLOSED", "reasoning", "经检索，该批复由本机关制作，依法予以公开。",
                "disclosureDetails", "环评批复复印件一份，随本答复书邮寄");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");

        ProcessInstance delivery = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("delivery").singleResult();
        LocalDate posted = LocalDate.of(2026, 3, 31);
        at(posted);
        complete(delivery, "PostNotice", "registeredNo", "XA20260331CN", "postedOn", posted.toString());

        LocalDate presumedOn = presumption.receivedOn(posted, ReceiptPresumption.Means.POST);
        assertThat(presumedOn).as("disclosure.receipt-presumption.post-days (15)").isEqualTo(LocalDate.of(2026, 4, 15));
        Job overdue = management.createJobQuery().processInstanceId(delivery.getId())
                .activityId("ReturnReceiptOverdue").timers().singleResult();
        assertThat(overdue.getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(presumedOn));
        ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 60_000));
        management.executeJob(overdue.getId());
        AsyncJobs.executeAll(management, runtime, caseNo);

        assertThat(deliveries.forCase(caseNo)).singleElement().satisfies(v -> {
            assertThat(v.presumed()).isTrue();
            assertThat(v.deliveredOn()).isEqualTo(presumedOn);
        });
        assertThat(deliveries.replyDeliveredOn(caseNo)).contains(presumedOn);
        LocalDate ends = deadlines.periods().appealWindowEnds(presumedOn);
        assertThat(ends).as("six months from the presumed day").isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(appealTimer(pi).getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(ends));
        assertThat(runtime.getVariable(pi.getId(), "appealWindowEnds")).isEqualTo(StatutoryDeadlines.endOfDay(ends));
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> "APPEAL_WINDOW_CHANGED".equals(e.type()))
                .extracting(CaseEvent::newValue).containsExactly(ends.toString());

        // The applicant reads the day as presumed, not as a return receipt's.
        String base = "/api/applications/" + caseNo + "?trackingCode=" + receipt.trackingCode();
        Map<String, Object> view = http.getForObject(base, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = ((java.util.List<Map<String, Object>>) view.get("notices")).stream()
                .filter(n -> "REPLY".equals(n.get("type"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> lines = (java.util.List<Map<String, Object>>) reply.get("deliveries");
        assertThat(lines).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("channel", "POST").containsEntry("receivedOn", presumedOn.toString())
                .containsEntry("presumed", true)
                .containsEntry("text", "已于2026-03-31以邮寄方式发出，邮件号码XA20260331CN，未收到送达回证，推定"
                        + presumedOn + "送达"));
    }

    /** An e-mailed reply: the outbox hands it to the (GreenMail) server, and that day starts the window. */
    @Test
    void anEmailedReplyIsDeliveredWhenTheServerAcceptsItAndTheWindowFollows() throws InterruptedException {
        String caseNo = intake.submit(cn.gov.disclosure.workflow.TestApplications.online("2026年度部门预算公开表格"),
                "applicant", false).caseNo();
        AsyncJobs.executeAll(management, runtime, caseNo);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("disclosure-application").singleResult();
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到");
        complete(pi, "DecideReply", "replyType", "DISCLOSED", "reasoning", "经检索，该信息由本机关制作，依法予以公开。",
                "disclosureDetails", "预算表格电子版一份，随本答复书发送");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("delivery").count()).as("e-mail needs no clerk").isZero();

        long until = System.currentTimeMillis() + 20_000;
        while (deliveries.replyDeliveredOn(caseNo).isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        LocalDate today = deadlines.today();
        assertThat(deliveries.replyDeliveredOn(caseNo)).contains(today);
        assertThat(deliveries.forCase(caseNo)).singleElement().satisfies(v -> {
            assertThat(v.channel()).isEqualTo(DeliveryChannel.EMAIL);
            assertThat(v.presumed()).isFalse();
        });
        assertThat(appealTimer(pi).getDuedate())
                .isEqualTo(StatutoryDeadlines.endOfDay(deadlines.periods().appealWindowEnds(today)));
    }

    private Job appealTimer(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId("AppealWindowExpired").timers()
                .singleResult();
    }

    private void complete(ProcessInstance pi, String key, Object... keyValues) {
        Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
        assertThat(t).as("open task " + key).isNotNull();
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put((String) keyValues[i], keyValues[i + 1]);
        }
        tasks.complete(t.getId(), vars);
        AsyncJobs.executeAll(management, runtime, pi.getBusinessKey());
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(StatutoryDeadlines.atOpening(day));
    }
}
