package cn.gov.disclosure.workflow;

import cn.gov.disclosure.workflow.disclosure.DeadlineWatch;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;
import cn.gov.disclosure.casefile.CaseClocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
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
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired cn.gov.disclosure.correction.CorrectionService corrections;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired CaseRepository caseRepository;
    @Autowired NoticeRepository notices;
    @Autowired StatutoryDeadlines deadlines;
    @Autowired CaseClocks clocks;
    @Autowired cn.gov.disclosure.mail.MailOutbox outbox;
    @Autowired cn.gov.disclosure.casefile.CaseClockRepository clockRepository;
    @Autowired cn.gov.disclosure.notice.ReplyCatalogue catalogue;
    @Autowired cn.gov.disclosure.consultation.ConsultationRepository consultationRepository;
    @Autowired cn.gov.disclosure.consultation.ConsultationService consultationService;
    @Autowired cn.gov.disclosure.records.RecordsService records;

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
        executeAsyncJobs();
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
        completeTask(task(pi, key).getId(), vars);
    }

    /** Completes the task, then runs the asynchronous steps it led to (no job executor in tests). */
    private void completeTask(String taskId, Map<String, Object> vars) {
        tasks.complete(taskId, vars);
        executeAsyncJobs();
    }

    /** The retried steps (rendering, mail, calls out) run as jobs after the task's transaction. */
    private void executeAsyncJobs() {
        AsyncJobs.executeAll(management);
    }

    private String candidateGroup(Task t) {
        return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).findFirst().orElse(null);
    }

    private ApplicationCase caseOf(ProcessInstance pi) {
        return caseFiles.get(pi.getBusinessKey());
    }

    /** Review, search and decide; {@code extra} are more form fields of 拟定答复意见. */
    private void decide(ProcessInstance pi, String replyType, Object... extra) {
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到相关文件");
        completeDecision(pi, replyType, extra);
    }

    private void completeDecision(ProcessInstance pi, String replyType, Object... extra) {
        Object[] vars = new Object[6 + extra.length];
        vars[0] = "replyType";
        vars[1] = replyType;
        vars[2] = "reasoning";
        vars[3] = "经检索和审查，依据所引条款作出本答复，具体情况如上所述。";
        vars[4] = "disclosureDetails";
        vars[5] = "相关文件电子版一份，随本答复书发送";
        System.arraycopy(extra, 0, vars, 6, extra.length);
        complete(pi, "DecideReply", vars);
    }

    /** Decide and confirm the draft; a disclosure without legal review then passes the secrecy review. */
    private void toDecision(ProcessInstance pi, String replyType, Object... extra) {
        decide(pi, replyType, extra);
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        clearSecrecyIfAsked(pi);
    }

    private void clearSecrecyIfAsked(ProcessInstance pi) {
        if (tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("SecrecyReview").count() == 1) {
            assertThat(candidateGroup(task(pi, "SecrecyReview"))).isEqualTo("secrecy");
            complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        }
    }

    private String issuedReplyText(ApplicationCase c) {
        long id = notices.listForCase(c.id()).stream().filter(n -> n.type().equals("REPLY")).findFirst()
                .orElseThrow().id();
        return cn.gov.disclosure.notice.NoticeChecker.textOf(notices.pdf(c.id(), id).orElseThrow());
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
        assertThat(pi).hasPassed("PrepareReplyDraft").isWaitingAt("ConfirmReply");
        assertThat((String) runtime.getVariable(pi.getId(), "draftNoticeUrl")).matches("/staff/notices/\\d+\\.pdf");
        assertThat(notices.listForCase(c.id())).as("drafts are not shown to the applicant").hasSize(1);
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        assertThat(pi).hasNotPassed("LegalReview").isWaitingAt("SecrecyReview");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");

        assertThat(pi).hasPassed("SendReply", "RecordReply", "ArchiveCase").hasNotPassed("LegalReview")
                .isWaitingAt("AppealWindowGateway");
        ApplicationCase replied = caseOf(pi);
        assertThat(replied.status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(replied.replyType()).isEqualTo("DISCLOSED");
        assertThat(notices.listForCase(replied.id())).extracting(n -> n.type())
                .containsExactly("ACKNOWLEDGMENT", "REPLY");
        assertThat(issuedReplyText(replied)).contains("第三十六条第二项").contains("示例市人民法院")
                .doesNotContain("草稿");

        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        LocalDate windowEnds = deadlines.appealWindowEnds(replied.repliedOn());
        assertThat(timer.getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(windowEnds));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isEqualTo(1);
        management.executeJob(timer.getId());
        executeAsyncJobs();
        assertThat(pi).hasPassed("AppealWindowExpired", "CloseCase").isEnded();
        assertThat(pi).hasPassed("CaseClosed");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFiles.events(replied.caseNo())).extracting(CaseEvent::type)
                .contains("REGISTERED", "NOTICE_ISSUED", "TASK_COMPLETED", "STATUS_CHANGED", "REPLIED");
        // What the clerk wrote about the search is on the case record, not only in the process.
        assertThat(caseFiles.events(replied.caseNo())).anyMatch(e -> "searchNotes".equals(e.field())
                && "已检索到".equals(e.newValue()));
    }

    @Test
    void anUnclearApplicationIsCorrectedOnceAndTheClockStartsAgain() {
        ProcessInstance pi = submit("关于那个文件");
        ApplicationCase c = caseOf(pi);
        LocalDate noticeDay = deadlines.calendar().addWorkingDays(c.receivedOn(), 3).due();
        moveClockTo(noticeDay);
        complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION", "reviewNotes", "请写明文件名称或文号");
        assertThat(pi).hasPassed("SendCorrectionNotice").isWaitingAt("AwaitCorrection");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);
        assertThat(notices.listForCase(c.id())).extracting(n -> n.type()).contains("CORRECTION");
        Task waiting = task(pi, "AwaitCorrection");
        assertThat(candidateGroup(waiting)).isEqualTo("clerk");
        LocalDate correctBy = deadlines.calendar().addWorkingDays(noticeDay, 15).due();
        assertThat(waiting.getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(correctBy));
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(CaseTimers.PARKED);

        LocalDate correctedOn = deadlines.calendar().addWorkingDays(noticeDay, 4).due();
        moveClockTo(correctedOn);
        complete(pi, "AwaitCorrection", "correctedDescription", "2025年第12号文件《关于某路段改造的批复》",
                "correctionReceivedOn", correctedOn.toString());
        assertThat(pi).isWaitingAt("ReviewCompleteness");
        ApplicationCase corrected = caseOf(pi);
        assertThat(corrected.description()).isEqualTo("2025年第12号文件《关于某路段改造的批复》");
        assertThat(corrected.dueOn()).isEqualTo(deadlines.replyDue(correctedOn).due());
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(corrected.dueOn()));
        assertThat(task(pi, "ReviewCompleteness").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(
                deadlines.correctionNoticeDue(correctedOn).due()));
        assertThat(caseFiles.events(c.caseNo())).filteredOn(e -> "description".equals(e.field()))
                .extracting(CaseEvent::oldValue).containsExactly("关于那个文件");

        // A correction may be asked for only once.
        assertThatThrownBy(() -> complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION",
                "reviewNotes", "请再补充")).hasMessageContaining("一次性告知");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        assertThat(pi).isWaitingAt("SearchInformation");
    }

    @Test
    void aBadCorrectionIsRefusedNamingItsFieldAndAnOnlineCorrectionCompletesTheWait() {
        ProcessInstance pi = submit("关于那份材料");
        complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION", "reviewNotes", "请写明文件名称或文号");
        assertThatThrownBy(() -> complete(pi, "AwaitCorrection", "correctedDescription", "2025年第3号文件",
                "correctionReceivedOn", "2026-02-30"))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("correctionReceivedOn").hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> complete(pi, "AwaitCorrection", "correctedDescription", "文".repeat(2001)))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("correctedDescription").hasMessageContaining("2000");
        assertThat(pi).isWaitingAt("AwaitCorrection");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);

        // The portal's way: through the correction feature's port, as the applicant (no engine identity).
        assertThatThrownBy(() -> corrections.receiveOnline(pi.getBusinessKey(), "太短"))
                .isInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("5至2000字");
        assertThat(corrections.receiveOnline(pi.getBusinessKey(), "2025年第3号文件《关于某路段改造的批复》")).isTrue();
        assertThat(pi).isWaitingAt("ReviewCompleteness");
        assertThat(runtime.getVariable(pi.getId(), "correctionChannel")).isEqualTo("ONLINE");
        assertThat(caseOf(pi).description()).isEqualTo("2025年第3号文件《关于某路段改造的批复》");
        assertThat(caseFiles.events(pi.getBusinessKey())).filteredOn(e -> e.type().equals("CORRECTED"))
                .extracting(CaseEvent::actor).containsExactly("applicant");
        assertThat(corrections.receiveOnline(pi.getBusinessKey(), "再补充一些内容说明")).as("no longer awaited").isFalse();
    }

    @Test
    void noCorrectionInTimeMeansTheApplicationIsAbandoned() {
        ProcessInstance pi = submit("那个事情的材料");
        complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION", "reviewNotes", "请说明所需信息的内容");
        fireOnTime(timer(pi, "CorrectionOverdue"));
        assertThat(pi).hasPassed("MarkAbandoned", "ApplicationAbandoned", "RecordReply", "ArchiveCase")
                .isWaitingAt("AppealWindowGateway");
        ApplicationCase c = caseOf(pi);
        assertThat(c.replyType()).isEqualTo("ABANDONED");
        assertThat(notices.listForCase(c.id())).extracting(n -> n.type()).contains("CORRECTION", "ABANDONED");
    }

    @Test
    void alreadyPublicInformationIsAnsweredWithoutLegalReview() {
        ProcessInstance pi = submit("2025年政府工作报告全文");
        toDecision(pi, "ALREADY_PUBLIC");
        assertThat(pi).hasPassed("SendReply", "RecordReply", "ArchiveCase").hasNotPassed("LegalReview")
                .isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).replyType()).isEqualTo("ALREADY_PUBLIC");
        assertThat(issuedReplyText(caseOf(pi))).contains("第三十六条第一项").contains("获取方式和途径");
    }

    @Test
    void refusalGoesThroughLegalReviewBeforeTheReply() {
        ProcessInstance pi = submit("某企业的环境影响评价报告全文");
        toDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true);
        assertThat(pi).isWaitingAt("LegalReview");
        assertThat(candidateGroup(task(pi, "LegalReview"))).isEqualTo("legal");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.LEGAL_REVIEW);
        assertThat(runtime.getVariable(pi.getId(), "draftNoticeUrl")).isNotNull();
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(issuedReplyText(caseOf(pi))).contains("第三十六条第三项").contains("第十五条")
                .contains("保护第三方合法权益").contains("应当先申请行政复议");
    }

    @Test
    void legalReviewCanReturnTheDraftToTheClerk() {
        ProcessInstance pi = submit("某项目的会议纪要");
        toDecision(pi, "NOT_HELD");
        complete(pi, "LegalReview", "legalOutcome", "RETURNED", "legalComment", "检索范围不完整，请补充检索档案室");
        assertThat(pi).isWaitingAt("DecideReply");
        assertThat(runtime.getVariable(pi.getId(), "legalComment")).isEqualTo("检索范围不完整，请补充检索档案室");
        complete(pi, "DecideReply", "replyType", "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        clearSecrecyIfAsked(pi);
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
        assertThat(caseFiles.events(pi.getBusinessKey()))
                .filteredOn(e -> "legalOutcome".equals(e.field())).extracting(CaseEvent::newValue, CaseEvent::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RETURNED",
                        "法制审核答复意见：检索范围不完整，请补充检索档案室"));
        assertThat(caseFiles.events(pi.getBusinessKey()))
                .filteredOn(e -> "replyType".equals(e.field()) && e.type().equals("TASK_COMPLETED"))
                .extracting(CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "NOT_HELD"),
                        org.assertj.core.groups.Tuple.tuple("NOT_HELD", "DISCLOSED"));
    }

    // ---- appeals: reconsideration and lawsuits (Art. 51) ----

    private ProcessInstance registerAppeal(String caseNo, String kind, LocalDate receivedOn, boolean simplified,
                                           boolean afterReconsideration) {
        identity.setAuthentication("legal", List.of("legal"));
        try {
            Map<String, Object> form = new HashMap<>();
            form.put("caseNo", caseNo);
            form.put("appealKind", kind);
            form.put("appealBody", "RECONSIDERATION".equals(kind) ? "示例市人民政府" : "示例市人民法院");
            form.put("appealReceivedOn", receivedOn.toString());
            form.put("simplified", simplified);
            form.put("afterReconsideration", afterReconsideration);
            return runtime.startProcessInstanceByKey("appeal", form);
        } finally {
            identity.clearAuthentication();
            executeAsyncJobs();
        }
    }

    @Test
    void anOrdinaryReconsiderationIsAnsweredInTenWorkingDaysAndUpheld() {
        ProcessInstance pi = submit("某路段拓宽工程的征收补偿方案");
        toDecision(pi, "DISCLOSED");
        LocalDate copyReceived = caseFiles.today();
        ProcessInstance appeal = registerAppeal(pi.getBusinessKey(), "RECONSIDERATION", copyReceived, false, false);
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");
        Task answer = task(appeal, "PrepareAnswer");
        assertThat(candidateGroup(answer)).isEqualTo("legal");
        LocalDate due = deadlines.calendar().addWorkingDays(copyReceived, 10).due();
        assertThat(answer.getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(due));

        fireOnTime(management.createJobQuery().processInstanceId(appeal.getId()).activityId("AnswerReminder")
                .singleResult());
        assertThat(appeal).hasPassed("RemindLegal", "LegalReminded");
        assertThat(outbox.forCase(caseOf(pi).id())).anyMatch(m -> m.subject().startsWith("【答复期限临近】")
                && m.recipient().equals("legal@demo.invalid"));
        fireOnTime(management.createJobQuery().processInstanceId(appeal.getId()).activityId("AnswerDueDay")
                .singleResult());
        assertThat(appeal).hasPassed("EscalateAppeal", "AppealEscalated");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("deadline-escalation")
                .processInstanceBusinessKey(pi.getBusinessKey()).count()).isEqualTo(1);

        complete(appeal, "PrepareAnswer", "answerNotes", "已提交书面答复及证据");
        assertThat(caseFiles.events(pi.getBusinessKey())).anyMatch(e -> "answerNotes".equals(e.field())
                && "已提交书面答复及证据".equals(e.newValue()));
        complete(appeal, "RecordAppealProgress", "hearingNotes", "复议机关已听取意见", "appealOutcome", "PENDING");
        assertThat(appeal).isWaitingAt("RecordAppealProgress");
        LocalDate decided = due.plusDays(20);
        complete(appeal, "RecordAppealProgress", "hearingNotes", "复议决定维持", "appealOutcome", "UPHELD",
                "decidedOn", decided.toString());
        assertThat(appeal).hasPassed("ConcludeAppeal", "AppealConcluded").isEnded();
        assertThat(pi).hasPassed("ExtendAppealWindow").isWaitingAt("AppealWindowGateway");
        LocalDate lawsuitBy = deadlines.periods().lawsuitAfterReconsideration(decided).due();
        assertThat(StatutoryDeadlines.toLocalDate((Date) runtime.getVariable(pi.getId(), "appealWindowEnds")))
                .isAfterOrEqualTo(lawsuitBy);
    }

    @Test
    void aCorrectionInTheSimplifiedProcedureReopensTheCaseForANewReviewedReply() {
        ProcessInstance pi = submit("某小区2025年维修基金使用明细");
        toDecision(pi, "NOT_HELD");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        ProcessInstance appeal = registerAppeal(pi.getBusinessKey(), "RECONSIDERATION", caseFiles.today(), true, false);
        assertThat(task(appeal, "PrepareAnswer").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(
                deadlines.calendar().addWorkingDays(caseFiles.today(), 5).due()));
        complete(appeal, "PrepareAnswer", "answerNotes", "已提交");
        LocalDate decided = caseFiles.today();
        complete(appeal, "RecordAppealProgress", "hearingNotes", "复议决定责令重新答复", "appealOutcome", "CORRECTED",
                "decidedOn", decided.toString(), "correctionWorkingDays", 15L);
        assertThat(appeal).isEnded();
        assertThat(pi).hasPassed("ReopenCase", "ReopenedGateway").isWaitingAt("SearchInformation");
        ApplicationCase reopened = caseOf(pi);
        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.repliedOn()).isNull();
        assertThat(reopened.dueOn()).isEqualTo(deadlines.calendar().addWorkingDays(decided, 15).due());

        complete(pi, "SearchInformation", "searchNotes", "重新检索档案室，找到维修基金台账");
        completeDecision(pi, "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        assertThat(pi).as("a new reply after a correction goes through legal review").isWaitingAt("LegalReview");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).replyType()).isEqualTo("DISCLOSED");
        assertThat(caseFiles.events(pi.getBusinessKey())).extracting(CaseEvent::type)
                .contains("APPEAL_REGISTERED", "APPEAL_PROGRESS", "REOPENED");
    }

    @Test
    void aDirectLawsuitGetsItsDefenceInFifteenDays() {
        ProcessInstance pi = submit("某企业行政处罚决定书");
        toDecision(pi, "DISCLOSED");
        LocalDate served = caseFiles.today();
        ProcessInstance appeal = registerAppeal(pi.getBusinessKey(), "LAWSUIT", served, false, false);
        assertThat(task(appeal, "PrepareAnswer").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(
                deadlines.periods().courtDefence(served).due()));
        assertThat(runtime.getVariable(appeal.getId(), "appealLabel")).isEqualTo("行政诉讼（未经复议直接起诉）");
        complete(appeal, "PrepareAnswer", "answerNotes", "已提交答辩状");
        complete(appeal, "RecordAppealProgress", "hearingNotes", "原告撤诉", "appealOutcome", "OTHER",
                "decidedOn", served.toString());
        assertThat(pi).hasPassed("ExtendAppealWindow").isWaitingAt("AppealWindowGateway");
    }

    @Test
    void anAppealCannotBeRegisteredBeforeTheReply() {
        ProcessInstance pi = submit("某项目的环评批复");
        assertThatThrownBy(() -> registerAppeal(pi.getBusinessKey(), "RECONSIDERATION", caseFiles.today(), false,
                false)).hasMessageContaining("尚未答复");
    }

    /** Answer submitted, then the outcome recorded (extra: more form fields, e.g. correctionWorkingDays). */
    private void decideAppeal(ProcessInstance appeal, String outcome, LocalDate decidedOn, Object... extra) {
        complete(appeal, "PrepareAnswer", "answerNotes", "已提交书面答复及证据");
        Object[] vars = new Object[6 + extra.length];
        vars[0] = "hearingNotes";
        vars[1] = "已审结";
        vars[2] = "appealOutcome";
        vars[3] = outcome;
        vars[4] = "decidedOn";
        vars[5] = decidedOn.toString();
        System.arraycopy(extra, 0, vars, 6, extra.length);
        complete(appeal, "RecordAppealProgress", vars);
        assertThat(appeal).isEnded();
    }

    private Object openAppeals(ProcessInstance pi) {
        return runtime.getVariable(pi.getId(), "openAppeals");
    }

    /** How often the case's process took AppealReceived / AppealConcluded. */
    private long passes(ProcessInstance pi, String activity) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activity)
                .finished().count();
    }

    private int appealRows(ProcessInstance pi) {
        return jdbc.sql("SELECT COUNT(*) FROM appeal WHERE case_id = ?").param(caseOf(pi).id())
                .query(Integer.class).single();
    }

    @Test
    void aSecondAndThirdAppealOnOneCaseEachReachTheCaseProcessWhichWaitsForAllOfThem() {
        ProcessInstance pi = submit("某街道2025年财政预算执行情况");
        toDecision(pi, "DISCLOSED");
        String caseNo = pi.getBusinessKey();
        LocalDate today = caseFiles.today();
        ProcessInstance first = registerAppeal(caseNo, "RECONSIDERATION", today, false, false);
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");
        assertThat(openAppeals(pi)).isEqualTo(1);
        ProcessInstance second = registerAppeal(caseNo, "LAWSUIT", today, false, false);
        ProcessInstance third = registerAppeal(caseNo, "LAWSUIT", today, false, true);
        assertThat(appealRows(pi)).isEqualTo(3);
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");
        assertThat(openAppeals(pi)).as("the later appeals reached the case's process").isEqualTo(3);
        assertThat(caseFiles.events(caseNo)).extracting(CaseEvent::type)
                .containsSubsequence("APPEAL_REGISTERED", "APPEAL_REGISTERED", "APPEAL_JOINED",
                        "APPEAL_REGISTERED", "APPEAL_JOINED");

        // Decided out of order: each outcome reaches the case, which keeps waiting while others are open.
        decideAppeal(second, "OTHER", today);
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");
        assertThat(openAppeals(pi)).isEqualTo(2);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("AppealWindowExpired")
                .count()).as("no window timer while appeals are open").isZero();

        decideAppeal(first, "UPHELD", today);
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");
        assertThat(openAppeals(pi)).isEqualTo(1);
        assertThat(StatutoryDeadlines.toLocalDate((Date) runtime.getVariable(pi.getId(), "appealWindowEnds")))
                .as("15 days to sue after the reconsideration decision")
                .isAfterOrEqualTo(deadlines.periods().lawsuitAfterReconsideration(today).due());
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("APPEAL_DECIDED")).hasSize(2);

        decideAppeal(third, "UPHELD", today);
        assertThat(pi).hasPassed("ExtendAppealWindow").isWaitingAt("AppealWindowGateway");
        assertThat(passes(pi, "AwaitAppealOutcome")).isEqualTo(1);
        assertThat(openAppeals(pi)).isEqualTo(0);
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.ARCHIVED);
    }

    @Test
    void appealsStillOpenWhenAnotherCorrectsTheReplyAreRecordedAndReachTheCaseAfterTheNewReply() {
        ProcessInstance pi = submit("某小区2025年物业专项维修资金使用明细");
        toDecision(pi, "NOT_HELD");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        String caseNo = pi.getBusinessKey();
        LocalDate today = caseFiles.today();
        ProcessInstance first = registerAppeal(caseNo, "RECONSIDERATION", today, false, false);
        ProcessInstance second = registerAppeal(caseNo, "LAWSUIT", today, false, false);
        ProcessInstance third = registerAppeal(caseNo, "LAWSUIT", today, false, false);

        decideAppeal(first, "CORRECTED", today, "correctionWorkingDays", 15L);
        assertThat(pi).hasPassed("ReopenCase").isWaitingAt("SearchInformation");
        assertThat(openAppeals(pi)).isEqualTo(2);

        // Decided while the case is handled again: recorded, the handling goes on.
        decideAppeal(second, "UPHELD", today);
        assertThat(pi).isWaitingAt("SearchInformation");
        assertThat(openAppeals(pi)).isEqualTo(1);
        assertThat(caseFiles.events(caseNo)).extracting(CaseEvent::type).contains("APPEAL_DECIDED");

        complete(pi, "SearchInformation", "searchNotes", "重新检索，找到维修资金台账");
        completeDecision(pi, "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(pi).isWaitingAt("AppealWindowGateway");

        // Decided after the new reply, the last one open: taken through 是否纠正原答复？ to a fresh window.
        decideAppeal(third, "OTHER", today);
        assertThat(passes(pi, "ExtendAppealWindow")).isEqualTo(1);
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        assertThat(openAppeals(pi)).isEqualTo(0);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("AppealWindowExpired")
                .count()).isEqualTo(1);
    }

    @Test
    void afterANewReplyTheOpenAppealsHoldTheCaseAndALaterCorrectionReopensItAgain() {
        ProcessInstance pi = submit("某区2025年老旧小区改造资金分配方案");
        toDecision(pi, "NOT_HELD");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        String caseNo = pi.getBusinessKey();
        LocalDate today = caseFiles.today();
        ProcessInstance first = registerAppeal(caseNo, "RECONSIDERATION", today, false, false);
        ProcessInstance second = registerAppeal(caseNo, "LAWSUIT", today, false, false);
        ProcessInstance third = registerAppeal(caseNo, "LAWSUIT", today, false, false);
        decideAppeal(first, "CORRECTED", today, "correctionWorkingDays", 15L);
        complete(pi, "SearchInformation", "searchNotes", "重新检索，找到资金分配方案");
        completeDecision(pi, "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(pi).isWaitingAt("AppealWindowGateway");

        // One decided while another is still open: the case goes back to waiting for it.
        decideAppeal(second, "UPHELD", today);
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");
        assertThat(openAppeals(pi)).isEqualTo(1);

        // The last one corrects the reply again: the case is reopened once more.
        decideAppeal(third, "CORRECTED", today, "correctionWorkingDays", 10L);
        assertThat(passes(pi, "ReopenCase")).isEqualTo(2);
        assertThat(pi).isWaitingAt("SearchInformation");
        assertThat(caseOf(pi).dueOn()).isEqualTo(deadlines.calendar().addWorkingDays(today, 10).due());
    }

    @Test
    void anAppealOnAClosedCaseIsRefusedAndNothingIsStored() {
        ProcessInstance pi = submit("某镇2025年农村道路建设项目清单");
        toDecision(pi, "DISCLOSED");
        management.executeJob(timer(pi, "AppealWindowExpired").getId());
        assertThat(pi).isEnded();
        assertThatThrownBy(() -> registerAppeal(pi.getBusinessKey(), "LAWSUIT", caseFiles.today(), false, false))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("caseNo").hasMessageContaining("已结案");
        assertThat(appealRows(pi)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("appeal")
                .processInstanceBusinessKey(pi.getBusinessKey()).count()).isZero();
    }

    @Test
    void appealFormErrorsNameTheirFields() {
        ProcessInstance pi = submit("某街道2025年公共服务设施建设项目清单");
        toDecision(pi, "DISCLOSED");
        identity.setAuthentication("legal", List.of("legal"));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("appeal", Map.of("caseNo", pi.getBusinessKey(),
                    "appealKind", "APPEAL", "appealReceivedOn", "2026-13-45")))
                    .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                    .satisfies(e -> assertThat(((cn.gov.disclosure.common.InvalidInputException)
                            org.assertj.core.util.Throwables.getRootCause(e)).errors())
                            .extracting(cn.gov.disclosure.common.FieldError::field)
                            .containsExactly("appealKind", "appealBody", "appealReceivedOn"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(appealRows(pi)).isZero();
        assertThat(pi).isWaitingAt("AppealWindowGateway");
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
        ProcessInstance pi = runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, form);
        identity.clearAuthentication();
        executeAsyncJobs();

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
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, form))
                .hasMessageContaining("居民身份证号码无效")
                .hasMessageContaining("选择邮寄获取信息时，请填写通信地址");
        assertThat(caseRepository.count()).isEqualTo(cases);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    // ---- the statutory clock: reminders, escalation, extension, pauses ----

    private Job timer(ProcessInstance pi, String activity) {
        Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
        assertThat(job).as("timer " + activity).isNotNull();
        return job;
    }

    /** Moves the engine clock to just before and just after the job's due date, then fires it. */
    private void fireOnTime(Job job) {
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() - 60_000));
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("not yet due").isZero();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("due").isEqualTo(1);
        management.executeJob(job.getId());
        executeAsyncJobs();
    }

    private List<String> reminderSubjects(ApplicationCase c) {
        return outbox.forCase(c.id()).stream().map(m -> m.subject()).filter(sub -> sub.startsWith("【")).toList();
    }

    @Test
    void remindersAndEscalationFireOnTheRightWorkingDays() {
        ProcessInstance pi = submit("2026年度部门预算公开表格");
        ApplicationCase c = caseOf(pi);
        LocalDate due = c.dueOn();
        LocalDate firstDay = deadlines.calendar().workingDaysBefore(due, 5);
        LocalDate secondDay = deadlines.calendar().workingDaysBefore(due, 2);
        assertThat(timer(pi, "FirstReminderDue").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(firstDay));
        assertThat(timer(pi, "SecondReminderDue").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(secondDay));
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(due));
        assertThat(deadlines.calendar().isWorkingDay(firstDay)).isTrue();
        assertThat(deadlines.calendar().isWorkingDay(secondDay)).isTrue();
        Task review = task(pi, "ReviewCompleteness");
        assertThat(review.getFollowUpDate()).isEqualTo(StatutoryDeadlines.atStartOfDay(
                deadlines.calendar().workingDaysBefore(StatutoryDeadlines.toLocalDate(review.getDueDate()), 3)));

        fireOnTime(timer(pi, "FirstReminderDue"));
        assertThat(pi).hasPassed("SendFirstReminder", "FirstReminderSent").isWaitingAt("ReviewCompleteness");
        assertThat(task(pi, "ReviewCompleteness").getPriority()).isEqualTo(DeadlineWatch.PRIORITY_FIRST_REMINDER);
        assertThat(runtime.getVariable(pi.getId(), "deadlineFlag")).isEqualTo("临近答复期限");
        assertThat(outbox.forCase(c.id())).filteredOn(m -> m.subject().startsWith("【临近答复期限】"))
                .extracting(m -> m.recipient()).containsExactly("clerk@demo.invalid");

        fireOnTime(timer(pi, "SecondReminderDue"));
        assertThat(task(pi, "ReviewCompleteness").getPriority()).isEqualTo(DeadlineWatch.PRIORITY_SECOND_REMINDER);
        assertThat(reminderSubjects(c)).hasSize(2);

        fireOnTime(timer(pi, "DeadlineDay"));
        assertThat(pi).hasPassed("EscalateToHead", "Escalated").isWaitingAt("ReviewCompleteness");
        assertThat(clockRepository.isOverdue(c.id())).isTrue();
        ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("deadline-escalation")
                .processInstanceBusinessKey(c.caseNo()).singleResult();
        assertThat(escalation).isWaitingAt("SuperviseOverdueCase");
        Task supervise = task(escalation, "SuperviseOverdueCase");
        assertThat(candidateGroup(supervise)).isEqualTo("head");
        assertThat(runtime.getVariable(escalation.getId(), "openTasks")).isEqualTo("审查申请内容");
        complete(escalation, "SuperviseOverdueCase", "supervisionNotes", "请今日答复");
        assertThat(caseFiles.events(c.caseNo())).anyMatch(e -> "supervisionNotes".equals(e.field())
                && "请今日答复".equals(e.newValue()));
        assertThat(escalation).hasPassed("SupervisionRecorded").isEnded();
        assertThat(caseFiles.events(c.caseNo())).extracting(CaseEvent::type)
                .contains("REMINDER_SENT", "ESCALATED");
    }

    /**
     * Tasklist's shared filters show case number, applicant, period and an item summary on each card: they resolve
     * for a task of every process, in the scopes Tasklist reads card variables from (task, execution, instance).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTaskOfEveryProcessShowsTheCaseOnItsTasklistCard() {
        ProcessInstance consulted = consultThirdParty("示例化工有限公司环境影响报告书全文及其批复文件和竣工验收意见");
        ProcessInstance consultation = consultation(consulted);
        ProcessInstance extended = submit("某区2025年征地补偿安置方案及批复");
        complete(extended, "ReviewCompleteness", "completeness", "COMPLETE");
        ProcessInstance extension = requestExtension(extended.getBusinessKey(), 20L, "涉及档案材料较多，需要调取汇总");
        ProcessInstance appealed = submit("某路段拓宽工程的征收补偿方案");
        toDecision(appealed, "DISCLOSED");
        ProcessInstance appeal = registerAppeal(appealed.getBusinessKey(), "RECONSIDERATION", caseFiles.today(), false,
                false);
        ProcessInstance overdue = submit("2026年度部门预算公开表格");
        fireOnTime(timer(overdue, "DeadlineDay"));
        ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("deadline-escalation")
                .processInstanceBusinessKey(overdue.getBusinessKey()).singleResult();

        org.camunda.bpm.engine.filter.Filter groupFilter = engine.getFilterService().createFilterQuery()
                .filterName("本组待办").singleResult();
        List<String> cardVariables = ((List<Map<String, Object>>) groupFilter.getProperties().get("variables"))
                .stream().map(v -> (String) v.get("name")).toList();
        assertThat(cardVariables).contains("caseNo", "applicantName", "dueOnText", "requestSummary");

        for (ProcessInstance p : List.of(extended, consultation, extension, appeal, escalation)) {
            Task t = tasks.createTaskQuery().processInstanceId(p.getId()).list().get(0);
            identity.setAuthentication("someone", List.of(candidateGroup(t)));
            Map<String, Object> shown = new HashMap<>();
            try {
                assertThat(engine.getFilterService().list(groupFilter.getId(),
                        tasks.createTaskQuery().taskId(t.getId()))).as(t.getTaskDefinitionKey()).hasSize(1);
                // As Tasklist reads them: with the user's own rights.
                runtime.createVariableInstanceQuery()
                        .variableScopeIdIn(t.getId(), t.getExecutionId(), t.getProcessInstanceId())
                        .variableNameIn(cardVariables.toArray(String[]::new)).list()
                        .forEach(v -> shown.putIfAbsent(v.getName(), v.getValue()));
            } finally {
                identity.clearAuthentication();
            }
            assertThat(shown).as(t.getTaskDefinitionKey())
                    .containsEntry("caseNo", p.getBusinessKey())
                    .containsKeys("applicantName", "dueOnText", "requestSummary");
            assertThat((String) shown.get("dueOnText")).as(t.getTaskDefinitionKey()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        // The summary: the request's first thirty characters, marked where cut.
        assertThat(runtime.getVariable(consultation.getId(), "requestSummary"))
                .isEqualTo("示例化工有限公司环境影响报告书全文及其批复文件和竣工验收意见");
        assertThat(CaseCardVariables.summary("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十多余"))
                .isEqualTo("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十…");
    }

    @Test
    void repliedCasesGetNoMoreReminders() {
        ProcessInstance pi = submit("2026年度部门决算公开表格");
        toDecision(pi, "DISCLOSED");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("FirstReminderDue").count())
                .isZero();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("AppealWindowExpired")
                .count()).isEqualTo(1);
    }

    private ProcessInstance requestExtension(String caseNo, Object days, String reason) {
        identity.setAuthentication("clerk", List.of("clerk"));
        try {
            Map<String, Object> form = new HashMap<>();
            form.put("caseNo", caseNo);
            form.put("extensionDays", days);
            form.put("extensionReason", reason);
            return runtime.startProcessInstanceByKey("extension-request", form);
        } finally {
            identity.clearAuthentication();
            executeAsyncJobs();
        }
    }

    @Test
    void anApprovedExtensionMovesTheDueDateTasksAndTimersAndTellsTheApplicant() {
        ProcessInstance pi = submit("某区2025年征地补偿安置方案及批复");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        ApplicationCase before = caseOf(pi);

        ProcessInstance ext = requestExtension(before.caseNo(), 20L, "涉及档案材料较多，需要调取汇总");
        assertThat(ext.getBusinessKey()).isEqualTo(before.caseNo());
        Task approve = task(ext, "ApproveExtension");
        assertThat(candidateGroup(approve)).isEqualTo("head");
        assertThat(approve.getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(before.dueOn()));
        complete(ext, "ApproveExtension", "extensionDecision", "APPROVED", "headComment", "同意");
        assertThat(ext).hasPassed("GrantExtension", "ExtensionGranted").isEnded();

        LocalDate newDue = deadlines.calendar().addWorkingDays(before.receivedOn(), 40).due();
        ApplicationCase after = caseOf(pi);
        assertThat(after.dueOn()).isEqualTo(newDue);
        assertThat(runtime.getVariable(pi.getId(), "dueOn")).isEqualTo(StatutoryDeadlines.endOfDay(newDue));
        assertThat(task(pi, "SearchInformation").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(newDue));
        assertThat(timer(pi, "FirstReminderDue").getDuedate()).isEqualTo(
                StatutoryDeadlines.atOpening(deadlines.calendar().workingDaysBefore(newDue, 5)));
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(newDue));
        assertThat(notices.listForCase(after.id())).extracting(n -> n.type()).contains("EXTENSION");
        assertThat(caseFiles.events(after.caseNo())).filteredOn(e -> e.type().equals("EXTENDED"))
                .extracting(CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(before.dueOn().toString(), newDue.toString()));

        // Art. 33 allows one extension only.
        assertThatThrownBy(() -> requestExtension(before.caseNo(), 5L, "再次延长的理由"))
                .hasMessageContaining("已延长过");
    }

    @Test
    void aRefusedExtensionLeavesTheDueDate() {
        ProcessInstance pi = submit("某街道2025年城市更新项目清单");
        LocalDate due = caseOf(pi).dueOn();
        ProcessInstance ext = requestExtension(pi.getBusinessKey(), 10L, "需要征求相关科室意见");
        complete(ext, "ApproveExtension", "extensionDecision", "REFUSED", "headComment", "期限内可以办结");
        assertThat(ext).hasPassed("RecordExtensionRefused", "ExtensionRefused").isEnded();
        assertThat(caseOf(pi).dueOn()).isEqualTo(due);
        assertThat(caseFiles.events(pi.getBusinessKey())).extracting(CaseEvent::type).contains("EXTENSION_REFUSED");
    }

    @Test
    void anInvalidExtensionRequestStartsNothing() {
        ProcessInstance pi = submit("某水库2025年安全鉴定报告");
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("extension-request").count();
        assertThatThrownBy(() -> requestExtension(pi.getBusinessKey(), 25L, "理由"))
                .hasMessageContaining("1至20个工作日").hasMessageContaining("4至500字");
        assertThatThrownBy(() -> requestExtension("GK-1999-00001", 5L, "需要更多时间检索"))
                .hasMessageContaining("未找到该案件编号");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("extension-request").count())
                .isEqualTo(before);
    }

    @Test
    void aConsultationPausesTheClockAndItsTimersAndResumesWithTheDaysLeft() {
        ProcessInstance pi = submit("某企业排污许可证副本及执行报告");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        ApplicationCase c = caseOf(pi);
        LocalDate from = deadlines.calendar().addWorkingDays(c.receivedOn(), 3).due();
        cn.gov.disclosure.calendar.ReplyClock.Reading paused = clocks.pause(c.caseNo(),
                cn.gov.disclosure.calendar.PauseReason.THIRD_PARTY_CONSULTATION, from, "clerk");
        assertThat(paused.paused()).isTrue();
        assertThat(paused.workingDaysLeftAtPause()).isEqualTo(17);
        assertThat(timer(pi, "FirstReminderDue").getDuedate()).isEqualTo(CaseTimers.PARKED);
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(CaseTimers.PARKED);

        LocalDate answeredOn = deadlines.calendar().addWorkingDays(from, 10).due();
        cn.gov.disclosure.calendar.ReplyClock.Reading resumed = clocks.resume(c.caseNo(), answeredOn, "clerk");
        LocalDate newDue = deadlines.calendar().addWorkingDays(answeredOn, 17).due();
        assertThat(resumed.due()).contains(newDue);
        assertThat(caseOf(pi).dueOn()).isEqualTo(newDue);
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(newDue));
        assertThat(task(pi, "SearchInformation").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(newDue));
        assertThat(caseFiles.events(c.caseNo())).extracting(CaseEvent::type)
                .contains("CLOCK_PAUSED", "CLOCK_RESUMED");
    }

    // ---- the notice checker and the clerk's own review of the draft ----

    @Test
    void anIncompleteRefusalGoesBackToTheClerkWithTheProblems() {
        ProcessInstance pi = submit("某单位内部会议记录");
        decide(pi, "NOT_DISCLOSED");
        assertThat(pi).hasPassed("NoticeIncomplete").isWaitingAt("DecideReply");
        assertThat((String) runtime.getVariable(pi.getId(), "checkerProblems")).contains("须选择不予公开的理由");
        completeDecision(pi, "NOT_DISCLOSED", "withhold_PROCESS_INFORMATION", true);
        assertThat(pi).isWaitingAt("ConfirmReply");
        assertThat(runtime.getVariable(pi.getId(), "checkerProblems")).isNull();
    }

    @Test
    void theClerkCanReviseTheDraftBeforeSubmitting() {
        ProcessInstance pi = submit("某路段2025年交通流量统计数据");
        decide(pi, "NEEDS_CREATION");
        complete(pi, "ConfirmReply", "confirmation", "REVISE");
        assertThat(pi).isWaitingAt("DecideReply");
        completeDecision(pi, "OTHER_AGENCY", "referralAgency", "示例市公安局交通警察支队",
                "referralContact", "0000-7654321");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
        assertThat(issuedReplyText(caseOf(pi))).contains("第三十六条第五项").contains("示例市公安局交通警察支队")
                .contains("0000-7654321");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: decide, confirm, legal review, reply")
    @org.junit.jupiter.params.provider.MethodSource("cn.gov.disclosure.notice.ReplyNoticeTest#legallyReviewedTypes")
    void everyReviewedReplyTypeGoesThroughLegalReviewToTheApplicant(String code) {
        cn.gov.disclosure.notice.ReplyCatalogue.ReplyType type = catalogue.require(code);
        ProcessInstance pi = submit("某项目2025年度的有关文件（" + code + "）");
        List<Object> extra = new java.util.ArrayList<>();
        if (!type.reasonsAllowed().isEmpty()) {
            extra.add("withhold_" + type.reasonsAllowed().get(0));
            extra.add(true);
        }
        if (type.referral()) {
            extra.add("referralAgency");
            extra.add("示例市住房和城乡建设局");
        }
        toDecision(pi, code, extra.toArray());
        assertThat(pi).isWaitingAt("LegalReview");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        clearSecrecyIfAsked(pi);
        assertThat(pi).hasPassed("SendReply", "RecordReply").isWaitingAt("AppealWindowGateway");
        ApplicationCase c = caseOf(pi);
        assertThat(c.replyType()).isEqualTo(code);
        String text = issuedReplyText(c);
        type.articles().forEach(a -> assertThat(text).contains(a.replace("《条例》", "")));
        assertThat(text).contains(type.reconsiderationFirst() ? "应当先申请行政复议" : "六个月内");
    }

    // ---- consultation (Arts. 32, 34) and the confidentiality review (Art. 17) ----

    private ProcessInstance consultation(ProcessInstance pi) {
        ProcessInstance sub = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
        assertThat(sub).as("consultation process").isNotNull();
        return sub;
    }

    private Task consultationTask(ProcessInstance sub, String key, String party) {
        return tasks.createTaskQuery().processInstanceId(sub.getId()).taskDefinitionKey(key).list().stream()
                .filter(t -> party.equals(tasks.getVariable(t.getId(), "consultedParty"))).findFirst().orElseThrow();
    }

    private void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(StatutoryDeadlines.atOpening(day));
    }

    @Test
    void threeAgenciesAtOnceOneAgreesOneObjectsOneIsSilent() {
        ProcessInstance pi = submit("市自然资源局、发改委、住建局联合印发的旧城改造实施方案");
        ApplicationCase c = caseOf(pi);
        LocalDate sentOn = deadlines.calendar().addWorkingDays(c.receivedOn(), 2).due();
        moveClockTo(sentOn);
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "方案由三机关联合印发", "consultAgencies", true,
                "agencyCodes", "zrzy，FGW、ZJ", "consultThirdParty", false, "informationConcerned", "旧城改造实施方案全文");

        assertThat(pi).isWaitingAt("Consult");
        ProcessInstance sub = consultation(pi);
        assertThat(sub.getBusinessKey()).isEqualTo(c.caseNo());
        assertThat(clocks.clock(c.caseNo()).isPaused()).isTrue();
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(CaseTimers.PARKED);
        List<cn.gov.disclosure.consultation.Consultation> asked = consultationRepository.forCase(c.id());
        assertThat(asked).extracting(cn.gov.disclosure.consultation.Consultation::partyCode)
                .containsExactlyInAnyOrder("ZRZY", "FGW", "ZJ");
        LocalDate answerBy = deadlines.periods().consultationAnswerDue(sentOn).due();
        assertThat(asked).allMatch(a -> a.answerBy().equals(answerBy));
        assertThat(outbox.forCase(c.id())).filteredOn(m -> m.subject().startsWith("政府信息公开征求意见函"))
                .extracting(m -> m.recipient())
                .containsExactlyInAnyOrder("gongkai@zrzy.example.cn", "gongkai@fgw.example.cn", "gongkai@zjj.example.cn");
        assertThat(outbox.forCase(c.id())).filteredOn(m -> m.subject().startsWith("政府信息公开征求意见函"))
                .allMatch(m -> m.body().contains("/consultation/"));

        LocalDate answeredOn = deadlines.calendar().addWorkingDays(sentOn, 5).due();
        moveClockTo(answeredOn);
        completeTask(consultationTask(sub, "RecordAgencyAnswer", "示例市自然资源和规划局").getId(),
                Map.of("answerOutcome", "AGREES"));
        completeTask(consultationTask(sub, "RecordAgencyAnswer", "示例市发展和改革委员会").getId(),
                Map.of("answerOutcome", "OBJECTS", "answerOpinion", "方案中的投资测算尚未定稿"));
        // Each answer is stored with its consultation (parallel branches share no variable); the overview
        // comes from there, and the calling process gets it when the stage ends.
        assertThat(consultationService.status(c.id()))
                .contains("示例市自然资源和规划局：同意公开").contains("示例市发展和改革委员会：不同意公开")
                .contains("示例市住房和城乡建设局：尚未答复");

        // The third agency stays silent: at the end of its 15th working day its silence counts as consent.
        Job silence = management.createJobQuery().processInstanceId(sub.getId()).activityId("AgencyAnswerOverdue")
                .singleResult();
        assertThat(silence.getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(answerBy));
        fireOnTime(silence);
        assertThat(sub).hasPassed("RecordAgencySilence", "AgencySilent", "ConsultationJoin", "ResumeReplyClock").isEnded();
        assertThat(consultationRepository.forCase(c.id()))
                .extracting(cn.gov.disclosure.consultation.Consultation::outcome)
                .containsExactlyInAnyOrder(cn.gov.disclosure.consultation.ConsultationOutcome.AGREES,
                        cn.gov.disclosure.consultation.ConsultationOutcome.OBJECTS,
                        cn.gov.disclosure.consultation.ConsultationOutcome.SILENT_CONSENT);

        // The reply clock stood still from the day after the letters went out to the day the period ended.
        LocalDate resumedOn = StatutoryDeadlines.toLocalDate(ClockUtil.getCurrentTime());
        LocalDate expected = cn.gov.disclosure.calendar.ReplyClock.receivedOn(c.receivedOn())
                .pausedFrom(sentOn, cn.gov.disclosure.calendar.PauseReason.AGENCY_CONSULTATION)
                .resumedOn(resumedOn).evaluate(deadlines.calendar()).due().orElseThrow();
        assertThat(caseOf(pi).dueOn()).isEqualTo(expected).isAfter(c.dueOn());
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(expected));
        assertThat(pi).isWaitingAt("DecideReply");
        assertThat((String) runtime.getVariable(pi.getId(), "consultationStatus")).contains("逾期未答复，视为同意");
    }

    private ProcessInstance consultThirdParty(String description) {
        ProcessInstance pi = submit(description);
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "报告由企业提交", "consultThirdParty", true,
                "thirdPartyName", "示例化工有限公司", "thirdPartyEmail", "office@chem.example.cn",
                "informationConcerned", "企业提交的环境影响报告书中的生产工艺参数");
        return pi;
    }

    @Test
    void aThirdPartyObjectionStandsUnlessTheHeadOverridesIt() {
        ProcessInstance pi = consultThirdParty("示例化工有限公司环境影响报告书全文");
        ProcessInstance sub = consultation(pi);
        assertThat(clocks.clock(pi.getBusinessKey()).pauses()).last()
                .extracting(p -> p.reason()).isEqualTo(cn.gov.disclosure.calendar.PauseReason.THIRD_PARTY_CONSULTATION);
        completeTask(task(sub, "RecordThirdPartyAnswer").getId(),
                Map.of("answerOutcome", "OBJECTS", "answerOpinion", "工艺参数属于商业秘密"));
        Task decide = task(sub, "DecidePublicInterest");
        assertThat(candidateGroup(decide)).isEqualTo("head");
        completeTask(decide.getId(), Map.of("publicInterestDecision", "UPHOLD"));
        assertThat(sub).hasPassed("ObjectionUpheld").isEnded();
        assertThat(runtime.getVariable(pi.getId(), "thirdPartyObjectionUpheld")).isEqualTo(true);

        // Disclosing in full is refused; withholding on the third party's behalf goes through.
        completeDecision(pi, "DISCLOSED");
        assertThat(pi).hasPassed("NoticeIncomplete").isWaitingAt("DecideReply");
        assertThat((String) runtime.getVariable(pi.getId(), "checkerProblems")).contains("第三十二条");
        completeDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true);
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
    }

    @Test
    void theHeadMayDiscloseInThePublicInterestAndTellsTheThirdParty() {
        ProcessInstance pi = consultThirdParty("示例化工有限公司污染物排放监测数据");
        ProcessInstance sub = consultation(pi);
        completeTask(task(sub, "RecordThirdPartyAnswer").getId(),
                Map.of("answerOutcome", "OBJECTS", "answerOpinion", "监测数据涉及生产经营"));
        completeTask(task(sub, "DecidePublicInterest").getId(), Map.of("publicInterestDecision", "OVERRIDE",
                "publicInterestReason", "排放数据关系周边居民健康，不公开会对公共利益造成重大影响"));
        assertThat(sub).hasPassed("NotifyThirdPartyOfOverride", "OverrideNotified").isEnded();
        ApplicationCase c = caseOf(pi);
        assertThat(outbox.forCase(c.id())).anyMatch(m -> m.recipient().equals("office@chem.example.cn")
                && m.subject().startsWith("政府信息公开决定告知书"));
        assertThat(runtime.getVariable(pi.getId(), "thirdPartyObjectionUpheld")).isEqualTo(false);
        completeDecision(pi, "DISCLOSED");
        assertThat(pi).isWaitingAt("ConfirmReply");
    }

    @Test
    void aSilentThirdPartyLeavesTheDecisionToTheOffice() {
        ProcessInstance pi = consultThirdParty("示例化工有限公司安全生产许可证");
        ProcessInstance sub = consultation(pi);
        fireOnTime(management.createJobQuery().processInstanceId(sub.getId()).activityId("ThirdPartyAnswerOverdue")
                .singleResult());
        assertThat(sub).hasPassed("RecordThirdPartySilence", "ThirdPartySilent").isEnded();
        assertThat(consultationRepository.forCase(caseOf(pi).id())).extracting(
                cn.gov.disclosure.consultation.Consultation::outcome)
                .containsExactly(cn.gov.disclosure.consultation.ConsultationOutcome.SILENT);
        assertThat(pi).isWaitingAt("DecideReply");
        assertThat(clocks.clock(pi.getBusinessKey()).isPaused()).isFalse();
    }

    @Test
    void aThirdPartyThatAgreesEndsTheConsultation() {
        ProcessInstance pi = consultThirdParty("示例化工有限公司排污许可证");
        ProcessInstance sub = consultation(pi);
        completeTask(task(sub, "RecordThirdPartyAnswer").getId(), Map.of("answerOutcome", "AGREES"));
        assertThat(sub).hasPassed("NoObjection").isEnded();
        assertThat(pi).isWaitingAt("DecideReply");
    }

    @Test
    void anUnknownAgencyInThePlanIsRefused() {
        ProcessInstance pi = submit("某联合发文");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        assertThatThrownBy(() -> complete(pi, "SearchInformation", "searchNotes", "联合发文", "consultAgencies", true,
                "agencyCodes", "NOPE", "informationConcerned", "发文全文"))
                .hasMessageContaining("不在机关名录中");
        assertThat(pi).isWaitingAt("SearchInformation");
    }

    @Test
    void theSecrecyReviewerCanSendADisclosureBack() {
        ProcessInstance pi = submit("某基础设施项目的施工图纸");
        decide(pi, "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        Task review = task(pi, "SecrecyReview");
        assertThat(candidateGroup(review)).isEqualTo("secrecy");
        complete(pi, "SecrecyReview", "secrecyOutcome", "SENT_BACK",
                "secrecyComment", "图纸涉及重要设施布局，属于国家秘密");
        assertThat(pi).isWaitingAt("DecideReply").hasNotPassed("SendReply");
        assertThat(caseFiles.events(pi.getBusinessKey())).filteredOn(e -> "secrecyOutcome".equals(e.field()))
                .extracting(CaseEvent::newValue).containsExactly("SENT_BACK");
        completeDecision(pi, "NOT_DISCLOSED", "withhold_STATE_SECRET", true);
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
    }

    /** Art. 17: a reviewer who cannot tell refers the question; the reply waits for the department's answer. */
    @Test
    void aDoubtfulDisclosureIsReferredAndTheReplyWaitsForTheDetermination() {
        ProcessInstance pi = submit("某水利工程的设计图纸");
        decide(pi, "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        assertThatThrownBy(() -> complete(pi, "SecrecyReview", "secrecyOutcome", "REFERRED"))
                .hasMessageContaining("请填写报请确定的部门");
        complete(pi, "SecrecyReview", "secrecyOutcome", "REFERRED", "secrecyReferralBody", "示例市国家保密局",
                "secrecyComment", "图纸是否涉及重要设施布局，本机关不能确定");

        Task determination = task(pi, "AwaitSecrecyDetermination");
        assertThat(candidateGroup(determination)).isEqualTo("secrecy");
        assertThat(pi).hasNotPassed("SendReply");
        assertThat(notices.listForCase(caseOf(pi).id())).extracting(n -> n.type()).doesNotContain("REPLY");
        assertThat(caseFiles.events(pi.getBusinessKey())).filteredOn(e -> "SECRECY_REFERRED".equals(e.type()))
                .singleElement().satisfies(e -> {
                    assertThat(e.newValue()).isEqualTo("示例市国家保密局");
                    assertThat(e.note()).contains("报示例市国家保密局确定").contains("本机关不能确定");
                });

        assertThatThrownBy(() -> complete(pi, "AwaitSecrecyDetermination", "secrecyOutcome", "REFERRED"))
                .hasMessageContaining("请选择主管部门的确定结果");
        complete(pi, "AwaitSecrecyDetermination", "secrecyOutcome", "CLEARED",
                "secrecyComment", "示保函〔2026〕3号：不属于国家秘密，可以公开");
        assertThat(pi).hasPassed("DeterminationGateway", "SendReply").isWaitingAt("AppealWindowGateway");
        assertThat(caseFiles.events(pi.getBusinessKey())).filteredOn(e -> "SECRECY_DETERMINED".equals(e.type()))
                .singleElement().satisfies(e -> {
                    assertThat(e.newValue()).isEqualTo("CLEARED");
                    assertThat(e.note()).contains("示例市国家保密局确定：可以公开").contains("示保函〔2026〕3号");
                });
    }

    @Test
    void aDeterminationThatTheInformationIsSecretSendsTheReplyBack() {
        ProcessInstance pi = submit("某指挥中心的建设方案");
        decide(pi, "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "SecrecyReview", "secrecyOutcome", "REFERRED", "secrecyReferralBody", "示例省国家保密局");
        complete(pi, "AwaitSecrecyDetermination", "secrecyOutcome", "SENT_BACK",
                "secrecyComment", "示保函〔2026〕5号：方案属于国家秘密");
        assertThat(pi).isWaitingAt("DecideReply").hasNotPassed("SendReply");
    }

    /**
     * 部分公开 with a record: the draft is refused until the record carries a cut; the Art. 17 reviewer sees the set;
     * a cut added after the approval sends the case back to 保密审查 before anything goes out; the reply then
     * releases the approved copy.
     */
    @Test
    void aPartialDisclosureGoesOutOnlyWithItsCutsAndTheApprovedReleaseSet() throws Exception {
        ProcessInstance pi = submit("某项目立项批复及征收补偿协议");
        String caseNo = pi.getBusinessKey();
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到相关文件");
        var file = records.upload(caseNo, 1, List.of(new cn.gov.disclosure.records.RecordsService.Upload("补偿协议.pdf",
                cn.gov.disclosure.records.RedactionTest.original())), false, "clerk").get(0);
        completeDecision(pi, "PARTIALLY_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true);
        assertThat(pi).hasPassed("NoticeIncomplete").isWaitingAt("DecideReply");
        assertThat((String) runtime.getVariable(pi.getId(), "checkerProblems")).contains("第 1 项");

        records.cutText(file.id(), cn.gov.disclosure.records.RedactionTest.SECRET, "THIRD_PARTY_RIGHTS", "clerk");
        completeDecision(pi, "PARTIALLY_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true);
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).isWaitingAt("SecrecyReview");
        assertThat((String) runtime.getVariable(pi.getId(), "releaseSetList")).contains("补偿协议.pdf").contains("SHA-256");

        // Cleared; then, before the reply goes out, the set changes.
        tasks.complete(task(pi, "SecrecyReview").getId(), Map.of("secrecyOutcome", "CLEARED"));
        records.addCut(file.id(), 2, 60, 80, 300, 30, "THIRD_PARTY_RIGHTS", "clerk");
        executeAsyncJobs();
        assertThat(pi).hasPassed("ReleaseSetNotApproved").isWaitingAt("SecrecyReview");
        assertThat((String) runtime.getVariable(pi.getId(), "releaseProblems")).contains("重新保密审查");
        assertThat(notices.listForCase(caseOf(pi).id())).noneMatch(n -> n.type().equals("REPLY"));

        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
        var released = records.releasedCopies(caseNo);
        assertThat(released).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("补偿协议.pdf"));
        assertThat(cn.gov.disclosure.records.RedactionTest.text(released.get(0).bytes()))
                .doesNotContain(cn.gov.disclosure.records.RedactionTest.SECRET);
        assertThat(issuedReplyText(caseOf(pi)).replaceAll("\\s+", "")).contains("补偿协议.pdf")
                .contains(released.get(0).sha256().substring(0, 12));
    }
}
