package cn.gov.disclosure.acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.support.TasklistSessions;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * Issue 15: whichever way a case registered by a clerk goes on — a walk-in answered on the spot goes straight to
 * 归档, a defective letter straight to 等待申请人补正, neither through 审查申请内容 — the clerk who registered it
 * reaches its 受理回执 with the Tasklist sign-in: on the page of their recent registrations (linked from the start
 * form) and, while a correction is awaited, from that task's form. Each test registers as a clerk of its own, so
 * other tests' registrations never crowd the page.
 */
class ReceiptOnEveryPathTest extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("查询码([2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3})");

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CaseFileService caseFiles;
    @Autowired RepositoryService repository;

    private String clerk;

    @BeforeEach
    void aClerkOfItsOwn() {
        clerk = "counter" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        User u = identity.newUser(clerk);
        u.setFirstName("窗口");
        u.setLastName("工作人员");
        u.setPassword("demo");
        identity.saveUser(u);
        identity.createMembership(clerk, "clerk");
    }

    @AfterEach
    void removeTheClerk() {
        identity.clearAuthentication();
        identity.deleteMembership(clerk, "clerk");
        identity.deleteUser(clerk);
    }

    @Test
    void aWalkInWithNoEmailAnsweredOnTheSpotFindsItsReceiptOnTheClerksPage() throws Exception {
        Map<String, Object> form = walkIn();
        form.put("repliedOnSpot", true);
        form.put("onSpotReplyType", "ALREADY_PUBLIC");
        form.put("onSpotReply", "已告知申请人：该清单已在本机关门户网站“政府信息公开—重点领域”栏目公开。");
        ProcessInstance pi = register(form);
        String caseNo = pi.getBusinessKey();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("ArchiveCase").count()).as("archived at once").isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("ReviewCompleteness").count()).as("no task that shows the receipt").isZero();

        String session = TasklistSessions.signIn(http, clerk);
        ResponseEntity<String> page = get("/staff/receipts/recent", session, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getCacheControl()).contains("no-store");
        assertThat(page.getBody()).contains("本人近期登记的申请").contains(caseNo).contains("当面")
                .contains("href=\"/staff/receipts/" + caseNo + ".pdf\"")
                .as("the code only in the PDF").doesNotContainPattern(CODE.pattern());

        byte[] receipt = assertReceiptNamesCaseAndItsCode(caseNo, session);
        // Kept for a person to look at (target/screenshots; pdftoppm -r 80 for docs/screenshots).
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "walk-in-receipt.pdf"), receipt);
    }

    /**
     * Art. 33(1): the clerk prints the receipt of a walk-in answered at the counter straight away, before the job
     * that continues the intake has run: it states the reply given and promises no reply period. The step that
     * follows in the job records nothing twice.
     */
    @Test
    void art33_1_aReceiptPrintedBeforeTheIntakeContinuesStatesTheCounterReply() throws Exception {
        Map<String, Object> form = walkIn();
        form.put("repliedOnSpot", true);
        form.put("onSpotReplyType", "ALREADY_PUBLIC");
        form.put("onSpotReply", "已告知申请人：该名单已在本机关门户网站公开。");
        identity.setAuthentication(clerk, List.of("clerk"));
        ProcessInstance pi;
        try {
            pi = runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, form);
        } finally {
            identity.clearAuthentication();
        }
        String caseNo = pi.getBusinessKey();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("RecordOnTheSpotReply").count()).as("the intake has not continued yet").isZero();

        byte[] receipt = assertReceiptNamesCaseAndItsCode(caseNo, TasklistSessions.signIn(http, clerk));
        String text = NoticeChecker.textOf(receipt).replaceAll("\\s+", "");
        assertThat(text).contains("该名单已在本机关门户网站公开").contains("第三十三条第一款")
                .doesNotContain("二十个工作日内");

        AsyncJobs.executeAll(management, runtime, caseNo);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("ArchiveCase").count()).as("archived").isOne();
        assertThat(caseFiles.events(caseNo).stream().filter(e -> "REPLIED_ON_THE_SPOT".equals(e.type())
                && "onSpotReply".equals(e.field()))).as("recorded once, by the registering clerk").singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(clerk));
    }

    @Test
    void aDefectiveLetterWaitingForItsCorrectionShowsTheReceiptInTheTaskAndOnTheClerksPage() throws Exception {
        Map<String, Object> form = walkIn();
        form.put("channel", "LETTER");
        form.put("receivedOn", today().minusDays(1).toString());
        form.remove("description");
        form.put("delivery", "EMAIL");  // asked for e-mail, gave none, nor a description: registered all the same
        ProcessInstance pi = register(form);
        String caseNo = pi.getBusinessKey();
        Task waiting = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("AwaitCorrection")
                .singleResult();
        assertThat(waiting).as("补正 first").isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ReviewCompleteness")
                .count()).isZero();

        // The task's form links the receipt, and the variable it names is the case's receipt.
        try (InputStream in = forms.getDeployedTaskForm(waiting.getId())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("]({{receiptUrl}})");
        }
        assertThat(tasks.getVariable(waiting.getId(), "receiptUrl")).isEqualTo(ReceiptController.receiptUrl(caseNo));

        String session = TasklistSessions.signIn(http, clerk);
        assertThat(get("/staff/receipts/recent", session, String.class).getBody())
                .contains("href=\"/staff/receipts/" + caseNo + ".pdf\"").contains("信函");
        assertReceiptNamesCaseAndItsCode(caseNo, session);
    }

    @Test
    void thePageListsOnlyTheSignedInClerksOwnRegistrationsAndNeedsASignIn() {
        ProcessInstance mine = register(walkIn());
        String session = TasklistSessions.signIn(http, "legal");
        ResponseEntity<String> theirs = get("/staff/receipts/recent", session, String.class);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(theirs.getBody()).doesNotContain(mine.getBusinessKey());
        assertThat(http.getForEntity("/staff/receipts/recent", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The start form 收到申请 links the page, so the clerk finds it right after registering. */
    @Test
    void theStartFormLinksThePage() throws Exception {
        String definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(DisclosureVars.PROCESS_KEY).latestVersion().singleResult().getId();
        try (InputStream in = forms.getDeployedStartForm(definition)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("](/staff/receipts/recent)");
        }
    }

    private byte[] assertReceiptNamesCaseAndItsCode(String caseNo, String session) {
        ResponseEntity<byte[]> pdf = get(ReceiptController.receiptUrl(caseNo), session, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = NoticeChecker.textOf(pdf.getBody()).replaceAll("\\s+", "");
        assertThat(text).contains("受理回执").contains(caseNo);
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).as("a tracking code on the receipt: " + text).isTrue();
        assertThat(caseFiles.getForApplicant(caseNo, code.group(1)).caseNo()).as("it is this case's code")
                .isEqualTo(caseNo);
        return pdf.getBody();
    }

    private ProcessInstance register(Map<String, Object> form) {
        identity.setAuthentication(clerk, List.of("clerk"));
        ProcessInstance pi;
        try {
            pi = runtime.startProcessInstanceByKey(
                    DisclosureVars.PROCESS_KEY, form);
        } finally {
            identity.clearAuthentication();
        }
        AsyncJobs.executeAll(management, runtime, pi.getBusinessKey());
        assertThat(caseFiles.get(pi.getBusinessKey()).createdBy()).isEqualTo(clerk);
        return pi;
    }

    /** A walk-in with no e-mail: a phone number and an address, the reply to be collected. */
    private static Map<String, Object> walkIn() {
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "IN_PERSON");
        form.put("receivedOn", today().toString());
        form.put("applicantType", "NATURAL_PERSON");
        form.put("applicantName", "孙七");
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", "11010519491231002X");
        form.put("phone", "13800000000");
        form.put("address", "临沂市兰山区某街道8号");
        form.put("description", "本街道2025年民生实事项目清单");
        form.put("form", "PAPER");
        form.put("delivery", "PICKUP");
        return form;
    }

    private static LocalDate today() {
        return LocalDate.now(CalendarConfiguration.CHINA);
    }

    private <T> ResponseEntity<T> get(String url, String session, Class<T> type) {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.COOKIE, session);
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(h), type);
    }
}
