package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.NoticeService;

/**
 * A step that renders, mails or calls out is its own retried job: when it fails, the clerk's completed task
 * stands, the job is retried on its cycle (R5/PT1M), and after the last retry it is an incident with a
 * readable message (what Cockpit shows). Once the fault is gone, setting the retries lets the case go on.
 * The fault is injected into the real notice service behind 制作并送达答复书 (SendReply).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, classes = DisclosureApplication.class,
        properties = {
                // Its own database: the failed jobs left here must not reach the other process tests.
                "spring.datasource.url=jdbc:h2:mem:disclosure-incident-test;DB_CLOSE_DELAY=-1",
                "camunda.bpm.generate-unique-process-engine-name=true",
                "disclosure.demo.mail-server.enabled=false",
                "disclosure.mail.poll-interval=PT1H"})
@ActiveProfiles({"demo", "test"})
class FailedStepBecomesIncidentTest {

    private static final String FAULT = "答复书 PDF 生成失败：字体文件无法读取（测试注入的故障）";

    @MockitoSpyBean NoticeService noticeService;
    @Autowired IntakeService intake;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeRepository notices;
    @Autowired MailOutbox outbox;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFailingReplyBecomesAnIncidentAndTheCaseGoesOnOnceTheFaultIsGone() {
        String caseNo = intake.submit(TestApplications.online("2025年某河道整治工程的验收报告"), "applicant", false)
                .caseNo();
        AsyncJobs.executeAll(management);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
        complete(pi, "ReviewCompleteness", "completeness", "COMPLETE");
        complete(pi, "SearchInformation", "searchNotes", "已检索到验收报告");
        complete(pi, "DecideReply", "replyType", "DISCLOSED", "disclosureDetails", "验收报告电子版一份");
        complete(pi, "ConfirmReply", "confirmation", "SUBMIT");

        doThrow(new IllegalStateException(FAULT)).when(noticeService).issueReply(any(), any());
        String reviewId = taskId(pi, "SecrecyReview");
        tasks.complete(reviewId, Map.of("secrecyOutcome", "CLEARED"));

        // The reviewer's decision is stored; the reply waits in its own job.
        assertThat(history.createHistoricTaskInstanceQuery().taskId(reviewId).finished().count()).isEqualTo(1);
        assertThat(caseFiles.events(caseNo)).anyMatch(e -> "secrecyOutcome".equals(e.field())
                && "CLEARED".equals(e.newValue()));
        Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId("SendReply").singleResult();
        assertThat(job).as("the reply is a job of its own").isNotNull();

        int attempts = 0;
        while (job.getRetries() > 0) {
            String id = job.getId();
            assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining(FAULT);
            attempts++;
            job = management.createJobQuery().jobId(id).singleResult();
            if (job.getRetries() > 0) {
                // The next try waits a minute (R5/PT1M).
                assertThat(management.createJobQuery().jobId(id).executable().count()).isZero();
                ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1_000));
            }
        }
        assertThat(attempts).as("five tries").isEqualTo(5);

        Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getActivityId()).isEqualTo("SendReply");
        assertThat(incident.getIncidentMessage()).isEqualTo(FAULT);
        // Nothing of the failed attempts was kept: no reply notice, no reply mail, the case not archived.
        long caseId = caseFiles.get(caseNo).id();
        assertThat(notices.listForCase(caseId)).extracting(n -> n.type()).doesNotContain("REPLY");
        assertThat(outbox.forCase(caseId)).noneMatch(m -> m.subject().contains("答复书"));
        assertThat(caseFiles.get(caseNo).status()).isNotEqualTo(CaseStatus.ARCHIVED);

        // The administrator fixes the cause and retries the job (Cockpit: "Increment number of retries").
        doCallRealMethod().when(noticeService).issueReply(any(), any());
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());

        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(caseFiles.get(caseNo).status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(notices.listForCase(caseId)).extracting(n -> n.type()).contains("REPLY");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).activityIdIn(
                "AppealWindowGateway").count()).isEqualTo(1);
    }

    private String taskId(ProcessInstance pi, String key) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult().getId();
    }

    private void complete(ProcessInstance pi, String key, Object... keyValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put((String) keyValues[i], keyValues[i + 1]);
        }
        tasks.complete(taskId(pi, key), vars);
        AsyncJobs.executeAll(management);
    }
}
