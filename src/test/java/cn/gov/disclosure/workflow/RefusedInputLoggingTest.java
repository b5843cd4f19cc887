package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.intake.IntakeService;

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
    @LocalServerPort int port;

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private Task review(String caseNo) {
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
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(), BodyHandlers.discarding());
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-XSRF-TOKEN", xsrf(cookies)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=clerk&password=demo")).build(), BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        // Signing in starts a new session with a new CSRF token, handed out with the next page.
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(), BodyHandlers.discarding());
        int before = output.length();

        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(
                        base + "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form"))
                .header("X-XSRF-TOKEN", xsrf(cookies)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("""
                        {"variables": {"completeness": {"value": "NEEDS_CORRECTION"},
                                       "reviewNotes": {"value": "短"}}}""")).build(), BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("逐项写明需要补正的事项").contains("\"field\":\"reviewNotes\"");
        String log = output.toString().substring(before);
        assertThat(log).doesNotContain("ERROR").doesNotContain("\tat ");
        assertThat(log.lines().filter(l -> l.contains("WARN") && !l.contains("WadlFeature"))).singleElement().asString().contains(caseNo);
        assertThat(review(caseNo)).isNotNull();
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                .reduce((a, b) -> b).map(HttpCookie::getValue).orElseThrow();
    }
}
