package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.ProcessTest;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseEvent;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.notice.NoticeRepository;

/** One test per path through disclosure-application.bpmn, on the real engine and database. */
class DisclosureProcessTest extends ProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired CaseRepository caseRepository;
    @Autowired NoticeRepository notices;
    @Autowired StatutoryDeadlines deadlines;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    private ProcessInstance submit(String description) {
        String caseNo = intake.submit(TestApplications.online(description), "applicant", false).caseNo();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    private Task task(ProcessInstance pi, String key) {
        Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
        assertThat(t).as("open task " + key).isNotNull();
        return t;
    }

    private void complete(ProcessInstance pi, String key, Object... keyValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put((String) keyValues[i], keyValues[i + 1]);
        }
        tasks.complete(task(pi, key).getId(), vars);
    }

    private String candidateGroup(Task t) {
        return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).findFirst().orElse(null);
    }

    private ApplicationCase caseOf(ProcessInstance pi) {
        return caseFiles.get(pi.getBusinessKey());
    }

    private void toDecision(ProcessInstance pi, String replyType) {
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到相关文件");
        complete(pi, "DecideReply", "replyType", replyType, "reasoning", "依法说明理由",
                "disclosureDetails", "提供文件一份");
    }

    @Test
    void disclosePathRepliesArchivesAndClosesWhenTheAppealWindowEnds() {
        ProcessInstance pi = submit("2025年某路段道路拓宽工程的立项批复文件");
        assertThat(pi).isWaitingAt("ReviewCompleteness");
        Task review = task(pi, "ReviewCompleteness");
        ApplicationCase c = caseOf(pi);
        assertThat(candidateGroup(review)).isEqualTo("clerk");
        assertThat(review.getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(
                deadlines.correctionNoticeDue(c.receivedOn()).due()));
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("trackingCode", "idNumber");

        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        assertThat(pi).isWaitingAt("SearchInformation");
        assertThat(task(pi, "SearchInformation").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(c.dueOn()));
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        complete(pi, "SearchInformation", "searchNotes", "已检索到");
        assertThat(pi).isWaitingAt("DecideReply");
        complete(pi, "DecideReply", "replyType", "DISCLOSED", "disclosureDetails", "批复文件电子版一份");

        assertThat(pi).hasPassed("SendDisclosureReply", "RecordReply", "ArchiveCase").isWaitingAt("AppealWindowGateway");
        ApplicationCase replied = caseOf(pi);
        assertThat(replied.status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(replied.replyType()).isEqualTo("DISCLOSED");
        assertThat(notices.listForCase(replied.id())).extracting(n -> n.type())
                .containsExactly("ACKNOWLEDGMENT", "REPLY_DISCLOSED");

        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        LocalDate windowEnds = deadlines.appealWindowEnds(replied.repliedOn());
        assertThat(timer.getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(windowEnds));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isEqualTo(1);
        management.executeJob(timer.getId());
        assertThat(pi).hasPassed("AppealWindowExpired", "CloseCase").isEnded();
        assertThat(pi).hasPassed("CaseClosed");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFiles.events(replied.caseNo())).extracting(CaseEvent::type)
                .contains("REGISTERED", "NOTICE_ISSUED", "TASK_COMPLETED", "STATUS_CHANGED", "REPLIED");
    }

    @Test
    void unclearApplicationGoesToTheCorrectionTask() {
        ProcessInstance pi = submit("关于那个文件");
        complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION", "reviewNotes", "请写明文件名称或文号");
        assertThat(pi).isWaitingAt("RequestCorrectionManually");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);
        assertThat(candidateGroup(task(pi, "RequestCorrectionManually"))).isEqualTo("clerk");
        complete(pi, "RequestCorrectionManually", "correctionNoticeNotes", "已于当日邮寄补正告知书");
        assertThat(pi).hasPassed("CorrectionHandledManually").isEnded();
    }

    @Test
    void alreadyPublicInformationIsAnsweredByTheClerkWithoutLegalReview() {
        ProcessInstance pi = submit("2025年政府工作报告全文");
        toDecision(pi, "ALREADY_PUBLIC");
        assertThat(pi).isWaitingAt("ComposeReplyManually").hasNotPassed("LegalReview");
        complete(pi, "ComposeReplyManually", "manualReplyNotes", "已告知获取网址");
        assertThat(pi).hasPassed("RecordReply", "ArchiveCase").isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).replyType()).isEqualTo("ALREADY_PUBLIC");
    }

    @Test
    void refusalGoesThroughLegalReviewBeforeTheReply() {
        ProcessInstance pi = submit("某企业的环境影响评价报告全文");
        toDecision(pi, "NOT_DISCLOSED");
        assertThat(pi).isWaitingAt("LegalReview");
        assertThat(candidateGroup(task(pi, "LegalReview"))).isEqualTo("legal");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.LEGAL_REVIEW);
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).isWaitingAt("ComposeReplyManually");
        complete(pi, "ComposeReplyManually", "manualReplyNotes", "已送达");
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.ARCHIVED);
    }

    @Test
    void legalReviewCanReturnTheDraftToTheClerk() {
        ProcessInstance pi = submit("某项目的会议纪要");
        toDecision(pi, "NOT_HELD");
        complete(pi, "LegalReview", "legalOutcome", "RETURNED", "legalComment", "检索范围不完整，请补充检索档案室");
        assertThat(pi).isWaitingAt("DecideReply");
        assertThat(runtime.getVariable(pi.getId(), "legalComment")).isEqualTo("检索范围不完整，请补充检索档案室");
        complete(pi, "DecideReply", "replyType", "DISCLOSED");
        assertThat(pi).hasPassed("SendDisclosureReply").isWaitingAt("AppealWindowGateway");
        assertThat(caseFiles.events(pi.getBusinessKey()))
                .filteredOn(e -> "legalOutcome".equals(e.field())).extracting(CaseEvent::newValue)
                .containsExactly("RETURNED");
        assertThat(caseFiles.events(pi.getBusinessKey()))
                .filteredOn(e -> "replyType".equals(e.field()) && e.type().equals("TASK_COMPLETED"))
                .extracting(CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "NOT_HELD"),
                        org.assertj.core.groups.Tuple.tuple("NOT_HELD", "DISCLOSED"));
    }

    @Test
    void anAppealDuringTheWindowGoesToLegal() {
        ProcessInstance pi = submit("某路段拓宽工程的征收补偿方案");
        toDecision(pi, "DISCLOSED");
        runtime.createMessageCorrelation("AppealReceived").processInstanceBusinessKey(pi.getBusinessKey()).correlate();
        assertThat(pi).isWaitingAt("HandleAppealManually");
        Task appeal = task(pi, "HandleAppealManually");
        assertThat(candidateGroup(appeal)).isEqualTo("legal");
        assertThat(appeal.getDueDate()).isAfter(new Date());
        complete(pi, "HandleAppealManually", "appealNotes", "已提交书面答复");
        assertThat(pi).hasPassed("CloseCase").isEnded();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aClerkRegistersALetterFromTheStartForm() {
        identity.setAuthentication("clerk", java.util.List.of("clerk"));
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "LETTER");
        form.put("receivedOn", LocalDate.now().minusDays(1).toString());
        form.put("applicantType", "NATURAL_PERSON");
        form.put("applicantName", "李四");
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", "11010519491231002x");
        form.put("address", "临沂市河东区某街道1号");
        form.put("description", "本街道2025年老旧小区改造项目清单");
        form.put("form", "PAPER");
        form.put("delivery", "POST");
        form.put("filledInByStaff", true);
        ProcessInstance pi = runtime.startProcessInstanceByKey(IntakeService.PROCESS_KEY, form);
        identity.clearAuthentication();

        assertThat(pi.getBusinessKey()).startsWith("GK-");
        assertThat(pi).isWaitingAt("ReviewCompleteness");
        ApplicationCase c = caseOf(pi);
        assertThat(c.filledInByStaff()).isTrue();
        assertThat(c.idNumber()).isEqualTo("11010519491231002X");
        assertThat(c.createdBy()).isEqualTo("clerk");
        assertThat(c.receivedOn()).isEqualTo(LocalDate.now().minusDays(1));
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("idNumber", "address", "trackingCode")
                .containsEntry("caseNo", c.caseNo());
        assertThat(notices.listForCase(c.id())).hasSize(1);
    }

    @Test
    void anInvalidStartFormStoresNothing() {
        long cases = caseRepository.count();
        long instances = runtime.createProcessInstanceQuery().count();
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "FAX");
        form.put("applicantType", "NATURAL_PERSON");
        form.put("applicantName", "王五");
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", "110105194912310021");
        form.put("description", "某文件");
        form.put("form", "PAPER");
        form.put("delivery", "POST");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(IntakeService.PROCESS_KEY, form))
                .hasMessageContaining("居民身份证号码无效")
                .hasMessageContaining("选择邮寄获取信息时，请填写通信地址");
        assertThat(caseRepository.count()).isEqualTo(cases);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }
}
