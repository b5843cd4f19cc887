package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.support.TasklistSessions;

/**
 * A clerk's mistake refused by a task listener (InvalidInputException) is answered over the engine REST
 * with 400 and the Chinese message, and logged as one WARN line naming the case, never with a stack trace.
 * (Jersey's one-time WADL notice, logged by the first REST call of a fresh context, is not about the input.)
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedInputLoggingTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired IntakeService intake;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private Task review(String caseNo) {
        AsyncJobs.continueIntake(management, runtime, caseNo);
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("ReviewCompleteness")
                .singleResult();
    }

    @Test
    void aRefusedTaskCompletionIsA400WithTheChineseMessageAndOneWarnLine(CapturedOutput output) {
        String caseNo = intake.submit(TestApplications.online("关于那份材料"), "applicant", false).caseNo();
        Task task = review(caseNo);
        int before = output.length();

        ResponseEntity<Map> answer = http.withBasicAuth("clerk", "demo").postForEntity(
                "/engine-rest/task/" + task.getId() + "/complete", json("""
                        {"variables": {"completeness": {"value": "NEEDS_CORRECTION"},
                                       "reviewNotes": {"value": ""}}}"""), Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        // The field is named as the form labels it, not by its key.
        assertThat((String) answer.getBody().get("message")).contains("审查意见（需要补正的，逐项写明补正事项；要求说明理由的，写明超过合理范围的情况）：")
                .doesNotContain("reviewNotes").contains("逐项写明需要补正的事项");
        String log = output.toString().substring(before);
        assertThat(log).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(log.lines().filter(l -> l.contains("WARN") && !l.contains("WadlFeature"))).singleElement().asString()
                .contains(caseNo).contains("reviewNotes");
        // The task stays open, nothing half-stored.
        assertThat(review(caseNo)).isNotNull();
    }

    /**
     * As in a JVM where logging was initialised again after this application started (Spring Boot stops and resets
     * logback then, which drops the filter): the next engine call puts it back before the refusal is logged.
     */
    @Test
    void aRefusalAfterLoggingWasResetIsStillOneWarnLine(CapturedOutput output) {
        ch.qos.logback.classic.LoggerContext logging =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        logging.getTurboFilterList().removeIf(cn.gov.disclosure.workflow.rest.UserMistakeLogFilter.class::isInstance);
        String caseNo = intake.submit(TestApplications.online("关于那份文件"), "applicant", false).caseNo();
        int before = output.length();

        ResponseEntity<Map> answer = http.withBasicAuth("clerk", "demo").postForEntity(
                "/engine-rest/task/" + review(caseNo).getId() + "/complete", json("""
                        {"variables": {"completeness": {"value": "NEEDS_CORRECTION"},
                                       "reviewNotes": {"value": ""}}}"""), Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(output.toString().substring(before)).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void aRefusedStartFormIsA400AndOneWarnLineAndNoCase(CapturedOutput output) {
        long casesBefore = tasks.createTaskQuery().count();
        int before = output.length();

        ResponseEntity<Map> answer = http.withBasicAuth("clerk", "demo").postForEntity(
                "/engine-rest/process-definition/key/disclosure-application/submit-form", json("""
                        {"variables": {"channel": {"value": "LETTER"}, "applicantName": {"value": "张三"}}}"""),
                Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat((String) answer.getBody().get("message")).contains("提交的信息有误");
        assertThat((java.util.List<?>) answer.getBody().get("errors")).isNotEmpty();
        String log = output.toString().substring(before);
        assertThat(log).doesNotContain("ERROR").doesNotContain("\tat ");
        assertThat(log.lines().filter(l -> l.contains("WARN") && !l.contains("WadlFeature"))).singleElement().asString()
                .contains("start form of disclosure-application");
        assertThat(tasks.createTaskQuery().count()).isEqualTo(casesBefore);
    }

    /** Tasklist's way: signed in to the webapps (session and CSRF token), submitting the form to /camunda/api/engine. */
    @Test
    void aRefusedFormSubmittedFromTasklistIsA400Too(CapturedOutput output) throws Exception {
        String caseNo = intake.submit(TestApplications.online("关于另一份材料"), "applicant", false).caseNo();
        Task task = review(caseNo);
        // Signed in as Tasklist is, with the CSRF token of the session the sign-in started.
        TasklistSessions.Session session = TasklistSessions.signInForApi(http, "clerk");
        int before = output.length();

        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.postForEntity(
                "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", new HttpEntity<>("""
                        {"variables": {"completeness": {"value": "NEEDS_CORRECTION"},
                                       "reviewNotes": {"value": "短"}}}""", headers), String.class);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains("逐项写明需要补正的事项").contains("\"field\":\"reviewNotes\"");
        String log = output.toString().substring(before);
        assertThat(log).doesNotContain("ERROR").doesNotContain("\tat ");
        assertThat(log.lines().filter(l -> l.contains("WARN") && !l.contains("WadlFeature"))).singleElement().asString().contains(caseNo);
        assertThat(review(caseNo)).isNotNull();
    }
}
