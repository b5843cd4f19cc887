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
    @Autowired cn.gov.disclosure.calendar.ReceiptPresumption presumption;

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
        if ("NOT_HELD".equals(replyType)) {
            // 本机关不掌握 goes out only with its search record (issue 13).
            Object[] search = {"searchPlaces", "本机关公文管理系统、档案室", "searchKeywords", "道路拓宽 立项批复",
                    "searchedOn", caseFiles.today().toString(), "searchedBy", "clerk"};
            Object[] more = new Object[extra.length + search.length];
            System.arraycopy(extra, 0, more, 0, extra.length);
            System.arraycopy(search, 0, more, extra.length, search.length);
            extra = more;
        }
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
        // Art. 30: "without good reason" is for a person to decide, not the timer.
        assertThat(pi).isWaitingAt("DecideAbandonment").hasNotPassed("MarkAbandoned");
        assertThat(candidateGroup(task(pi, "DecideAbandonment"))).isEqualTo("clerk");
        assertThatThrownBy(() -> complete(pi, "DecideAbandonment", "abandonmentDecision", "ACCEPT_LATE"))
                .hasMessageContaining("lateCorrectionReason").hasMessageContaining("正当理由");
        complete(pi, "DecideAbandonment", "abandonmentDecision", "ABANDON");
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
        toDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true,
                "thirdPartyNotConsultedReason", "该企业已注销，无法联系");
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

    /** Legal review reads the case's history (issue 16, item 4), taken afresh at each review. */
    @Test
    void legalReviewShowsTheCaseHistoryUpToTheReview() {
        ProcessInstance pi = submit("某项目的专家评审意见");
        toDecision(pi, "NOT_HELD");
        assertThat(pi).isWaitingAt("LegalReview");
        String first = (String) runtime.getVariable(pi.getId(), "caseHistory");
        // One line per event, oldest first: when, who, what, old → new, the note.
        assertThat(first.lines().findFirst().orElseThrow()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}  .+  登记申请.*");
        assertThat(first).contains("办理状态：已收到，正在审查申请内容 → 办理中")
                .contains("环节结论：（空） → 申请内容明确，予以办理（审查申请内容）")
                .contains("办理状态：办理中 → 答复书法制审核中").doesNotContain("STATUS_CHANGED")
                .contains("环节结论：（空） → 本机关不掌握相关政府信息（拟定答复意见）");
        assertThat(first.lines().count()).isEqualTo(caseFiles.events(pi.getBusinessKey()).size());

        complete(pi, "LegalReview", "legalOutcome", "RETURNED", "legalComment", "请补充检索档案室");
        complete(pi, "DecideReply", "replyType", "NOT_HELD");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        assertThat(pi).isWaitingAt("LegalReview");
        // The second review sees the first one's return and what the clerk did since.
        assertThat((String) runtime.getVariable(pi.getId(), "caseHistory")).startsWith(first)
                .contains("环节结论：（空） → 退回修改（法制审核答复意见：请补充检索档案室）");
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
        assertThat(pi).hasPassed("CountOpenAppeals").isWaitingAt("AppealWindowGateway");
        assertThat(openAppeals(pi)).isEqualTo(1);
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
        assertThat(pi).hasPassed("ApplyAppealOutcome", "ExtendAppealWindow", "AppealOutcomeRecorded")
                .isWaitingAt("AppealWindowGateway");
        assertThat(openAppeals(pi)).isEqualTo(0);
        LocalDate lawsuitBy = deadlines.periods().lawsuitAfterReconsideration(decided).due();
        assertThat(StatutoryDeadlines.toLocalDate((Date) runtime.getVariable(pi.getId(), "appealWindowEnds")))
                .isAfterOrEqualTo(lawsuitBy);
    }

    @Test
    void aCorrectionInTheSimplifiedProcedureReopensTheCaseForANewReviewedReply() {
        ProcessInstance pi = submit("某小区2025年维修基金使用明细");
        toDecision(pi, "NOT_HELD");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        LocalDate firstReply = caseOf(pi).repliedOn();
        ProcessInstance appeal = registerAppeal(pi.getBusinessKey(), "RECONSIDERATION", caseFiles.today(), true, false);
        assertThat(task(appeal, "PrepareAnswer").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(
                deadlines.calendar().addWorkingDays(caseFiles.today(), 5).due()));
        complete(appeal, "PrepareAnswer", "answerNotes", "已提交");
        LocalDate decided = caseFiles.today();
        complete(appeal, "RecordAppealProgress", "hearingNotes", "复议决定责令重新答复", "appealOutcome", "CORRECTED",
                "decidedOn", decided.toString(), "correctionWorkingDays", 15L);
        assertThat(appeal).isEnded();
        assertThat(pi).hasPassed("RequestReopening", "ReopeningRequested", "ReopenRequested", "ReopenCase",
                "ReopenedGateway").isWaitingAt("SearchInformation");
        ApplicationCase reopened = caseOf(pi);
        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.repliedOn()).isNull();
        assertThat(reopened.dueOn()).isEqualTo(deadlines.calendar().addWorkingDays(decided, 15).due());
        // The original reply stays in the case's history and on the appeal that reopened the case.
        assertThat(caseFiles.events(pi.getBusinessKey())).anyMatch(e -> e.type().equals("REPLY_SUPERSEDED")
                && "NOT_HELD".equals(e.oldValue()));
        assertThat(jdbc.sql("SELECT superseded_reply_type FROM appeal WHERE case_id = ? AND reopened_at IS NOT NULL")
                .param(reopened.id()).query(String.class).single()).isEqualTo("NOT_HELD");
        assertThat(jdbc.sql("SELECT superseded_replied_on FROM appeal WHERE case_id = ?").param(reopened.id())
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(firstReply);

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

    /**
     * Art. 51 with 行政复议法 Art. 11: failing to reply in time (不作为) can itself be challenged, while the case is
     * still open; a decision ordering a reply sets the case's due date, and the handling goes on.
     */
    @Test
    void art51_anAppealAgainstTheFailureToReplyInTimeIsRegisteredOnAnOpenCase() {
        ProcessInstance pi = submit("某项目的环评批复");
        String caseNo = pi.getBusinessKey();
        ClockUtil.setCurrentTime(StatutoryDeadlines.endOfDay(caseOf(pi).dueOn().plusDays(3)));
        ProcessInstance appeal = registerAppeal(caseNo, "RECONSIDERATION", caseFiles.today(), false, false);
        assertThat(pi).hasPassed("CountOpenAppeals").isWaitingAt("ReviewCompleteness");
        assertThat(openAppeals(pi)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT ground FROM appeal WHERE case_id = ?").param(caseOf(pi).id())
                .query(String.class).single()).isEqualTo("FAILURE_TO_REPLY");

        LocalDate decided = caseFiles.today();
        decideAppeal(appeal, "CORRECTED", decided, "correctionWorkingDays", 10L);
        assertThat(pi).hasPassed("RequestReopening").hasNotPassed("ReopenCase").isWaitingAt("ReviewCompleteness");
        LocalDate ordered = deadlines.calendar().addWorkingDays(decided, 10).due();
        assertThat(caseOf(pi).dueOn()).isEqualTo(ordered);
        assertThat(StatutoryDeadlines.toLocalDate((Date) runtime.getVariable(pi.getId(), "dueOn"))).isEqualTo(ordered);
        assertThat(caseFiles.events(caseNo)).anyMatch(e -> e.type().equals("REPLY_ORDERED")
                && ordered.toString().equals(e.newValue()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appeal WHERE case_id = ? AND reopened_at IS NOT NULL")
                .param(caseOf(pi).id()).query(Integer.class).single()).isEqualTo(1);

        toDecision(pi, "DISCLOSED");
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).replyType()).isEqualTo("DISCLOSED");
    }

    /** Art. 51 with Art. 32: a third party may challenge a disclosure; the appellant is recorded and named. */
    @Test
    void art51_aThirdPartyAppealIsRegisteredWithItsAppellant() {
        ProcessInstance pi = submit("某企业排污许可执行报告");
        toDecision(pi, "DISCLOSED");
        identity.setAuthentication("legal", List.of("legal"));
        try {
            Map<String, Object> form = new HashMap<>();
            form.put("caseNo", pi.getBusinessKey());
            form.put("appealKind", "LAWSUIT");
            form.put("appealBody", "示例市人民法院");
            form.put("appealReceivedOn", caseFiles.today().toString());
            form.put("appellantType", "THIRD_PARTY");
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("appeal", form))
                    .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                    .hasMessageContaining("appellantName");
            form.put("appellantName", "示例化工有限公司");
            runtime.startProcessInstanceByKey("appeal", form);
        } finally {
            identity.clearAuthentication();
            executeAsyncJobs();
        }
        assertThat(jdbc.sql("SELECT appellant_type || '/' || appellant_name || '/' || ground FROM appeal "
                + "WHERE case_id = ?").param(caseOf(pi).id()).query(String.class).single())
                .isEqualTo("THIRD_PARTY/示例化工有限公司/AGAINST_DISCLOSURE");
        assertThat(caseFiles.events(pi.getBusinessKey())).anyMatch(e -> e.type().equals("APPEAL_REGISTERED")
                && e.note().contains("示例化工有限公司"));
        assertThat(openAppeals(pi)).isEqualTo(1);
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

    /**
     * Art. 51: several appeals on one case each reach the case's process (none is lost); after the window the
     * case waits until all are decided, and a decision's 15 days to sue keep it open.
     */
    @Test
    void art51_aSecondAndThirdAppealOnOneCaseEachReachTheCaseProcessWhichWaitsForAllOfThem() {
        ProcessInstance pi = submit("某街道2025年财政预算执行情况");
        toDecision(pi, "DISCLOSED");
        String caseNo = pi.getBusinessKey();
        LocalDate today = caseFiles.today();
        ProcessInstance first = registerAppeal(caseNo, "RECONSIDERATION", today, false, false);
        ProcessInstance second = registerAppeal(caseNo, "LAWSUIT", today, false, false);
        ProcessInstance third = registerAppeal(caseNo, "LAWSUIT", today, false, true);
        assertThat(appealRows(pi)).isEqualTo(3);
        assertThat(passes(pi, "CountOpenAppeals")).isEqualTo(3);
        assertThat(openAppeals(pi)).as("every appeal reached the case's process").isEqualTo(3);
        assertThat(caseFiles.events(caseNo)).extracting(CaseEvent::type)
                .containsSubsequence("APPEAL_REGISTERED", "APPEAL_JOINED", "APPEAL_REGISTERED", "APPEAL_JOINED",
                        "APPEAL_REGISTERED", "APPEAL_JOINED");
        decideAppeal(second, "OTHER", today);
        assertThat(openAppeals(pi)).isEqualTo(2);

        // The window ends while two are undecided: the case waits for them.
        fireOnTime(timer(pi, "AppealWindowExpired"));
        assertThat(pi).hasPassed("OpenAppealsGateway").isWaitingAt("AwaitAppealOutcome");
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.ARCHIVED);

        LocalDate decidedLate = caseFiles.today();
        decideAppeal(first, "UPHELD", decidedLate);
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");
        assertThat(openAppeals(pi)).isEqualTo(1);
        LocalDate lawsuitBy = deadlines.periods().lawsuitAfterReconsideration(decidedLate).due();
        assertThat(StatutoryDeadlines.toLocalDate((Date) runtime.getVariable(pi.getId(), "appealWindowEnds")))
                .as("15 days to sue after the reconsideration decision").isEqualTo(lawsuitBy);
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("APPEAL_DECIDED")).hasSize(2);

        decideAppeal(third, "UPHELD", decidedLate);
        assertThat(openAppeals(pi)).isEqualTo(0);
        assertThat(pi).as("the last decision releases the case to the (extended) window")
                .isWaitingAt("AppealWindowGateway");
        assertThat(timer(pi, "AppealWindowExpired").getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(lawsuitBy));
        fireOnTime(timer(pi, "AppealWindowExpired"));
        assertThat(pi).hasPassed("CloseCase").isEnded();
    }

    /** 行政诉讼法 Art. 45: a decision just before the window ends keeps the case open for the 15 days to sue. */
    @Test
    void art45_aDecisionLateInTheWindowExtendsIt() {
        ProcessInstance pi = submit("某区2025年河道整治工程验收报告");
        toDecision(pi, "DISCLOSED");
        Job window = timer(pi, "AppealWindowExpired");
        LocalDate windowEnds = StatutoryDeadlines.toLocalDate(window.getDuedate());
        ProcessInstance appeal = registerAppeal(pi.getBusinessKey(), "RECONSIDERATION", caseFiles.today(), false,
                false);
        LocalDate decided = windowEnds.minusDays(3);
        decideAppeal(appeal, "UPHELD", decided);
        fireOnTime(window);
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        assertThat(passes(pi, "AppealWindowOpen")).as("back to the window after the timer").isEqualTo(2);
        Job extended = timer(pi, "AppealWindowExpired");
        assertThat(StatutoryDeadlines.toLocalDate(extended.getDuedate()))
                .isEqualTo(deadlines.periods().lawsuitAfterReconsideration(decided).due());
        fireOnTime(extended);
        assertThat(pi).hasPassed("CloseCase").isEnded();
    }

    @Test
    void art51_aCorrectionWhileTheCaseWaitsForOtherAppealsReopensItAndTheOthersStillCount() {
        ProcessInstance pi = submit("某小区2025年物业专项维修资金使用明细");
        toDecision(pi, "NOT_HELD");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        String caseNo = pi.getBusinessKey();
        LocalDate today = caseFiles.today();
        ProcessInstance first = registerAppeal(caseNo, "RECONSIDERATION", today, false, false);
        ProcessInstance second = registerAppeal(caseNo, "LAWSUIT", today, false, false);
        fireOnTime(timer(pi, "AppealWindowExpired"));
        assertThat(pi).isWaitingAt("AwaitAppealOutcome");

        decideAppeal(first, "CORRECTED", caseFiles.today(), "correctionWorkingDays", 15L);
        assertThat(pi).hasPassed("ReopenCase").isWaitingAt("SearchInformation");
        assertThat(openAppeals(pi)).isEqualTo(1);

        // Decided while the case is handled again: recorded, the handling goes on.
        decideAppeal(second, "UPHELD", caseFiles.today());
        assertThat(pi).isWaitingAt("SearchInformation");
        assertThat(openAppeals(pi)).isEqualTo(0);
        complete(pi, "SearchInformation", "searchNotes", "重新检索，找到维修资金台账");
        completeDecision(pi, "DISCLOSED");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        complete(pi, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        assertThat(passes(pi, "ReopenCase")).isEqualTo(1);
    }

    // ---- information processing fee (Art. 42, 国办函〔2020〕109号) ----

    /** A resident identity number with its GB 11643 check digit, one per test applicant. */
    private static String residentId(int serial) {
        String base = String.format("11010519800101%03d", serial);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    private ProcessInstance submitAs(String idNumber, String description, String feeWaiverReason) {
        var s = TestApplications.online(description);
        var a = s.applicant();
        var submission = new cn.gov.disclosure.intake.ApplicationSubmission(s.channel(), s.receivedOn(),
                new cn.gov.disclosure.intake.ApplicationSubmission.Applicant(a.type(), "王五", a.idType(), idNumber,
                        a.contactPerson(), a.phone(), a.email(), a.address(), a.postalCode()),
                new cn.gov.disclosure.intake.ApplicationSubmission.Request(description, null,
                        s.request().form(), s.request().delivery(), feeWaiverReason), null);
        String caseNo = intake.submit(submission, "applicant", false).caseNo();
        executeAsyncJobs();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey(DisclosureVars.PROCESS_KEY).singleResult();
    }

    private ProcessInstance feeProcess(ProcessInstance pi) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("fee")
                .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    }

    private String feeNoticeText(ApplicationCase c) {
        long id = notices.listForCase(c.id()).stream().filter(n -> n.type().equals("FEE")).findFirst()
                .orElseThrow().id();
        return cn.gov.disclosure.notice.NoticeChecker.textOf(notices.pdf(c.id(), id).orElseThrow());
    }

    /** Art. 42: a fee by volume — notice with basis, method, rate, amount and how to pay; the clock stands still until payment. */
    @Test
    void art42_aFeeByVolumeIsNoticedStopsTheClockAndThePaymentRegisteredByStaffResumesIt() {
        ProcessInstance pi = submitAs(residentId(1), "本机关2025年全部会议纪要", null);
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        assertThatThrownBy(() -> complete(pi, "SearchInformation", "searchNotes", "共150页", "feeMethod",
                "BY_VOLUME")).hasMessageContaining("feePages");
        complete(pi, "SearchInformation", "searchNotes", "共150页", "feeMethod", "BY_VOLUME", "feePages", 150L);
        ProcessInstance fee = feeProcess(pi);
        assertThat(fee).hasPassed("IssueFeeNotice").isWaitingAt("RecordFeePayment");
        assertThat(pi).isWaitingAt("ChargeFee");
        ApplicationCase c = caseOf(pi);
        assertThat(feeNoticeText(c)).contains("按量计收").contains("150页").contains("1700")
                .contains("每页10元").contains("缴费方式").contains("二十个工作日");
        assertThat(clocks.clock(c.caseNo()).isPaused()).as("no reply period runs while the fee is unpaid").isTrue();
        Task pay = task(fee, "RecordFeePayment");
        assertThat(pay.getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(
                deadlines.periods().feePayment(caseFiles.today()).due()));
        complete(fee, "RecordFeePayment", "feePaidOn", caseFiles.today().toString(), "feePaymentReference", "NO.0001");
        assertThat(fee).hasPassed("FeePaid").isEnded();
        assertThat(pi).hasPassed("FeeOutcomeGateway", "FeeDone").isWaitingAt("DecideReply");
        assertThat(clocks.clock(c.caseNo()).isPaused()).isFalse();
        assertThat(caseFiles.events(c.caseNo())).extracting(CaseEvent::type)
                .containsSubsequence("FEE_ASSESSED", "FEE_NOTICE_RECEIVED", "CLOCK_PAUSED", "FEE_PAID", "CLOCK_RESUMED");
    }

    /**
     * Art. 42, 国办函〔2020〕109号: the eleventh application of the month costs 100 yuan; the head refuses the waiver
     * with reasons that the notice states; unpaid after 20 working days, the application is no longer processed.
     */
    @Test
    void art42_perApplicationWithTheWaiverRefusedAndUnpaidTheApplicationIsNoLongerProcessed() {
        String id = residentId(2);
        for (int i = 1; i <= 10; i++) {
            submitAs(id, "本单位2025年第" + i + "批次采购合同", null);
        }
        ProcessInstance pi = submitAs(id, "本单位2025年第11批次采购合同", "本人系低保户，无力负担");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索", "feeMethod", "PER_APPLICATION");
        ProcessInstance fee = feeProcess(pi);
        Task decide = task(fee, "DecideFeeWaiver");
        assertThat(candidateGroup(decide)).isEqualTo("head");
        assertThatThrownBy(() -> complete(fee, "DecideFeeWaiver", "feeWaiverDecision", "REFUSE"))
                .hasMessageContaining("feeWaiverReasons");
        complete(fee, "DecideFeeWaiver", "feeWaiverDecision", "REFUSE", "feeWaiverReasons", "未提供低保证明材料");
        ApplicationCase c = caseOf(pi);
        assertThat(feeNoticeText(c)).contains("按件计收").contains("第11件").contains("100")
                .contains("不予减免").contains("未提供低保证明材料");

        fireOnTime(timer(fee, "FeePaymentOverdue"));
        assertThat(fee).hasPassed("MarkFeeNotPaid", "FeeNotPaid").isEnded();
        assertThat(pi).hasPassed("ApplicationNotProcessed", "RecordReply", "ArchiveCase")
                .isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).replyType()).isEqualTo("FEE_NOT_PAID");
        assertThat(issuedReplyText(caseOf(pi))).contains("第四十二条").contains("不再处理");
    }

    /** 国办函〔2020〕109号: a waiver granted by the head means no fee notice; the handling goes on. */
    @Test
    void art42_aWaiverGrantedByTheHeadMeansNoFeeNotice() {
        ProcessInstance pi = submitAs(residentId(3), "本机关2025年全部会议纪要", "用于学术研究");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "共60页", "feeMethod", "BY_VOLUME", "feePages", 60L);
        ProcessInstance fee = feeProcess(pi);
        complete(fee, "DecideFeeWaiver", "feeWaiverDecision", "WAIVE", "feeWaiverReasons", "用于公益学术研究，予以减免");
        assertThat(fee).hasPassed("FeeWaived").isEnded();
        assertThat(pi).isWaitingAt("DecideReply");
        assertThat(notices.listForCase(caseOf(pi).id())).noneMatch(n -> n.type().equals("FEE"));
    }

    // ---- 当场答复 (Art. 33(1)) ----

    private Map<String, Object> counterForm(String channel) {
        Map<String, Object> form = new HashMap<>();
        form.put("channel", channel);
        form.put("receivedOn", LocalDate.now().toString());
        form.put("applicantType", "NATURAL_PERSON");
        form.put("applicantName", "赵六");
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", residentId(4));
        form.put("address", "临沂市兰山区某街道2号");
        form.put("description", "本街道2025年民生实事项目清单");
        form.put("form", "PAPER");
        form.put("delivery", "PICKUP");
        form.put("repliedOnSpot", true);
        form.put("onSpotReplyType", "ALREADY_PUBLIC");
        form.put("onSpotReply", "已告知申请人：该清单已在本机关门户网站“政府信息公开—重点领域”栏目公开，并当场演示查阅方法。");
        return form;
    }

    /**
     * Issue 17: a burst's clerks' tasks must not wait behind the acknowledgments' PDF rendering. The continuation after
     * 登记申请 is not exclusive (Camunda runs a new exclusive job of the same instance right after an exclusive one,
     * in the same thread, whatever its priority) and has the highest priority; the acknowledgment's job stays
     * exclusive (never beside another job of its case) with the lowest; the engine takes jobs by priority.
     */
    @Test
    void theIntakeContinuationGoesBeforeOtherJobsAndTheAcknowledgmentAfterThem() {
        String caseNo = intake.submit(TestApplications.online("某项目的立项批复"), "applicant", false).caseNo();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
        org.camunda.bpm.engine.impl.persistence.entity.JobEntity continuation =
                (org.camunda.bpm.engine.impl.persistence.entity.JobEntity) management.createJobQuery()
                        .processInstanceId(pi.getId()).activityId(AsyncJobs.INTAKE_STEP).singleResult();
        assertThat(continuation.isExclusive()).as("continuation exclusive").isFalse();
        assertThat(AsyncJobs.continueIntake(management, runtime, caseNo)).isEqualTo(1);
        assertThat(task(pi, "ReviewCompleteness")).isNotNull();
        org.camunda.bpm.engine.impl.persistence.entity.JobEntity acknowledgment =
                (org.camunda.bpm.engine.impl.persistence.entity.JobEntity) management.createJobQuery()
                        .processInstanceId(pi.getId()).activityId("IssueAcknowledgment").singleResult();
        assertThat(acknowledgment.isExclusive()).as("acknowledgment exclusive").isTrue();
        assertThat(continuation.getPriority()).isGreaterThan(0);
        assertThat(acknowledgment.getPriority()).isLessThan(0);
        assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).isJobExecutorAcquireByPriority()).isTrue();
        executeAsyncJobs();
        assertThat(pi).hasPassed("IssueAcknowledgment", "AcknowledgmentIssued").isWaitingAt("ReviewCompleteness");
    }

    /** Art. 33(1): a reply given on the spot at the counter is recorded with the receipt as the case's reply. */
    @Test
    void art33_aReplyGivenOnTheSpotAtTheCounterIsRecordedAsTheCasesReply() {
        identity.setAuthentication("clerk", java.util.List.of("clerk"));
        ProcessInstance pi;
        try {
            pi = runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, counterForm("IN_PERSON"));
        } finally {
            identity.clearAuthentication();
        }
        executeAsyncJobs();
        assertThat(pi).hasPassed("IssueAcknowledgment", "RecordOnTheSpotReply", "RepliedOnTheSpot", "RecordReply",
                "ArchiveCase").hasNotPassed("ReviewCompleteness").isWaitingAt("AppealWindowGateway");
        ApplicationCase c = caseOf(pi);
        assertThat(c.replyType()).isEqualTo("ALREADY_PUBLIC");
        assertThat(c.repliedOn()).isEqualTo(c.receivedOn());
        assertThat(c.status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(caseFiles.events(c.caseNo())).anyMatch(e -> e.type().equals("REPLIED_ON_THE_SPOT")
                && e.newValue().contains("门户网站") && e.actor().equals("clerk"));
        assertThat(notices.listForCase(c.id())).extracting(n -> n.type()).contains("ACKNOWLEDGMENT");
    }

    /**
     * Art. 33(1): the acknowledgment of an application answered at the counter states that reply, dated the day of
     * receipt, and promises no reply within twenty working days (Art. 33(2)).
     */
    @Test
    void art33_1_theAcknowledgmentOfAnOnTheSpotReplyStatesItAndPromisesNoReplyPeriod() {
        identity.setAuthentication("clerk", java.util.List.of("clerk"));
        ProcessInstance pi;
        try {
            pi = runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, counterForm("IN_PERSON"));
        } finally {
            identity.clearAuthentication();
        }
        executeAsyncJobs();
        ApplicationCase c = caseOf(pi);
        String ack = noticeText(c, "ACKNOWLEDGMENT");
        assertThat(ack).contains("受理回执").contains("第三十三条第一款").contains("当场")
                .contains(cn.gov.disclosure.notice.NoticeService.chineseDate(c.receivedOn()))
                .contains("已主动公开").contains("门户网站")
                .doesNotContain("二十个工作日内").doesNotContain("第三十三条第二款")
                .doesNotContain(cn.gov.disclosure.notice.NoticeService.chineseDate(c.dueOn()));
    }

    /** Art. 33(1): only an application handed in at the counter can be answered there; nothing is stored otherwise. */
    @Test
    void art33_anOnTheSpotReplyOnALetterIsRefusedAndNothingIsStored() {
        long cases = caseRepository.count();
        Map<String, Object> form = counterForm("LETTER");
        form.put("onSpotReply", " ");
        identity.setAuthentication("clerk", java.util.List.of("clerk"));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, form))
                    .hasMessageContaining("repliedOnSpot").hasMessageContaining("onSpotReply");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(caseRepository.count()).isEqualTo(cases);
    }

    /**
     * Art. 36(6): a repeat application is found among the applicant's earlier answered ones, linked by the clerk,
     * and the reply names the earlier case.
     */
    @Test
    void art36_6_aRepeatApplicationIsLinkedToTheEarlierCaseWhichTheReplyNames() {
        String id = residentId(5);
        ProcessInstance first = submitAs(id, "2025年某路段道路拓宽工程的立项批复文件", null);
        toDecision(first, "DISCLOSED");
        String earlier = first.getBusinessKey();
        submitAs(id, "本街道2025年老旧小区改造项目清单", null);

        ProcessInstance pi = submitAs(id, "2025年某路段道路拓宽工程立项批复文件", null);
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "与此前申请相同");
        String offered = (String) runtime.getVariable(pi.getId(), "repeatCandidatesText");
        assertThat(offered).contains(earlier).doesNotContain("老旧小区");
        assertThatThrownBy(() -> completeDecision(pi, "REPEAT")).hasMessageContaining("earlierCaseNo");
        completeDecision(pi, "REPEAT", "earlierCaseNo", earlier);
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        ApplicationCase c = caseOf(pi);
        assertThat(c.replyType()).isEqualTo("REPEAT");
        assertThat(jdbc.sql("SELECT e.case_no FROM repeat_link l JOIN application_case e ON e.id = l.earlier_case_id "
                + "WHERE l.case_id = ?").param(c.id()).query(String.class).single()).isEqualTo(earlier);
        assertThat(issuedReplyText(c)).contains("第三十六条第六项").contains(earlier);
    }

    private String ownRecordsRow(ProcessInstance pi) {
        return jdbc.sql("SELECT outcome || '/' || COALESCE(corrected_content, '') || '/' || COALESCE(competent_agency, '')"
                + " || '/' || COALESCE(refusal_reasons, '') FROM own_record_correction WHERE case_id = ?")
                .param(caseOf(pi).id()).query(String.class).single();
    }

    /**
     * Art. 41: a request to correct records about oneself has its own route — marked at 审查申请内容, verified and
     * corrected at 核实并更正信息 (clerk, the case's 20-working-day clock), then the reply citing Art. 41 after legal
     * review; no search, no 拟定答复意见.
     */
    @Test
    void art41_aRequestToCorrectRecordsAboutOneselfIsVerifiedAndCorrectedOnItsOwnRoute() {
        ProcessInstance pi = submit("请更正本人2024年社会保险缴费记录中错误的缴费基数（附单位工资表）");
        String caseNo = pi.getBusinessKey();
        complete(pi, "ReviewCompleteness", "completeness", "CORRECTION_OF_OWN_RECORDS");
        assertThat(pi).hasPassed("CompletenessGateway").isWaitingAt("VerifyOwnRecords");
        Task verify = task(pi, "VerifyOwnRecords");
        assertThat(candidateGroup(verify)).isEqualTo("clerk");
        assertThat(verify.getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(caseOf(pi).dueOn()));
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("REQUEST_KIND_CHANGED"))
                .extracting(CaseEvent::field, CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requestKind", "DISCLOSURE",
                        "CORRECTION_OF_OWN_RECORDS"));

        assertThatThrownBy(() -> complete(pi, "VerifyOwnRecords", "ownRecordsOutcome", "CORRECTED"))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .satisfies(e -> assertThat(((cn.gov.disclosure.common.InvalidInputException)
                        org.assertj.core.util.Throwables.getRootCause(e)).errors())
                        .extracting(cn.gov.disclosure.common.FieldError::field)
                        .containsExactly("verificationNotes", "correctedContent"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM own_record_correction WHERE case_id = ? AND outcome IS NOT NULL")
                .param(caseOf(pi).id()).query(Integer.class).single()).as("nothing half-stored").isZero();

        complete(pi, "VerifyOwnRecords", "ownRecordsOutcome", "CORRECTED",
                "verificationNotes", "申请人提供的单位工资表显示2024年月工资为5000元，与本机关记录的缴费基数3000元不符。",
                "correctedContent", "2024年缴费基数由3000元更正为5000元");
        assertThat(pi).hasPassed("VerifyOwnRecords", "PrepareReplyDraft").hasNotPassed("SearchInformation", "DecideReply")
                .isWaitingAt("ConfirmReply");
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("OWN_RECORDS_VERIFIED"))
                .extracting(CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "CORRECTED"));
        assertThat(ownRecordsRow(pi)).isEqualTo("CORRECTED/2024年缴费基数由3000元更正为5000元//");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        assertThat(pi).as("a correction of records is reviewed by legal").isWaitingAt("LegalReview");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).replyType()).isEqualTo("RECORD_CORRECTION");
        assertThat(catalogue.require("RECORD_CORRECTION").annualReportRow()).as("counted under 其他处理—其他")
                .isEqualTo("OTHER_OTHER");
        assertThat(issuedReplyText(caseOf(pi)).replaceAll("\\s+", "")).contains("第四十一条")
                .contains("更正为5000元").contains("工资表").doesNotContain("第三十六条");
    }

    /** Art. 41: an agency without the authority to correct transfers the request and tells the applicant whereto. */
    @Test
    void art41_aRecordTheAgencyMayNotCorrectIsTransferredToTheCompetentAgency() {
        ProcessInstance pi = submit("请更正本人不动产登记簿中错误的身份证号码");
        complete(pi, "ReviewCompleteness", "completeness", "CORRECTION_OF_OWN_RECORDS");
        assertThatThrownBy(() -> complete(pi, "VerifyOwnRecords", "ownRecordsOutcome", "TRANSFERRED",
                "verificationNotes", "不动产登记簿由不动产登记机构制作和保存。"))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("competentAgency");
        complete(pi, "VerifyOwnRecords", "ownRecordsOutcome", "TRANSFERRED",
                "verificationNotes", "不动产登记簿由不动产登记机构制作和保存，不属于本机关更正职权。",
                "competentAgency", "示例市不动产登记中心", "correctedContent", "不应保存");
        assertThat(ownRecordsRow(pi)).as("only what the outcome needs is kept")
                .isEqualTo("TRANSFERRED//示例市不动产登记中心/");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(issuedReplyText(caseOf(pi)).replaceAll("\\s+", "")).contains("第四十一条")
                .contains("转送").contains("示例市不动产登记中心");
    }

    /** Art. 41: an unfounded request is refused with reasons, on the same notice. */
    @Test
    void art41_anUnfoundedRequestIsRefusedWithReasons() {
        ProcessInstance pi = submit("请更正本人档案中的出生日期");
        complete(pi, "ReviewCompleteness", "completeness", "CORRECTION_OF_OWN_RECORDS");
        complete(pi, "VerifyOwnRecords", "ownRecordsOutcome", "REFUSED",
                "verificationNotes", "申请人未提供证明出生日期记录不准确的证据，本机关记录与户籍登记一致。",
                "refusalReasons", "本机关记录与公安机关户籍登记一致，申请人未提供相反证据");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(caseFiles.events(pi.getBusinessKey())).anyMatch(e -> e.type().equals("OWN_RECORDS_VERIFIED")
                && "REFUSED".equals(e.newValue()));
        assertThat(issuedReplyText(caseOf(pi)).replaceAll("\\s+", "")).contains("第四十一条").contains("不予更正")
                .contains("户籍登记一致");
    }

    /** A case answered, archived and closed after its appeal window. */
    private ProcessInstance closedCase(String description, String replyType) {
        ProcessInstance pi = submit(description);
        toDecision(pi, replyType);
        if (tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("LegalReview").count() == 1) {
            complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        }
        fireOnTime(timer(pi, "AppealWindowExpired"));
        assertThat(pi).isEnded();
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CLOSED);
        return pi;
    }

    /** The case's process now running (a new one after a closed case was reopened), or null. */
    private ProcessInstance caseProcess(String caseNo) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DisclosureVars.PROCESS_KEY)
                .processInstanceBusinessKey(caseNo).singleResult();
    }

    /**
     * Art. 51 with 行政诉讼法 Arts. 46, 48 (行政复议法 Art. 20): a court may accept a lawsuit after the case was
     * closed (the period runs from when the plaintiff knew). It is registered with its own clock — the defence due
     * in 15 days — and the case records it; a decision that orders nothing new leaves the case closed.
     */
    @Test
    void art51_aLateLawsuitOnAClosedCaseIsRegisteredWithItsOwnClock() {
        ProcessInstance pi = closedCase("某镇2025年农村道路建设项目清单", "DISCLOSED");
        String caseNo = pi.getBusinessKey();
        LocalDate served = caseFiles.today();
        ProcessInstance appeal = registerAppeal(caseNo, "LAWSUIT", served, false, false);
        assertThat(appealRows(pi)).isEqualTo(1);
        assertThat(task(appeal, "PrepareAnswer").getDueDate())
                .isEqualTo(StatutoryDeadlines.endOfDay(deadlines.periods().courtDefence(served).due()));
        assertThat(jdbc.sql("SELECT ground FROM appeal WHERE case_id = ?").param(caseOf(pi).id())
                .query(String.class).single()).isEqualTo("AGAINST_REPLY");
        assertThat(caseFiles.events(caseNo)).anyMatch(e -> e.type().equals("APPEAL_REGISTERED")
                && e.note().contains("已结案"));
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("APPEAL_ON_CLOSED_CASE"))
                .extracting(CaseEvent::field, CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("openAppeals", "0", "1"));
        assertThat(caseOf(pi).status()).as("the appeal runs on its own; the case stays closed")
                .isEqualTo(CaseStatus.CLOSED);
        assertThat(caseProcess(caseNo)).isNull();

        decideAppeal(appeal, "UPHELD", caseFiles.today());
        assertThat(caseProcess(caseNo)).as("an upholding decision opens nothing").isNull();
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFiles.events(caseNo)).anyMatch(e -> e.type().equals("APPEAL_DECIDED")
                && "UPHELD".equals(e.newValue()));
        assertThat(jdbc.sql("SELECT outcome FROM appeal WHERE case_id = ?").param(caseOf(pi).id())
                .query(String.class).single()).isEqualTo("UPHELD");
    }

    /**
     * Art. 51 (行政复议法 Art. 20): a late reconsideration of a closed case whose decision orders a new reply
     * (撤销、责令重新答复) starts the case's handling again at 重新办理案件, straight to the search; the original
     * reply stays in the case history, and the new reply goes through legal review and a new appeal window.
     */
    @Test
    void art51_aCorrectingDecisionOnAClosedCaseReopensItsHandling() {
        ProcessInstance pi = closedCase("某小区2024年维修基金使用明细", "NOT_HELD");
        String caseNo = pi.getBusinessKey();
        ApplicationCase closed = caseOf(pi);
        LocalDate firstReply = closed.repliedOn();
        ProcessInstance appeal = registerAppeal(caseNo, "RECONSIDERATION", caseFiles.today(), false, false);
        LocalDate decided = caseFiles.today();
        decideAppeal(appeal, "CORRECTED", decided, "correctionWorkingDays", 15L);

        ProcessInstance reopened = caseProcess(caseNo);
        assertThat(reopened).as("a new handling of the closed case").isNotNull();
        assertThat(reopened.getId()).isNotEqualTo(pi.getId());
        assertThat(reopened).hasPassed("ClosedCaseReopened", "ReopenCase", "ReopenedGateway")
                .hasNotPassed("RegisterApplication", "ReviewCompleteness").isWaitingAt("SearchInformation");
        ApplicationCase c = caseOf(pi);
        LocalDate newDue = deadlines.calendar().addWorkingDays(decided, 15).due();
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.repliedOn()).isNull();
        assertThat(c.dueOn()).isEqualTo(newDue);
        assertThat(task(reopened, "SearchInformation").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(newDue));
        List<CaseEvent> events = caseFiles.events(caseNo);
        assertThat(events).anyMatch(e -> e.type().equals("APPEAL_DECIDED") && "CORRECTED".equals(e.newValue()));
        assertThat(events).anyMatch(e -> e.type().equals("REPLY_SUPERSEDED") && "NOT_HELD".equals(e.oldValue()));
        assertThat(events).anyMatch(e -> e.type().equals("STATUS_CHANGED") && "CLOSED".equals(e.oldValue())
                && "IN_PROGRESS".equals(e.newValue()));
        assertThat(events).anyMatch(e -> e.type().equals("REOPENED")
                && closed.dueOn().toString().equals(e.oldValue()) && newDue.toString().equals(e.newValue()));
        // The original reply stays: its notice, and on the appeal that reopened the case.
        assertThat(notices.listForCase(c.id())).anyMatch(n -> n.type().equals("REPLY"));
        assertThat(jdbc.sql("SELECT superseded_reply_type || '/' || superseded_replied_on FROM appeal "
                + "WHERE case_id = ? AND reopened_at IS NOT NULL").param(c.id()).query(String.class).single())
                .isEqualTo("NOT_HELD/" + firstReply);

        complete(reopened, "SearchInformation", "searchNotes", "重新检索档案室，找到维修基金台账");
        completeDecision(reopened, "DISCLOSED");
        complete(reopened, "ConfirmReply", "confirmation", "SUBMIT");
        assertThat(reopened).as("the new reply goes through legal review").isWaitingAt("LegalReview");
        complete(reopened, "LegalReview", "legalOutcome", "APPROVED");
        complete(reopened, "SecrecyReview", "secrecyOutcome", "CLEARED");
        assertThat(reopened).isWaitingAt("AppealWindowGateway");
        assertThat(caseOf(pi).replyType()).isEqualTo("DISCLOSED");
        assertThat(notices.listForCase(c.id())).filteredOn(n -> n.type().equals("REPLY")).hasSize(2);
    }

    /**
     * Art. 51: two appeals on the same closed case — neither is lost. Both are stored with their own processes;
     * the first decision reopens the case, the second reaches the new handling as an ordinary decision and the
     * case waits for it before it closes again.
     */
    @Test
    void art51_aSecondAppealOnTheSameClosedCaseIsNotLost() {
        ProcessInstance pi = closedCase("某街道2024年财政预算执行情况", "DISCLOSED");
        String caseNo = pi.getBusinessKey();
        LocalDate today = caseFiles.today();
        ProcessInstance first = registerAppeal(caseNo, "RECONSIDERATION", today, false, false);
        ProcessInstance second = registerAppeal(caseNo, "LAWSUIT", today, false, false);
        assertThat(appealRows(pi)).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("appeal")
                .processInstanceBusinessKey(caseNo).count()).isEqualTo(2);
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("APPEAL_ON_CLOSED_CASE"))
                .extracting(CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0", "1"),
                        org.assertj.core.groups.Tuple.tuple("1", "2"));

        decideAppeal(first, "CORRECTED", today, "correctionWorkingDays", 10L);
        ProcessInstance reopened = caseProcess(caseNo);
        assertThat(reopened).isWaitingAt("SearchInformation");
        assertThat(openAppeals(reopened)).as("the second appeal still counts").isEqualTo(1);

        decideAppeal(second, "UPHELD", today);
        assertThat(passes(reopened, "ApplyAppealOutcome")).as("the second decision reached the new handling")
                .isEqualTo(1);
        assertThat(openAppeals(reopened)).isEqualTo(0);
        assertThat(reopened).isWaitingAt("SearchInformation");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DisclosureVars.PROCESS_KEY)
                .processInstanceBusinessKey(caseNo).count()).as("one handling, not two").isEqualTo(1);

        complete(reopened, "SearchInformation", "searchNotes", "重新检索，找到预算执行报告");
        completeDecision(reopened, "DISCLOSED");
        complete(reopened, "ConfirmReply", "confirmation", "SUBMIT");
        complete(reopened, "LegalReview", "legalOutcome", "APPROVED");
        clearSecrecyIfAsked(reopened);
        assertThat(reopened).isWaitingAt("AppealWindowGateway");
        fireOnTime(timer(reopened, "AppealWindowExpired"));
        assertThat(reopened).hasPassed("CloseCase").isEnded();
        assertThat(caseOf(pi).status()).isEqualTo(CaseStatus.CLOSED);
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
        // Faults of the entry itself are refused even for staff: a date of receipt in the future, no applicant type.
        form.put("channel", "FAX");
        form.put("receivedOn", LocalDate.now().plusDays(2).toString());
        form.put("applicantName", "王五");
        form.put("description", "某文件");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, form))
                .hasMessageContaining("收到日期不能晚于今天")
                .hasMessageContaining("请选择申请人类型");
        assertThat(caseRepository.count()).isEqualTo(cases);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    /** 不拒收 (Art. 30): a defective letter is registered and the correction notice comes first. */
    @Test
    void aDefectiveLetterIsRegisteredAndTheCorrectionNoticeComesFirst() {
        identity.setAuthentication("clerk", java.util.List.of("clerk"));
        LocalDate received = LocalDate.now(cn.gov.disclosure.calendar.CalendarConfiguration.CHINA).minusDays(1);
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "LETTER");
        form.put("receivedOn", received.toString());
        form.put("applicantType", "NATURAL_PERSON");
        form.put("applicantName", "赵六");
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", "1101051949");           // only part of it legible
        form.put("address", "临沂市罗庄区某村5号");
        form.put("delivery", "EMAIL");                // asked for e-mail, gave none; no description at all
        ProcessInstance pi = runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, form);
        identity.clearAuthentication();
        executeAsyncJobs();

        assertThat(pi).hasPassed("SendCorrectionNotice").hasNotPassed("ReviewCompleteness")
                .isWaitingAt("AwaitCorrection");
        ApplicationCase c = caseOf(pi);
        assertThat(c.status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);
        // The letter's defects are the notice's items: a list on the case (event) and in the process.
        String items = (String) runtime.getVariable(pi.getId(), "missingItems");
        assertThat(items.lines()).anyMatch(l -> l.contains("居民身份证号码无效"))
                .anyMatch(l -> l.contains("所需政府信息的名称"))
                .anyMatch(l -> l.contains("选择电子邮件获取信息时，请填写电子邮箱"))
                .anyMatch(l -> l.contains("提供形式"));
        assertThat(caseFiles.events(c.caseNo())).filteredOn(e -> "MISSING_ITEMS".equals(e.type()))
                .extracting(CaseEvent::newValue).containsExactly(items);
        assertThat((String) runtime.getVariable(pi.getId(), "reviewNotes")).startsWith("1. ").contains("\n2. ");
        // No e-mail: the notice goes by post to the address given, recorded with the applicant's choice.
        assertThat(c.delivery()).isEqualTo(cn.gov.disclosure.casefile.Delivery.POST);
        assertThat(caseFiles.events(c.caseNo())).anyMatch(e -> "DELIVERY_CHANGED".equals(e.type())
                && "EMAIL".equals(e.oldValue()) && "POST".equals(e.newValue()));
        assertThat(c.email()).isNull();
        assertThat(notices.listForCase(c.id())).extracting(n -> n.type()).contains("CORRECTION");
        assertThat(outbox.forCase(c.id())).isEmpty();
        // Art. 30: told within seven working days of receipt; the clerk's task shows what was asked for.
        Date noticeBy = StatutoryDeadlines.endOfDay(deadlines.correctionNoticeDue(received).due());
        assertThat(new Date()).isBefore(noticeBy);
        Task waiting = task(pi, "AwaitCorrection");
        assertThat(candidateGroup(waiting)).isEqualTo("clerk");

        // The letter with the missing content arrives: reviewed afresh, never asked a second time.
        complete(pi, "AwaitCorrection", "correctedDescription", "本镇2025年土地征收补偿安置方案",
                "correctionReceivedOn", LocalDate.now(cn.gov.disclosure.calendar.CalendarConfiguration.CHINA).toString());
        assertThat(pi).isWaitingAt("ReviewCompleteness");
        assertThat(caseOf(pi).description()).isEqualTo("本镇2025年土地征收补偿安置方案");
        assertThatThrownBy(() -> complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION",
                "reviewNotes", "请再补充身份证明")).hasMessageContaining("一次性告知");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        assertThat(pi).isWaitingAt("SearchInformation");
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

    /**
     * Issue 16: the checker refuses the clerk's submit itself, so Tasklist shows what to fix in the same form; the
     * task stays open and nothing of the refused completion is kept (no item decision, no event, no draft).
     */
    @Test
    void aRefusalTheCheckerFindsKeepsTheDecisionTaskOpenAndStoresNothing() {
        ProcessInstance pi = submit("某单位内部会议记录");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到相关文件");
        Task open = task(pi, "DecideReply");
        int eventsBefore = caseFiles.events(pi.getBusinessKey()).size();

        assertThatThrownBy(() -> completeDecision(pi, "NOT_DISCLOSED"))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("checkerProblems").hasMessageContaining("须选择不予公开的理由");
        assertThat(task(pi, "DecideReply").getId()).isEqualTo(open.getId());
        assertThat(pi).hasNotPassed("PrepareReplyDraft");
        assertThat(caseFiles.events(pi.getBusinessKey())).hasSize(eventsBefore);
        assertThat(items.open(pi.getBusinessKey())).singleElement().extracting(i -> i.decision()).isNull();
        assertThat(notices.listForCase(caseOf(pi).id())).noneMatch(n -> n.type().equals("REPLY"));
        assertThat(runtime.getVariable(pi.getId(), "replyType")).isNull();

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
        if ("REPEAT".equals(code)) {
            // Art. 36(6): a repeat names the applicant's earlier answered application.
            ProcessInstance earlier = submit("某项目2025年度的有关文件（首次申请）");
            toDecision(earlier, "DISCLOSED");
            extra.add("earlierCaseNo");
            extra.add(earlier.getBusinessKey());
        }
        if ("PARTIALLY_DISCLOSED".equals(code)) {
            // No file uploaded here: a partial reply then needs the clerk's reason (records/, issue 13).
            records.explainNoFiles(pi.getBusinessKey(), 1, "信息仅有纸质件，以遮盖后的纸质复印件提供", "clerk");
        }
        if ("EXCESSIVE".equals(code)) {
            // Art. 35: only after reasons were asked for and the clerk decided not to process.
            askForReasonsAndRefuse(pi);
            completeDecision(pi, code, extra.toArray());
            complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        } else {
            toDecision(pi, code, extra.toArray());
        }
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

    // ---- several items (issue 13) ----

    @Autowired cn.gov.disclosure.items.CaseItems items;
    @Autowired cn.gov.disclosure.portal.CaseViews views;

    private void decideItem(String caseNo, int no, String type, List<String> reasons, String details) {
        items.decide(caseNo, no, new cn.gov.disclosure.items.ItemDecision(type, reasons,
                "经检索和审查，依据所引条款对本项作出答复。", details, null, null, "clerk", null), "clerk");
    }

    @Test
    void severalItemsAreDecidedOneByOneReviewedTogetherAndAnsweredInOneNotice() {
        String caseNo = intake.submit(TestApplications.onlineItems("2025年某路段道路拓宽工程的立项批复文件",
                "该工程2024年的环境影响评价批复", "该工程征收补偿安置方案的内部讨论记录"), "applicant", false).caseNo();
        executeAsyncJobs();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(runtime.getVariable(pi.getId(), "requestSummary").toString()).startsWith("共3项：");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索公文系统和档案室");
        assertThat(runtime.getVariable(pi.getId(), "itemCount")).isEqualTo(3);
        assertThat(runtime.getVariable(pi.getId(), "itemsUrl")).isEqualTo("/staff/cases/" + caseNo + "/items");

        decideItem(caseNo, 1, "DISCLOSED", List.of(), "立项批复文件电子版一份");
        decideItem(caseNo, 2, "NOT_HELD", List.of(), null);
        decideItem(caseNo, 3, "NOT_DISCLOSED", List.of("PROCESS_INFORMATION"), null);
        // 本机关不掌握 without its search record does not go out: refused on the submit, naming the item.
        assertThatThrownBy(() -> complete(pi, "DecideReply")).hasMessageContaining("第2项").hasMessageContaining("检索记录");
        assertThat(pi).isWaitingAt("DecideReply");

        items.recordSearch(caseNo, 2, new cn.gov.disclosure.items.SearchRecord("本机关公文管理系统、档案室，询问规划科",
                "环境影响评价 批复", caseFiles.today(), "clerk"), "clerk");
        complete(pi, "DecideReply");
        assertThat(pi).isWaitingAt("ConfirmReply");
        // The case-level type follows from the items: something provided, something not → 部分公开.
        assertThat(runtime.getVariable(pi.getId(), "replyType")).isEqualTo("PARTIALLY_DISCLOSED");
        assertThat(runtime.getVariable(pi.getId(), "itemDecisions").toString()).contains("第1项").contains("第2项")
                .contains("第3项").contains("予以公开").contains("属于四类过程性信息").contains("检索情况");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        clearSecrecyIfAsked(pi);
        assertThat(pi).hasPassed("SendReply", "RecordReply").isWaitingAt("AppealWindowGateway");

        ApplicationCase c = caseOf(pi);
        assertThat(c.replyType()).isEqualTo("PARTIALLY_DISCLOSED");
        assertThat(notices.listForCase(c.id()).stream().filter(n -> n.type().equals("REPLY")).count()).isEqualTo(1);
        String text = issuedReplyText(c);
        long replyId = notices.listForCase(c.id()).stream().filter(n -> n.type().equals("REPLY")).findFirst()
                .orElseThrow().id();
        try {
            // Kept for a person to look at (target/screenshots), like the browser tests' screenshots.
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "items-reply-notice.pdf"),
                    notices.pdf(c.id(), replyId).orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(text).contains("第1项：2025年某路段道路拓宽工程的立项批复文件").contains("第2项：").contains("第3项：")
                .contains("第三十六条第二项").contains("第三十六条第四项").contains("第三十六条第三项")
                .contains("第十六条第二款").contains("立项批复文件电子版一份")
                .contains("检索情况").contains("本机关公文管理系统、档案室").contains("应当先申请行政复议");
        // The applicant sees each item's outcome now that the reply is sent.
        assertThat(views.of(c).items()).extracting(cn.gov.disclosure.portal.CaseViews.ItemView::outcome)
                .containsExactly("DISCLOSED", "NOT_HELD", "NOT_DISCLOSED");
        assertThat(caseFiles.events(caseNo)).extracting(CaseEvent::type).contains("ITEMS_RECEIVED", "ITEM_DECIDED",
                "SEARCH_RECORDED");
    }

    /**
     * The second check, when the draft is rendered: an item changed on the items page after the clerk's submit passed
     * and before the rendering job ran goes back to the clerk with the problems shown in the form.
     */
    @Test
    void aDecisionChangedAfterTheSubmitIsCaughtWhenTheDraftIsRendered() {
        String caseNo = intake.submit(TestApplications.onlineItems("2025年某路段道路拓宽工程的立项批复文件",
                "该工程征收补偿安置方案的内部讨论记录"), "applicant", false).caseNo();
        executeAsyncJobs();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索公文系统和档案室");
        decideItem(caseNo, 1, "DISCLOSED", List.of(), "立项批复文件电子版一份");
        decideItem(caseNo, 2, "NOT_DISCLOSED", List.of("PROCESS_INFORMATION"), null);
        tasks.complete(task(pi, "DecideReply").getId());
        // Before 生成并核验答复书草稿 runs, item 2 loses its ground on the items page.
        decideItem(caseNo, 2, "NOT_DISCLOSED", List.of(), null);
        executeAsyncJobs();
        assertThat(pi).hasPassed("NoticeIncomplete").isWaitingAt("DecideReply");
        assertThat((String) runtime.getVariable(pi.getId(), "checkerProblems")).contains("第2项");
    }

    @Test
    void aSingleNotHeldItemNeedsItsSearchRecordAndTheNoticeSaysWhatWasSearched() {
        ProcessInstance pi = submit("2019年某次会议的会议纪要");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "未检索到");
        assertThatThrownBy(() -> complete(pi, "DecideReply", "replyType", "NOT_HELD", "reasoning",
                "经检索本机关公文系统和档案，未找到该会议纪要。")).hasMessageContaining("第1项").hasMessageContaining("检索记录");
        assertThat(pi).isWaitingAt("DecideReply");
        assertThat(notices.listForCase(caseOf(pi).id())).noneMatch(n -> n.type().equals("REPLY"));

        completeDecision(pi, "NOT_HELD");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).hasPassed("SendReply");
        assertThat(issuedReplyText(caseOf(pi))).contains("检索情况").contains("本机关公文管理系统、档案室")
                .doesNotContain("第1项");
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
        // The search form lists the directory (valuesKey agencyOptions): JSON, so Tasklist hands it to the form.
        org.camunda.bpm.engine.variable.value.ObjectValue options = runtime.getVariableTyped(pi.getId(), "agencyOptions",
                false);
        assertThat(options.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(options.getValueSerialized()).contains("{\"label\":\"示例市自然资源和规划局\",\"value\":\"ZRZY\"}");
        assertThat(runtime.getVariable(pi.getId(), "agencyOptions")).isInstanceOf(cn.gov.disclosure.workflow.FormOptions.class);
        assertThat(runtime.getVariable(pi.getId(), "agencyCodes")).isEqualTo("");
        complete(pi, "SearchInformation", "searchNotes", "方案由三机关联合印发", "consultAgencies", true,
                "agencyCodes", "[\"ZRZY\",\"FGW\",\"ZJ\"]", "consultThirdParty", false,
                "informationConcerned", "旧城改造实施方案全文");

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
        assertThatThrownBy(() -> completeDecision(pi, "DISCLOSED")).hasMessageContaining("第三十二条");
        assertThat(pi).isWaitingAt("DecideReply");
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

    // ---- issue 14 (process14): receipt clocks, Art. 15, Art. 35, extensions, correction ----

    private String noticeText(ApplicationCase c, String type) {
        long id = jdbc.sql("SELECT id FROM notice WHERE case_id = ? AND notice_type = ? AND status = 'ISSUED' "
                + "ORDER BY id DESC").params(c.id(), type).query(Long.class).list().get(0);
        return cn.gov.disclosure.notice.NoticeChecker.textOf(notices.pdf(id).orElseThrow());
    }

    @Test
    void art33_2_anApprovalAfterTheReplyPeriodExpiredIsRefused() {
        ProcessInstance pi = submit("某区2025年道路养护经费支出明细");
        ApplicationCase c = caseOf(pi);
        ProcessInstance ext = requestExtension(c.caseNo(), 10L, "需要调取多个科室的档案材料");
        moveClockTo(c.dueOn().plusDays(1));
        assertThatThrownBy(() -> complete(ext, "ApproveExtension", "extensionDecision", "APPROVED",
                "headComment", "同意")).hasMessageContaining("extensionDecision").hasMessageContaining("已于")
                .hasMessageContaining("不能再批准延长");
        assertThat(caseOf(pi).dueOn()).isEqualTo(c.dueOn());
        assertThat(notices.listForCase(c.id())).extracting(n -> n.type()).doesNotContain("EXTENSION");
        complete(ext, "ApproveExtension", "extensionDecision", "REFUSED", "headComment", "期限已届满");
        assertThat(ext).hasPassed("ExtensionRefused").isEnded();
    }

    @Test
    void art33_2_anExtensionDuringAPauseStatesTheDaysLeftNotTheOldDueDate() {
        ProcessInstance pi = submit("某企业2025年排污许可执行报告");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        ApplicationCase c = caseOf(pi);
        LocalDate from = deadlines.calendar().addWorkingDays(c.receivedOn(), 3).due();
        moveClockTo(from);
        clocks.pause(c.caseNo(), cn.gov.disclosure.calendar.PauseReason.THIRD_PARTY_CONSULTATION, from, "clerk");
        ProcessInstance ext = requestExtension(c.caseNo(), 20L, "涉及第三方的材料较多，需要逐页审查。");
        complete(ext, "ApproveExtension", "extensionDecision", "APPROVED", "headComment", "同意");
        assertThat(ext).hasPassed("GrantExtension").isEnded();
        String text = noticeText(caseOf(pi), "EXTENSION");
        assertThat(text).contains("答复期限恢复计算后的第37个工作日前作出答复")
                .doesNotContain(cn.gov.disclosure.notice.NoticeService.chineseDate(c.dueOn()))
                .contains("第三十三条第三款").doesNotContain("。，");

        // Once counting resumes the due date is known, and the extension is in it.
        LocalDate resumedOn = deadlines.calendar().addWorkingDays(from, 5).due();
        moveClockTo(resumedOn);
        assertThat(clocks.resume(c.caseNo(), resumedOn, "clerk").due())
                .contains(deadlines.calendar().addWorkingDays(resumedOn, 37).due());
    }

    @Test
    void art15_aRefusalForAThirdPartyNeedsItsObjectionOrTheReasonItWasNotConsulted() {
        ProcessInstance pi = submit("某公司提交的项目可行性研究报告");
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "报告由企业提交");
        assertThatThrownBy(() -> completeDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("thirdPartyNotConsultedReason").hasMessageContaining("第三十二条")
                .hasMessageContaining("未征求第三方意见的原因");
        assertThat(pi).isWaitingAt("DecideReply");
        // Other grounds need no third party.
        completeDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true,
                "thirdPartyNotConsultedReason", "该公司已注销，无法征求意见");
        assertThat(pi).isWaitingAt("ConfirmReply");
        assertThat(caseFiles.events(pi.getBusinessKey())).filteredOn(e -> "THIRD_PARTY_NOT_CONSULTED".equals(e.type()))
                .singleElement().satisfies(e -> assertThat(e.note()).contains("该公司已注销"));
    }

    private ProcessInstance twoItems(String first, String second) {
        String caseNo = intake.submit(TestApplications.onlineItems(first, second), "applicant", false).caseNo();
        executeAsyncJobs();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        return pi;
    }

    /**
     * Art. 15 with Art. 32 on a reply of several items: item 2 refused for a third party's rights, the third party
     * never consulted, is refused on the submit with a Chinese message naming the item (the form's single-item
     * checkbox is not ticked: the items page decided).
     */
    @Test
    void art15_anItemOfSeveralRefusedForAThirdPartyWithoutConsultationIsRefused() {
        ProcessInstance pi = twoItems("2025年某路段道路拓宽工程的立项批复文件", "示例化工有限公司提交的环境影响报告书中的生产工艺参数");
        String caseNo = pi.getBusinessKey();
        complete(pi, "SearchInformation", "searchNotes", "已检索公文系统和档案室");
        decideItem(caseNo, 1, "DISCLOSED", List.of(), "立项批复文件电子版一份");
        decideItem(caseNo, 2, "NOT_DISCLOSED", List.of("THIRD_PARTY_RIGHTS"), null);
        assertThatThrownBy(() -> complete(pi, "DecideReply"))
                .hasRootCauseInstanceOf(cn.gov.disclosure.common.InvalidInputException.class)
                .hasMessageContaining("thirdPartyNotConsultedReason").hasMessageContaining("第2项")
                .hasMessageContaining("第十五条").hasMessageContaining("第三十二条")
                .hasMessageContaining("未征求第三方意见的原因");
        assertThat(pi).isWaitingAt("DecideReply");
        assertThat(caseFiles.events(caseNo)).noneMatch(e -> e.type().startsWith("THIRD_PARTY_"));
        // The reason it could not be consulted, written in the form, lets it go on and is kept with the case.
        complete(pi, "DecideReply", "thirdPartyNotConsultedReason", "该公司已注销，无法征求意见");
        assertThat(pi).isWaitingAt("ConfirmReply");
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> "THIRD_PARTY_NOT_CONSULTED".equals(e.type()))
                .singleElement().satisfies(e -> assertThat(e.note()).contains("第2项").contains("该公司已注销"));
    }

    /** Art. 15: an item changed to a refusal for a third party after the submit is caught when the draft is rendered. */
    @Test
    void art15_anItemChangedToAThirdPartyRefusalAfterTheSubmitGoesBackToTheClerk() {
        ProcessInstance pi = twoItems("2025年某路段道路拓宽工程的立项批复文件", "示例化工有限公司提交的环境影响报告书中的生产工艺参数");
        String caseNo = pi.getBusinessKey();
        complete(pi, "SearchInformation", "searchNotes", "已检索公文系统和档案室");
        decideItem(caseNo, 1, "DISCLOSED", List.of(), "立项批复文件电子版一份");
        decideItem(caseNo, 2, "NOT_DISCLOSED", List.of("PROCESS_INFORMATION"), null);
        tasks.complete(task(pi, "DecideReply").getId());
        // Before 生成并核验答复书草稿 runs, item 2 becomes a refusal for the third party on the items page.
        decideItem(caseNo, 2, "NOT_DISCLOSED", List.of("THIRD_PARTY_RIGHTS"), null);
        executeAsyncJobs();
        assertThat(pi).hasPassed("NoticeIncomplete").isWaitingAt("DecideReply");
        assertThat((String) runtime.getVariable(pi.getId(), "checkerProblems")).contains("第2项").contains("第十五条")
                .contains("第三十二条");
    }

    /** Art. 15 with Art. 32 on several items: consulted, the third party objected, the objection stands — it goes out. */
    @Test
    void art15_anItemOfSeveralRefusedForAThirdPartyThatObjectedGoesOut() {
        ProcessInstance pi = twoItems("2025年某路段道路拓宽工程的立项批复文件", "示例化工有限公司提交的环境影响报告书中的生产工艺参数");
        String caseNo = pi.getBusinessKey();
        complete(pi, "SearchInformation", "searchNotes", "报告由企业提交", "consultThirdParty", true,
                "thirdPartyName", "示例化工有限公司", "thirdPartyEmail", "office@chem.example.cn",
                "informationConcerned", "企业提交的环境影响报告书中的生产工艺参数");
        ProcessInstance sub = consultation(pi);
        completeTask(task(sub, "RecordThirdPartyAnswer").getId(),
                Map.of("answerOutcome", "OBJECTS", "answerOpinion", "工艺参数属于商业秘密"));
        completeTask(task(sub, "DecidePublicInterest").getId(), Map.of("publicInterestDecision", "UPHOLD"));
        assertThat(pi).isWaitingAt("DecideReply");
        decideItem(caseNo, 1, "DISCLOSED", List.of(), "立项批复文件电子版一份");
        decideItem(caseNo, 2, "NOT_DISCLOSED", List.of("THIRD_PARTY_RIGHTS"), null);
        complete(pi, "DecideReply");
        assertThat(pi).isWaitingAt("ConfirmReply");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        clearSecrecyIfAsked(pi);
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
        assertThat(issuedReplyText(caseOf(pi))).contains("第2项").contains("第十五条").contains("应当先申请行政复议");
        assertThat(caseFiles.events(caseNo)).noneMatch(e -> "THIRD_PARTY_NOT_CONSULTED".equals(e.type()));
    }

    /**
     * Art. 32: a third party consulted but silent leaves the decision to the office. Withholding on Art. 15 then
     * needs the office's reasons, asked for as such — not "why was it not consulted".
     */
    @Test
    void art32_aSilentThirdPartyIsNotAskedWhyItWasNotConsulted() {
        ProcessInstance pi = consultThirdParty("示例化工有限公司安全生产许可证申请材料中的工艺说明");
        ProcessInstance sub = consultation(pi);
        fireOnTime(management.createJobQuery().processInstanceId(sub.getId()).activityId("ThirdPartyAnswerOverdue")
                .singleResult());
        assertThat(pi).isWaitingAt("DecideReply");
        assertThatThrownBy(() -> completeDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true))
                .hasMessageContaining("thirdPartyNotConsultedReason").hasMessageContaining("第三方逾期未提出意见")
                .hasMessageContaining("第三十二条").hasMessageNotContaining("未征求第三方意见的原因");
        completeDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true,
                "thirdPartyNotConsultedReason", "工艺说明属于企业核心技术，公开将损害其竞争地位");
        assertThat(pi).isWaitingAt("ConfirmReply");
        assertThat(caseFiles.events(pi.getBusinessKey())).noneMatch(e -> "THIRD_PARTY_NOT_CONSULTED".equals(e.type()))
                .filteredOn(e -> "THIRD_PARTY_SILENT".equals(e.type())).singleElement()
                .satisfies(e -> assertThat(e.note()).contains("逾期未提出意见").contains("核心技术"));
    }

    @Test
    void art32_theHeadMayFindTheObjectionUnreasonableTellsTheThirdPartyAndArt15CanNoLongerBeInvoked() {
        ProcessInstance pi = consultThirdParty("示例化工有限公司2025年危险废物转移联单");
        ProcessInstance sub = consultation(pi);
        completeTask(task(sub, "RecordThirdPartyAnswer").getId(),
                Map.of("answerOutcome", "OBJECTS", "answerOpinion", "不希望被公开"));
        String decide = task(sub, "DecidePublicInterest").getId();
        assertThatThrownBy(() -> completeTask(decide, Map.of("publicInterestDecision", "OBJECTION_UNREASONABLE")))
                .hasMessageContaining("publicInterestReason").hasMessageContaining("异议不成立");
        completeTask(decide, Map.of("publicInterestDecision", "OBJECTION_UNREASONABLE",
                "publicInterestReason", "联单为法定公开的环境信息，不涉及商业秘密"));
        assertThat(sub).hasPassed("NotifyThirdPartyOfOverride", "OverrideNotified").hasNotPassed("ObjectionUpheld")
                .isEnded();
        ApplicationCase c = caseOf(pi);
        assertThat(outbox.forCase(c.id())).anyMatch(m -> m.recipient().equals("office@chem.example.cn")
                && m.subject().startsWith("政府信息公开决定告知书"));
        assertThat(noticeText(c, "PUBLIC_INTEREST_DISCLOSURE")).contains("理由不成立").contains("联单为法定公开的环境信息")
                .doesNotContain("公共利益造成重大影响");
        assertThat(caseFiles.events(c.caseNo())).anyMatch(e -> "PUBLIC_INTEREST_DECISION".equals(e.type())
                && e.note().contains("异议不成立"));
        assertThatThrownBy(() -> completeDecision(pi, "NOT_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true,
                "thirdPartyNotConsultedReason", "无"))
                .hasMessageContaining("withhold_THIRD_PARTY_RIGHTS").hasMessageContaining("异议已被认定不成立");
        completeDecision(pi, "DISCLOSED");
        assertThat(pi).isWaitingAt("ConfirmReply");
    }

    @Test
    void art30_theCorrectionPeriodRunsFromTheNoticesReceiptAndALateReceiptMovesIt() {
        ProcessInstance pi = submit("那份关于道路的文件");
        ApplicationCase c = caseOf(pi);
        LocalDate noticeDay = deadlines.calendar().addWorkingDays(c.receivedOn(), 2).due();
        moveClockTo(noticeDay);
        complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION", "reviewNotes", "请写明文件名称或文号");
        // E-mailed: presumed received the day it was sent (disclosure.receipt-presumption.email-days=0).
        assertThat(runtime.getVariable(pi.getId(), "correctionNoticeReceivedOn")).isEqualTo(noticeDay.toString());
        assertThat(caseFiles.events(c.caseNo())).anyMatch(e -> "CORRECTION_NOTICE_RECEIPT".equals(e.type())
                && e.note().contains("推定"));
        fireOnTime(timer(pi, "CorrectionOverdue"));
        assertThat(pi).isWaitingAt("DecideAbandonment");

        // The clerk learns the e-mail bounced and the letter was signed for five working days later.
        LocalDate signedFor = deadlines.calendar().addWorkingDays(noticeDay, 5).due();
        assertThatThrownBy(() -> complete(pi, "DecideAbandonment", "abandonmentDecision", "NOTICE_RECEIVED_LATER",
                "correctionNoticeReceivedOn", noticeDay.minusDays(1).toString()))
                .hasMessageContaining("correctionNoticeReceivedOn").hasMessageContaining("不能早于");
        assertThatThrownBy(() -> complete(pi, "DecideAbandonment", "abandonmentDecision", "NOTICE_RECEIVED_LATER",
                "correctionNoticeReceivedOn", noticeDay.toString()))
                .hasMessageContaining("correctionNoticeReceivedOn").hasMessageContaining("也已届满");
        complete(pi, "DecideAbandonment", "abandonmentDecision", "NOTICE_RECEIVED_LATER",
                "correctionNoticeReceivedOn", signedFor.toString());
        assertThat(pi).isWaitingAt("AwaitCorrection");
        LocalDate correctBy = deadlines.calendar().addWorkingDays(signedFor, 15).due();
        assertThat(timer(pi, "CorrectionOverdue").getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(correctBy));
        assertThat(task(pi, "AwaitCorrection").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(correctBy));
        assertThat(caseFiles.events(c.caseNo())).filteredOn(e -> "CORRECTION_NOTICE_RECEIPT".equals(e.type())
                && "correctBy".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.newValue()).isEqualTo(correctBy.toString()));
    }

    @Test
    void art30_aLateCorrectionWithGoodReasonIsAcceptedAndTheCaseGoesOn() {
        ProcessInstance pi = submit("关于那件事的文件");
        complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION", "reviewNotes", "请写明文件名称或文号");
        fireOnTime(timer(pi, "CorrectionOverdue"));
        LocalDate lateOn = StatutoryDeadlines.toLocalDate(ClockUtil.getCurrentTime());
        complete(pi, "DecideAbandonment", "abandonmentDecision", "ACCEPT_LATE",
                "lateCorrectionReason", "申请人住院治疗，有医院证明", "correctedDescription", "2025年第7号文件《关于某路段改造的批复》",
                "correctionReceivedOn", lateOn.toString());
        assertThat(pi).hasPassed("DecideAbandonment").isWaitingAt("ReviewCompleteness")
                .hasNotPassed("MarkAbandoned");
        ApplicationCase c = caseOf(pi);
        assertThat(c.description()).isEqualTo("2025年第7号文件《关于某路段改造的批复》");
        assertThat(c.dueOn()).isEqualTo(deadlines.replyDue(lateOn).due());
        assertThat(caseFiles.events(c.caseNo())).filteredOn(e -> "LATE_CORRECTION_ACCEPTED".equals(e.type()))
                .singleElement().satisfies(e -> assertThat(e.note()).contains("申请人住院治疗"));
        assertThat(notices.listForCase(c.id())).extracting(n -> n.type()).doesNotContain("ABANDONED");
    }

    @Test
    void art32_theAnswerPeriodRunsFromTheThirdPartysReceiptOfTheLetter() {
        ProcessInstance pi = submit("示例化工有限公司2025年度环境信息");
        ApplicationCase c = caseOf(pi);
        LocalDate sentOn = deadlines.calendar().addWorkingDays(c.receivedOn(), 1).due();
        moveClockTo(sentOn);
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "报告由企业提交", "consultThirdParty", true,
                "thirdPartyName", "示例化工有限公司", "thirdPartyEmail", "office@chem.example.cn",
                "informationConcerned", "企业环境信息中的原料用量");
        ProcessInstance sub = consultation(pi);
        cn.gov.disclosure.consultation.Consultation asked = consultationRepository.forCase(c.id()).get(0);
        // E-mailed: presumed received the day it was sent (disclosure.receipt-presumption.email-days).
        assertThat(asked.letterReceivedOn()).isEqualTo(sentOn);
        assertThat(asked.receiptSource()).isEqualTo(cn.gov.disclosure.consultation.LetterReceipt.PRESUMED_EMAIL);
        assertThat(asked.answerBy()).isEqualTo(deadlines.periods().consultationAnswerDue(sentOn).due());
        // Art. 33(3), not Arts. 32/34, is why the reply clock stops.
        assertThat(caseFiles.events(c.caseNo())).filteredOn(e -> "CLOCK_PAUSED".equals(e.type())).singleElement()
                .satisfies(e -> assertThat(e.note()).contains("第三十三条第三款").doesNotContain("第三十二条"));

        // The e-mail bounced; the posted letter was signed for three working days later.
        LocalDate signedFor = deadlines.calendar().addWorkingDays(sentOn, 3).due();
        moveClockTo(signedFor.plusDays(1));
        assertThatThrownBy(() -> consultationService.recordLetterReceived(asked.id(), sentOn.minusDays(1),
                cn.gov.disclosure.consultation.LetterReceipt.DELIVERY_RECORD))
                .hasMessageContaining("letterReceivedOn").hasMessageContaining("不能早于发出之日");
        consultationService.recordLetterReceived(asked.id(), signedFor,
                cn.gov.disclosure.consultation.LetterReceipt.DELIVERY_RECORD);
        LocalDate answerBy = deadlines.calendar().addWorkingDays(signedFor, 15).due();
        assertThat(consultationRepository.find(asked.id()).orElseThrow().answerBy()).isEqualTo(answerBy);
        Task waiting = task(sub, "RecordThirdPartyAnswer");
        assertThat(waiting.getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(answerBy));
        assertThat(tasks.getVariable(waiting.getId(), "answerByText")).isEqualTo(answerBy.toString());
        assertThat(caseFiles.events(c.caseNo())).filteredOn(e -> "CONSULTATION_RECEIVED".equals(e.type()))
                .singleElement().satisfies(e -> {
                    assertThat(e.oldValue()).isEqualTo(asked.answerBy().toString());
                    assertThat(e.newValue()).isEqualTo(answerBy.toString());
                });
        // Opening the answer link later does not override the delivery record.
        consultationService.recordLetterReceived(asked.id(), signedFor.plusDays(1),
                cn.gov.disclosure.consultation.LetterReceipt.LINK_OPENED);
        assertThat(consultationRepository.find(asked.id()).orElseThrow().letterReceivedOn()).isEqualTo(signedFor);

        // Silence counts only after the 15th working day from receipt.
        Job silence = timer(sub, "ThirdPartyAnswerOverdue");
        assertThat(silence.getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(answerBy));
        fireOnTime(silence);
        assertThat(sub).hasPassed("RecordThirdPartySilence").isEnded();
    }

    @Test
    void art32_aLetterByPostIsPresumedReceivedAfterTheConfiguredDays() {
        ProcessInstance pi = submit("示例某公司2025年项目核准文件");
        ApplicationCase c = caseOf(pi);
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        LocalDate sentOn = StatutoryDeadlines.toLocalDate(ClockUtil.getCurrentTime());
        complete(pi, "SearchInformation", "searchNotes", "涉及企业", "consultThirdParty", true,
                "thirdPartyName", "示例某公司", "thirdPartyAddress", "示例市建设路1号",
                "informationConcerned", "项目核准文件中的投资额");
        cn.gov.disclosure.consultation.Consultation asked = consultationRepository.forCase(c.id()).get(0);
        assertThat(asked.receiptSource()).isEqualTo(cn.gov.disclosure.consultation.LetterReceipt.PRESUMED_POST);
        // The one presumption for posted notices (disclosure.receipt-presumption.post-days).
        LocalDate presumed = presumption.receivedOn(sentOn, cn.gov.disclosure.calendar.ReceiptPresumption.Means.POST);
        assertThat(asked.letterReceivedOn()).isEqualTo(presumed);
        assertThat(asked.answerBy()).isEqualTo(deadlines.calendar().addWorkingDays(presumed, 15).due());

        // The letter goes by post (送达 process); the return receipt's date becomes the letter's receipt date.
        ProcessInstance post = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.caseNo())
                .processDefinitionKey("delivery").active().singleResult();
        complete(post, "PostNotice", "registeredNo", "XA55556666CN", "postedOn", sentOn.toString());
        LocalDate signedFor = sentOn.plusDays(2);
        moveClockTo(signedFor.plusDays(1));
        complete(post, "AwaitReturnReceipt", "receiptOn", signedFor.toString());
        cn.gov.disclosure.consultation.Consultation received = consultationRepository.find(asked.id()).orElseThrow();
        assertThat(received.letterReceivedOn()).isEqualTo(signedFor);
        assertThat(received.receiptSource()).isEqualTo(cn.gov.disclosure.consultation.LetterReceipt.DELIVERY_RECORD);
        assertThat(received.answerBy()).isEqualTo(deadlines.calendar().addWorkingDays(signedFor, 15).due());
    }

    private LocalDate askForReasons(ProcessInstance pi) {
        complete(pi, "ReviewCompleteness", "completeness", "EXCESSIVE",
                "reviewNotes", "本月已提交申请四十件，内容多为同一事项的不同表述");
        assertThat(pi).hasPassed("AskForReasons").isWaitingAt("DecideExcessiveRequest");
        return LocalDate.parse((String) runtime.getVariable(pi.getId(), "reasonsByText"));
    }

    private void askForReasonsAndRefuse(ProcessInstance pi) {
        LocalDate reasonsBy = askForReasons(pi);
        moveClockTo(reasonsBy.plusDays(1));
        complete(pi, "DecideExcessiveRequest", "excessiveDecision", "NOT_PROCESSED");
        assertThat(pi).isWaitingAt("DecideReply");
    }

    @Test
    void art35_theClerkAsksForReasonsWaitsAndTheCaseGoesOnWhenTheyAreReasonable() {
        ProcessInstance pi = submit("本区所有道路2015年至2025年每一年的养护合同");
        ApplicationCase c = caseOf(pi);
        LocalDate today = StatutoryDeadlines.toLocalDate(ClockUtil.getCurrentTime());
        assertThatThrownBy(() -> complete(pi, "ReviewCompleteness", "completeness", "EXCESSIVE"))
                .hasMessageContaining("reviewNotes").hasMessageContaining("第三十五条");
        LocalDate reasonsBy = askForReasons(pi);
        assertThat(reasonsBy).isEqualTo(deadlines.calendar().addWorkingDays(today, 10).due());
        assertThat(task(pi, "DecideExcessiveRequest").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(reasonsBy));
        assertThat(noticeText(c, "REASONS_REQUEST")).contains("第三十五条").contains("说明理由")
                .contains(cn.gov.disclosure.notice.NoticeService.chineseDate(reasonsBy)).contains("本月已提交申请四十件");
        // No reasons yet and the deadline has not passed: not processing would be premature.
        assertThatThrownBy(() -> complete(pi, "DecideExcessiveRequest", "excessiveDecision", "NOT_PROCESSED"))
                .hasMessageContaining("excessiveDecision").hasMessageContaining("期限届满前");
        complete(pi, "DecideExcessiveRequest", "excessiveDecision", "CONTINUE",
                "applicantReasons", "用于课题研究，需要逐年比对");
        assertThat(pi).isWaitingAt("SearchInformation").hasNotPassed("TellDeferral");
        assertThat(caseOf(pi).dueOn()).isEqualTo(c.dueOn());
        assertThat(caseFiles.events(c.caseNo())).extracting(CaseEvent::type)
                .contains("ART35_REASONS_ASKED", "ART35_DECIDED");
    }

    @Test
    void art35_reasonableButTooManyGetsALaterDeadlineToldToTheApplicant() {
        ProcessInstance pi = submit("本区2015年至2025年全部行政处罚决定书");
        ApplicationCase c = caseOf(pi);
        askForReasons(pi);
        assertThatThrownBy(() -> complete(pi, "DecideExcessiveRequest", "excessiveDecision", "DEFER",
                "deferralDays", 20L)).hasMessageContaining("applicantReasons");
        assertThatThrownBy(() -> complete(pi, "DecideExcessiveRequest", "excessiveDecision", "DEFER",
                "applicantReasons", "律师代理诉讼需要", "deferralDays", 0L)).hasMessageContaining("deferralDays");
        complete(pi, "DecideExcessiveRequest", "excessiveDecision", "DEFER",
                "applicantReasons", "律师代理诉讼需要", "deferralDays", 20L);
        assertThat(pi).hasPassed("TellDeferral").isWaitingAt("SearchInformation");
        LocalDate newDue = deadlines.calendar().addWorkingDays(c.receivedOn(), 40).due();
        assertThat(caseOf(pi).dueOn()).isEqualTo(newDue);
        assertThat(task(pi, "SearchInformation").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(newDue));
        assertThat(timer(pi, "DeadlineDay").getDuedate()).isEqualTo(StatutoryDeadlines.atOpening(newDue));
        assertThat(noticeText(caseOf(pi), "DEFERRAL")).contains("第三十五条").contains("延后20个工作日")
                .contains(cn.gov.disclosure.notice.NoticeService.chineseDate(newDue));
        assertThat(caseFiles.events(c.caseNo())).filteredOn(e -> "DEFERRED".equals(e.type()))
                .extracting(CaseEvent::oldValue, CaseEvent::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(c.dueOn().toString(), newDue.toString()));
    }

    @Test
    void art35_noReasonsByTheDeadlineEndsInTheNotProcessedReplyAndThatReplyNeedsTheStep() {
        ProcessInstance plain = submit("某街道2025年会议纪要");
        complete(plain, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(plain, "SearchInformation", "searchNotes", "已检索");
        assertThatThrownBy(() -> completeDecision(plain, "EXCESSIVE"))
                .hasMessageContaining("replyType").hasMessageContaining("说明理由");

        ProcessInstance pi = submit("本市所有部门2025年全部收文和发文");
        askForReasonsAndRefuse(pi);
        assertThat(runtime.getVariable(pi.getId(), "replyType")).isEqualTo("EXCESSIVE");
        assertThat((String) runtime.getVariable(pi.getId(), "reasoning")).contains("逾期未说明理由");
        complete(pi, "DecideReply", "replyType", "EXCESSIVE");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");
        complete(pi, "LegalReview", "legalOutcome", "APPROVED");
        assertThat(pi).hasPassed("SendReply").isWaitingAt("AppealWindowGateway");
        assertThat(issuedReplyText(caseOf(pi))).contains("第三十五条").contains("逾期未说明理由");
    }

    @Test
    void art30_aDeliveryRecordMovesTheCorrectionPeriodWhileItRuns() {
        ProcessInstance pi = submit("那几份关于学校的材料");
        LocalDate noticeDay = StatutoryDeadlines.toLocalDate(ClockUtil.getCurrentTime());
        complete(pi, "ReviewCompleteness", "completeness", "NEEDS_CORRECTION", "reviewNotes", "请写明学校名称和文件名称");
        LocalDate signedFor = deadlines.calendar().addWorkingDays(noticeDay, 3).due();
        moveClockTo(signedFor);
        LocalDate correctBy = corrections.noticeReceived(pi.getBusinessKey(), signedFor, "DELIVERY_RECORD", "system");
        assertThat(correctBy).isEqualTo(deadlines.calendar().addWorkingDays(signedFor, 15).due());
        assertThat(timer(pi, "CorrectionOverdue").getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(correctBy));
        assertThat(task(pi, "AwaitCorrection").getDueDate()).isEqualTo(StatutoryDeadlines.endOfDay(correctBy));
        assertThat(runtime.getVariable(pi.getId(), "correctByText")).isEqualTo(correctBy.toString());
        assertThatThrownBy(() -> corrections.noticeReceived(pi.getBusinessKey(), signedFor.plusDays(30),
                "DELIVERY_RECORD", "system")).hasMessageContaining("correctionNoticeReceivedOn");
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
        assertThatThrownBy(() -> completeDecision(pi, "PARTIALLY_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true,
                "thirdPartyNotConsultedReason", "协议相对方已注销，无法征求意见")).hasMessageContaining("第 1 项");
        assertThat(pi).isWaitingAt("DecideReply");

        records.cutText(file.id(), cn.gov.disclosure.records.RedactionTest.SECRET, "THIRD_PARTY_RIGHTS", "clerk");
        completeDecision(pi, "PARTIALLY_DISCLOSED", "withhold_THIRD_PARTY_RIGHTS", true,
                "thirdPartyNotConsultedReason", "协议相对方已注销，无法征求意见");
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
