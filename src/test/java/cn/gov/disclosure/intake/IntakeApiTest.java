package cn.gov.disclosure.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;
import org.camunda.bpm.engine.task.Task;

/** POST /api/applications over HTTP: the contract of DESIGN.md, and that bad input stores nothing. */
class IntakeApiTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired CaseRepository cases;
    @Autowired RuntimeService runtime;
    @Autowired StatutoryDeadlines deadlines;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @Autowired cn.gov.disclosure.casefile.CaseFileService caseFiles;

    private ResponseEntity<Map> post(TestRestTemplate client, String json) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/api/applications", new HttpEntity<>(json, h), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(ResponseEntity<Map> r) {
        return (List<Map<String, String>>) r.getBody().get("errors");
    }

    @Test
    void theDesignExampleIsAcceptedWithAReceipt() {
        ResponseEntity<Map> r = post(http, TestApplications.DESIGN_EXAMPLE_JSON);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        LocalDate today = LocalDate.now(CalendarConfiguration.CHINA);
        // Art. 31: an online application is received the day the system confirms it; a date sent by an
        // anonymous caller is not taken.
        assertThat(r.getBody()).containsEntry("receivedOn", today.toString())
                .containsEntry("dueOn", deadlines.replyDue(today).due().toString());
        assertThat((String) r.getBody().get("caseNo")).matches("GK-\\d{4}-\\d{5}");
        assertThat((String) r.getBody().get("trackingCode")).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey((String) r.getBody().get("caseNo")).count()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsRejectedInChineseAndNothingIsStored() {
        long before = cases.count();
        long instances = runtime.createProcessInstanceQuery().count();
        ResponseEntity<Map> r = post(http, "{\"channel\": \"ONLINE\", ");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r).get(0).get("message")).contains("JSON");
        assertThat(errors(r).get(0).get("message")).contains("请求内容");
        assertThat(cases.count()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void unknownEnumValueNamesTheField() {
        ResponseEntity<Map> r = post(http, TestApplications.DESIGN_EXAMPLE_JSON.replace("\"ONLINE\"", "\"PIGEON\""));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r).get(0)).containsEntry("field", "channel");
        assertThat(errors(r).get(0).get("message")).contains("取值无效").contains("ONLINE");
    }

    @Test
    void invalidFieldsAreListedOneByOneAndNothingIsStored() {
        long before = cases.count();
        String json = TestApplications.DESIGN_EXAMPLE_JSON
                .replace("11010519491231002X", "110105194912310021")
                .replace("zhangsan@example.cn", "zhangsan@")
                .replace("2025年临沂市某路段道路拓宽工程的立项批复文件", "");
        ResponseEntity<Map> r = post(http, json);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).extracting(e -> e.get("field"))
                .contains("applicant.idNumber", "applicant.email", "request.description");
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void anonymousCallersMayOnlyApplyOnline() {
        ResponseEntity<Map> r = post(http, TestApplications.DESIGN_EXAMPLE_JSON.replace("\"ONLINE\"", "\"FAX\""));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r).get(0)).containsEntry("field", "channel");
    }

    @Test
    void staffRegisterAFaxWithItsDateOfReceipt() {
        LocalDate received = LocalDate.now(CalendarConfiguration.CHINA).minusDays(3);
        String json = TestApplications.DESIGN_EXAMPLE_JSON.replace("\"ONLINE\"", "\"FAX\"")
                .replace("2026-11-23", received.toString());
        ResponseEntity<Map> r = post(http.withBasicAuth("clerk", "demo"), json);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody()).containsEntry("receivedOn", received.toString())
                .containsEntry("dueOn", deadlines.replyDue(received).due().toString());
    }

    /** A letter without a description, without an e-mail, asking for e-mail delivery. */
    private static String defectiveLetter(LocalDate received) {
        return TestApplications.DESIGN_EXAMPLE_JSON.replace("\"ONLINE\"", "\"LETTER\"")
                .replace("2026-11-23", received.toString())
                .replace("\"zhangsan@example.cn\"", "null")
                .replace("2025年临沂市某路段道路拓宽工程的立项批复文件", "");
    }

    @Test
    void staffRegisterADefectiveLetterAndItsFirstTaskIsTheCorrection() {
        LocalDate received = LocalDate.now(CalendarConfiguration.CHINA).minusDays(1);
        ResponseEntity<Map> r = post(http.withBasicAuth("clerk", "demo"), defectiveLetter(received));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) r.getBody().get("caseNo");
        assertThat(r.getBody()).containsEntry("receivedOn", received.toString());
        AsyncJobs.executeAll(management, runtime, caseNo);
        // The correction notice goes by post (no e-mail given): the clerk's 邮寄文书 task stands beside it.
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("AwaitCorrection").list();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).list())
                .extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("AwaitCorrection", "PostNotice");
        String items = (String) runtime.getVariable(open.get(0).getProcessInstanceId(), "missingItems");
        assertThat(items.lines()).hasSize(2)
                .anyMatch(l -> l.contains("请填写所需政府信息的名称"))
                .anyMatch(l -> l.contains("选择电子邮件获取信息时，请填写电子邮箱"));
        assertThat((String) runtime.getVariable(open.get(0).getProcessInstanceId(), "reviewNotes"))
                .contains("1. 请填写所需政府信息的名称");
        // The address given carries the notice by post.
        assertThat(caseFiles.get(caseNo).delivery()).isEqualTo(Delivery.POST);
    }

    @Test
    void theSameDefectiveLetterSentAnonymouslyIsStillRefused() {
        long before = cases.count();
        String json = defectiveLetter(LocalDate.now(CalendarConfiguration.CHINA)).replace("\"LETTER\"", "\"ONLINE\"");
        ResponseEntity<Map> r = post(http, json);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).extracting(e -> e.get("field")).contains("request.description", "applicant.email");
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void staffAreStillRefusedForFaultsOfTheEntryItself() {
        long before = cases.count();
        String json = defectiveLetter(LocalDate.now(CalendarConfiguration.CHINA).plusDays(3))
                .replace("\"NATURAL_PERSON\"", "null");
        ResponseEntity<Map> r = post(http.withBasicAuth("clerk", "demo"), json);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).extracting(e -> e.get("field")).containsExactlyInAnyOrder("receivedOn", "applicant.type");
        assertThat(post(http.withBasicAuth("clerk", "demo"), "{\"channel\": \"LETTER\", ").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void wrongStaffPasswordIsRefused() {
        ResponseEntity<Map> r = post(http.withBasicAuth("intruder", "wrong"), TestApplications.DESIGN_EXAMPLE_JSON);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
