package cn.gov.disclosure.acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The acknowledgment (受理回执) after the intake: the 201 comes before any PDF, the acknowledgment follows as the
 * process's retried job, the tracking code waits sealed (never in the engine) and is erased once printed, and the
 * backlog is a gauge.
 */
class AsyncAcknowledgmentTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeRepository notices;
    @Autowired MeterRegistry meters;

    private Map<?, ?> submit() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> r = http.postForEntity("/api/applications",
                new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON, h), Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody()).doesNotContainKey("receiptUrl");
        return r.getBody();
    }

    private long acknowledgments(long caseId) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE case_id = ? AND notice_type = 'ACKNOWLEDGMENT'")
                .param(caseId).query(Long.class).single();
    }

    private double backlog() {
        return meters.get("disclosure.acknowledgments.pending").gauge().value();
    }

    @Test
    void the201ComesBeforeThePdfAndTheAcknowledgmentFollowsAsAJob() throws Exception {
        double backlogBefore = backlog();
        Map<?, ?> receipt = submit();
        String caseNo = (String) receipt.get("caseNo");
        String code = (String) receipt.get("trackingCode");
        long caseId = caseFiles.get(caseNo).id();

        // Answered with nothing rendered and no task yet: the request stored the case, its pending acknowledgment
        // and one job that continues after 登记申请 (asyncAfter) — committed together, so nothing is lost.
        assertThat(acknowledgments(caseId)).isZero();
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        List<Job> jobs = management.createJobQuery().processInstanceId(pi).messages().list();
        assertThat(jobs).singleElement().satisfies(j -> {
            assertThat(j.getRetries()).as("R5/PT1M").isEqualTo(5);
            // (jobId and activityId together: Camunda 7.24 writes invalid SQL, so by the step's jobs.)
            assertThat(management.createJobQuery().processInstanceId(pi).activityId(AsyncJobs.INTAKE_STEP).list())
                    .extracting(Job::getId).containsExactly(j.getId());
        });
        assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isZero();
        assertThat(backlog()).isEqualTo(backlogBefore + 1);

        // That job puts the case in the clerks' hands and queues the acknowledgment as a job of its own.
        assertThat(AsyncJobs.continueIntake(management, runtime, caseNo)).isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("ReviewCompleteness").count())
                .isOne();
        assertThat(management.createJobQuery().processInstanceId(pi).messages().list()).singleElement()
                .satisfies(j -> assertThat(j.getRetries()).as("R5/PT1M").isEqualTo(5));
        assertThat(acknowledgments(caseId)).isZero();
        // Waiting, the code is sealed: not in the table in any readable form, and never in the engine.
        String sealed = jdbc.sql("SELECT tracking_code_sealed FROM pending_acknowledgment WHERE case_id = ?")
                .param(caseId).query(String.class).single();
        assertThat(sealed).doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).list())
                .allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(code))
                .noneMatch(v -> v.getName().equals("trackingCode"));

        AsyncJobs.executeAll(management, runtime, caseNo);

        assertThat(acknowledgments(caseId)).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM pending_acknowledgment WHERE case_id = ?").param(caseId)
                .query(Long.class).single()).as("sealed code erased once printed").isZero();
        assertThat(backlog()).isEqualTo(backlogBefore);
        long noticeId = jdbc.sql("SELECT id FROM notice WHERE case_id = ? AND notice_type = 'ACKNOWLEDGMENT'")
                .param(caseId).query(Long.class).single();
        try (PDDocument pdf = Loader.loadPDF(notices.pdf(noticeId).orElseThrow())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains(caseNo).contains(code).contains("/track");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE notice_id = ?").param(noticeId)
                .query(Long.class).single()).isOne();
    }

    @Test
    void aFailingAcknowledgmentIsRetriedAndNothingIsIssuedTwice() {
        Map<?, ?> receipt = submit();
        String caseNo = (String) receipt.get("caseNo");
        long caseId = caseFiles.get(caseNo).id();
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        // A sealed code that no longer opens (as after a key change): the step fails, the job stays for a retry.
        String sealed = jdbc.sql("SELECT tracking_code_sealed FROM pending_acknowledgment WHERE case_id = ?")
                .param(caseId).query(String.class).single();
        jdbc.sql("UPDATE pending_acknowledgment SET tracking_code_sealed = ? WHERE case_id = ?")
                .params("A" + sealed.substring(1, sealed.length() - 4) + "AAA=", caseId).update();
        AsyncJobs.continueIntake(management, runtime, caseNo);
        Job job = management.createJobQuery().processInstanceId(pi).messages().singleResult();
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("does not open");
        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("R5/PT1M: four retries left").isEqualTo(4);
        assertThat(failed.getExceptionMessage()).contains("does not open").doesNotContain(sealed);
        assertThat(acknowledgments(caseId)).isZero();

        // The cause fixed, the retry issues it — once.
        jdbc.sql("UPDATE pending_acknowledgment SET tracking_code_sealed = ? WHERE case_id = ?").params(sealed, caseId)
                .update();
        management.executeJob(job.getId());
        assertThat(acknowledgments(caseId)).isOne();
        assertThat(management.createJobQuery().processInstanceId(pi).messages().count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityId("AcknowledgmentIssued").finished().count()).isOne();
        // The clerk's review started at once, in parallel.
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityId("ReviewCompleteness").count()).isOne();
    }
}
