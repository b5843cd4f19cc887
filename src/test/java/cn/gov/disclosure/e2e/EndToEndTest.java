package cn.gov.disclosure.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.mail.DemoMailServer;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * From an application over HTTP to the PDF reply in the applicant's mailbox: the real engine driven
 * through its REST API by the right users, real H2, and SMTP delivery to GreenMail.
 */
class EndToEndTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired DemoMailServer mailbox;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    /** Runs the case's steps that render, mail or call out: they are jobs, and tests have no job executor. */
    private void executeAsyncJobs(String caseNo) {
        AsyncJobs.executeAll(management, runtime, caseNo);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, h);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasks(String user, String caseNo) {
        executeAsyncJobs(caseNo);
        return as(user).getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseNo, List.class);
    }

    private void completeOnlyTask(String user, String caseNo, String expectedName, String variablesJson) {
        List<Map<String, Object>> open = tasks(user, caseNo);
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("name", expectedName);
        ResponseEntity<String> r = as(user).postForEntity("/engine-rest/task/" + open.get(0).get("id") + "/complete",
                json("{\"variables\": " + variablesJson + "}"), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        executeAsyncJobs(caseNo);
    }

    private List<MimeMessage> mailsFor(String caseNo) {
        executeAsyncJobs(caseNo);
        return Arrays.stream(mailbox.received()).filter(m -> subject(m).contains(caseNo)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApplicationBecomesADisclosureReplyInTheApplicantsMailbox() throws Exception {
        ResponseEntity<Map> receipt = http.postForEntity("/api/applications",
                json(TestApplications.DESIGN_EXAMPLE_JSON), Map.class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) receipt.getBody().get("caseNo");
        String trackingCode = (String) receipt.getBody().get("trackingCode");

        // The clerk group works the new case; the legal group may read it (tasks are read per process) but not
        // take it.
        Map<String, Object> review = tasks("clerk", caseNo).get(0);
        assertThat(as("legal").postForEntity("/engine-rest/task/" + review.get("id") + "/claim",
                json("{\"userId\": \"legal\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(review).containsEntry("name", "审查申请内容");
        assertThat(review.get("due")).isNotNull();

        // The acknowledgment arrives by e-mail with its PDF.
        AsyncJobs.executeAll(management, runtime, caseNo);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsFor(caseNo).size() == 1);
        assertThat(subject(mailsFor(caseNo).get(0))).contains("受理回执");

        completeOnlyTask("clerk", caseNo, "审查申请内容", "{\"completeness\": {\"value\": \"COMPLETE\"}}");
        completeOnlyTask("clerk", caseNo, "检索查找政府信息", "{\"searchNotes\": {\"value\": \"已检索到立项批复\"}}");
        completeOnlyTask("clerk", caseNo, "拟定答复意见", """
                {"replyType": {"value": "DISCLOSED"},
                 "disclosureDetails": {"value": "立项批复文件电子版一份，随本答复书发送"},
                 "reasoning": {"value": "该信息不涉及国家秘密、商业秘密和个人隐私"}}""");
        // The clerk reads the draft (a staff-only PDF) before submitting it.
        Map<String, Object> confirm = tasks("clerk", caseNo).get(0);
        assertThat(confirm).containsEntry("name", "核对答复书草稿");
        Map<String, Object> draftUrl = as("clerk").getForObject("/engine-rest/task/" + confirm.get("id")
                + "/variables/draftNoticeUrl", Map.class);
        String url = (String) draftUrl.get("value");
        assertThat(http.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<byte[]> draft = as("clerk").getForEntity(url, byte[].class);
        assertThat(draft.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        completeOnlyTask("clerk", caseNo, "核对答复书草稿", "{\"confirmation\": {\"value\": \"SUBMIT\"}}");
        // Nothing left for the clerk: the one open task is the secrecy reviewer's (visible, not the clerk's to work).
        assertThat(tasks("clerk", caseNo)).extracting(t -> t.get("taskDefinitionKey")).containsExactly("SecrecyReview");
        // Art. 17: a disclosure passes the confidentiality review first.
        completeOnlyTask("secrecy", caseNo, "保密审查", "{\"secrecyOutcome\": {\"value\": \"CLEARED\"}}");

        await().atMost(Duration.ofSeconds(15)).until(() -> mailsFor(caseNo).size() == 2);
        MimeMessage reply = mailsFor(caseNo).stream().filter(m -> subject(m).contains("答复书")).findFirst()
                .orElseThrow();
        assertThat(reply.getAllRecipients()[0].toString()).isEqualTo("zhangsan@example.cn");
        byte[] pdf = firstAttachment(reply);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // Lines and pages break wherever the layout puts them; compare the characters, not the breaks.
            String text = stripper.getText(doc).replaceAll("\\s+", "").replaceAll("—\\d+—", "");
            assertThat(text).contains(caseNo).contains("中华人民共和国政府信息公开条例")
                    .contains("第三十六条第二项").contains("六十日内").contains("六个月内")
                    .contains("示例市人民政府").contains("示例市人民法院");
        }

        // The applicant follows the case with the tracking code, and only with it.
        ResponseEntity<Map> view = http.getForEntity("/api/applications/" + caseNo + "?trackingCode=" + trackingCode,
                Map.class);
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(view.getBody()).containsEntry("status", "ARCHIVED");
        List<Map<String, Object>> notices = (List<Map<String, Object>>) view.getBody().get("notices");
        assertThat(notices).extracting(n -> n.get("type")).containsExactly("ACKNOWLEDGMENT", "REPLY");
        ResponseEntity<byte[]> download = http.getForEntity(notices.get(1).get("pdf") + "?trackingCode=" + trackingCode,
                byte[].class);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getBody()).isEqualTo(pdf);

        ResponseEntity<String> wrongCode = http.getForEntity("/api/applications/" + caseNo + "?trackingCode=AAAA-BBBB",
                String.class);
        ResponseEntity<String> noSuchCase = http.getForEntity("/api/applications/GK-1999-99999?trackingCode="
                + trackingCode, String.class);
        assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongCode.getBody()).isEqualTo(noSuchCase.getBody());
        assertThat(http.getForEntity(notices.get(1).get("pdf") + "?trackingCode=AAAA", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * The extension path with real users and Camunda authorization: the clerk asks through the engine REST,
     * the head approves, and the clerk's task, the case and the applicant all learn the new due date.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theHeadApprovesAnExtensionAndTheApplicantIsTold() throws Exception {
        Map<String, Object> receipt = http.postForObject("/api/applications",
                json(TestApplications.DESIGN_EXAMPLE_JSON.replace("立项批复文件", "可行性研究报告")), Map.class);
        String caseNo = (String) receipt.get("caseNo");
        String dueBefore = (String) receipt.get("dueOn");
        AsyncJobs.continueIntake(management, runtime, caseNo);
        completeOnlyTask("clerk", caseNo, "审查申请内容", "{\"completeness\": {\"value\": \"COMPLETE\"}}");

        ResponseEntity<String> started = as("clerk").postForEntity(
                "/engine-rest/process-definition/key/extension-request/submit-form",
                json("{\"variables\": {\"caseNo\": {\"value\": \"" + caseNo + "\"},"
                        + " \"extensionDays\": {\"value\": 10, \"type\": \"Long\"},"
                        + " \"extensionReason\": {\"value\": \"需要调取的档案分散在多个科室\"}}}"), String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(tasks("clerk", caseNo)).extracting(t -> t.get("name")).containsExactly("检索查找政府信息");

        // The head reads the application's tasks too (its filter 待法制审核); its own are its group's.
        assertThat(tasks("head", caseNo)).extracting(t -> t.get("name"))
                .containsExactlyInAnyOrder("检索查找政府信息", "审批延长答复期限");
        List<Map<String, Object>> headTasks = as("head").getForObject(
                "/engine-rest/task?candidateGroup=head&processInstanceBusinessKey=" + caseNo, List.class);
        assertThat(headTasks).extracting(t -> t.get("name")).containsExactly("审批延长答复期限");
        ResponseEntity<String> approved = as("head").postForEntity(
                "/engine-rest/task/" + headTasks.get(0).get("id") + "/complete",
                json("{\"variables\": {\"extensionDecision\": {\"value\": \"APPROVED\"}}}"), String.class);
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        executeAsyncJobs(caseNo);

        Map<String, Object> view = http.getForObject("/api/applications/" + caseNo + "?trackingCode="
                + receipt.get("trackingCode"), Map.class);
        String dueAfter = (String) view.get("dueOn");
        assertThat(java.time.LocalDate.parse(dueAfter)).isAfter(java.time.LocalDate.parse(dueBefore));
        // The clerk's task bound to the reply limit moved with it (due dates are 23:59 Beijing = 15:59 UTC).
        Map<String, Object> clerkTask = tasks("clerk", caseNo).get(0);
        assertThat((String) clerkTask.get("due")).startsWith(dueAfter + "T15:59");

        await().atMost(Duration.ofSeconds(15)).until(() -> mailsFor(caseNo).stream()
                .anyMatch(m -> subject(m).contains("延长答复期限告知书")));
    }

    /** Art. 34: an agency answers through the one-time link in its e-mail; the link works once. */
    @Test
    @SuppressWarnings("unchecked")
    void aConsultedAgencyAnswersThroughItsLinkOnce() throws Exception {
        Map<String, Object> receipt = http.postForObject("/api/applications",
                json(TestApplications.DESIGN_EXAMPLE_JSON.replace("立项批复文件", "联合审批意见")), Map.class);
        String caseNo = (String) receipt.get("caseNo");
        completeOnlyTask("clerk", caseNo, "审查申请内容", "{\"completeness\": {\"value\": \"COMPLETE\"}}");
        completeOnlyTask("clerk", caseNo, "检索查找政府信息", """
                {"searchNotes": {"value": "审批意见由本机关与市自然资源和规划局联合作出"},
                 "consultAgencies": {"value": true}, "agencyCodes": {"value": "ZRZY"},
                 "consultThirdParty": {"value": false},
                 "informationConcerned": {"value": "联合审批意见全文"}}""");

        // The applicant sees why the clock stands still.
        Map<String, Object> view = http.getForObject("/api/applications/" + caseNo + "?trackingCode="
                + receipt.get("trackingCode"), Map.class);
        assertThat((String) view.get("statusNote")).contains("征求其他机关意见中，该期间不计入答复期限");
        assertThat(view.get("dueOn")).isNull();

        await().atMost(Duration.ofSeconds(15)).until(() -> mailsFor(caseNo).stream().anyMatch(this::isAgencyLetter));
        MimeMessage letter = mailsFor(caseNo).stream().filter(this::isAgencyLetter).findFirst().orElseThrow();
        assertThat(letter.getAllRecipients()[0].toString()).isEqualTo("gongkai@zrzy.example.cn");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:8080(/consultation/[A-Z0-9-]+)")
                .matcher(cn.gov.disclosure.mail.MailboxController.textOf(letter));
        assertThat(link.find()).isTrue();
        String path = link.group(1);

        ResponseEntity<String> page = http.getForEntity(path, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("示例市自然资源和规划局").contains("联合审批意见全文").contains("视为同意公开");
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> missingReason = http.postForEntity(path, new HttpEntity<>("outcome=OBJECTS", form),
                String.class);
        assertThat(missingReason.getBody()).contains("不同意公开的，请写明理由");
        ResponseEntity<String> answered = http.postForEntity(path,
                new HttpEntity<>("outcome=AGREES&opinion=" + java.net.URLEncoder.encode("同意公开", "UTF-8"), form),
                String.class);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).contains("意见已提交");

        // The clerk's waiting task was completed by the answer, the clock runs again, the case moves on.
        assertThat(tasks("clerk", caseNo)).extracting(t -> t.get("name")).containsExactly("拟定答复意见");
        Map<String, Object> after = http.getForObject("/api/applications/" + caseNo + "?trackingCode="
                + receipt.get("trackingCode"), Map.class);
        assertThat(after.get("statusNote")).isNull();
        assertThat(after.get("dueOn")).isNotNull();

        // The applicant was told by e-mail that the clock stopped, and when it started again.
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsFor(caseNo).stream().anyMatch(m -> subject(m)
                .startsWith("答复期限恢复计算")));
        assertThat(mailsFor(caseNo)).anyMatch(m -> subject(m).startsWith("答复期限暂停计算"));

        // A second use of the same link is refused.
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(http.postForEntity(path, new HttpEntity<>("outcome=OBJECTS&opinion=x", form), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(http.getForEntity("/consultation/AAAA-BBBB", String.class).getStatusCode())
                .isEqualTo(HttpStatus.GONE);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private boolean isAgencyLetter(MimeMessage m) {
        return subject(m).startsWith("政府信息公开征求意见函");
    }

    private static byte[] firstAttachment(MimeMessage m) throws MessagingException, IOException {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart part = mp.getBodyPart(i);
            if (part.getFileName() != null) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment");
    }
}
