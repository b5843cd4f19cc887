package cn.gov.disclosure.acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Staff registering a letter or a walk-in get the case number, the tracking code and {@code receiptUrl}: the
 * printable receipt (受理回执) naming both and the status page, opened with the Tasklist sign-in, issued on demand
 * when its job has not run yet, and once only.
 */
class StaffReceiptTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;
    @Autowired CaseFileService caseFiles;

    private ResponseEntity<Map> registerLetter() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        String letter = TestApplications.DESIGN_EXAMPLE_JSON.replace("\"ONLINE\"", "\"LETTER\"")
                .replace("2026-11-23", LocalDate.now(CalendarConfiguration.CHINA).toString());
        return http.withBasicAuth("clerk", "demo").postForEntity("/api/applications", new HttpEntity<>(letter, h),
                Map.class);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    private long count(String sql, long caseId) {
        return jdbc.sql(sql).param(caseId).query(Long.class).single();
    }

    @Test
    void staffGetAReceiptNamingCaseNumberAndTrackingCodeIssuedOnceEvenBeforeItsJob() throws Exception {
        ResponseEntity<Map> created = registerLetter();
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) created.getBody().get("caseNo");
        String code = (String) created.getBody().get("trackingCode");
        assertThat(created.getBody()).containsEntry("receiptUrl", "/staff/receipts/" + caseNo + ".pdf")
                .containsKeys("receivedOn", "dueOn");
        long caseId = caseFiles.get(caseNo).id();
        assertThat(count("SELECT count(*) FROM notice WHERE case_id = ? AND notice_type = 'ACKNOWLEDGMENT'", caseId))
                .as("the job has not run yet").isZero();

        ResponseEntity<byte[]> receipt = http.withBasicAuth("clerk", "demo")
                .getForEntity((String) created.getBody().get("receiptUrl"), byte[].class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(receipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(receipt.getHeaders().getCacheControl()).contains("no-store");
        String t = text(receipt.getBody());
        assertThat(t).contains("受理回执").contains(caseNo).contains(code).contains("http://localhost:8080/track");

        // Printed again, and then the job runs: still one acknowledgment and one e-mail.
        ResponseEntity<byte[]> again = http.withBasicAuth("clerk", "demo")
                .getForEntity("/staff/receipts/" + caseNo + ".pdf", byte[].class);
        assertThat(again.getBody()).isEqualTo(receipt.getBody());
        AsyncJobs.executeAll(management, runtime, caseNo);
        assertThat(count("SELECT count(*) FROM notice WHERE case_id = ? AND notice_type = 'ACKNOWLEDGMENT'", caseId))
                .isOne();
        assertThat(count("SELECT count(*) FROM mail_outbox m JOIN notice n ON m.notice_id = n.id WHERE n.case_id = ? "
                + "AND n.notice_type = 'ACKNOWLEDGMENT'", caseId)).isOne();
        assertThat(count("SELECT count(*) FROM pending_acknowledgment WHERE case_id = ?", caseId)).isZero();
    }

    /**
     * Issue 15's acceptance test, as it states it: staff registering a letter with no description and no e-mail (不拒收)
     * get 201 with {@code receiptUrl}, and the receipt fetched from it with the same credentials names the case
     * number and the tracking code.
     */
    @Test
    void aLetterWithNoDescriptionAndNoEmailGets201WithAReceiptNamingCaseNumberAndTrackingCode() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        String letter = TestApplications.DESIGN_EXAMPLE_JSON.replace("\"ONLINE\"", "\"LETTER\"")
                .replace("2026-11-23", LocalDate.now(CalendarConfiguration.CHINA).toString())
                .replace("\"zhangsan@example.cn\"", "null")
                .replace("2025年临沂市某路段道路拓宽工程的立项批复文件", "");
        assertThat(letter).doesNotContain("@").contains("\"description\": \"\"");
        ResponseEntity<Map> created = http.withBasicAuth("clerk", "demo").postForEntity("/api/applications",
                new HttpEntity<>(letter, h), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) created.getBody().get("caseNo");
        String code = (String) created.getBody().get("trackingCode");
        assertThat(caseNo).startsWith("GK-");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        String receiptUrl = (String) created.getBody().get("receiptUrl");
        assertThat(receiptUrl).isEqualTo("/staff/receipts/" + caseNo + ".pdf");

        ResponseEntity<byte[]> receipt = http.withBasicAuth("clerk", "demo").getForEntity(receiptUrl, byte[].class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(receipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String t = cn.gov.disclosure.notice.NoticeChecker.textOf(receipt.getBody()).replaceAll("\\s+", "");
        assertThat(t).contains("受理回执").contains(caseNo).contains(code);
        // Registered all the same, with the correction first (不拒收).
        AsyncJobs.executeAll(management, runtime, caseNo);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()).isNotEmpty();
        assertThat(caseFiles.events(caseNo)).anyMatch(e -> "MISSING_ITEMS".equals(e.type()));
    }

    @Test
    void theReceiptOpensInTheTasklistSessionAndIsRefusedToAnyoneElse() {
        ResponseEntity<Map> created = registerLetter();
        String caseNo = (String) created.getBody().get("caseNo");
        String code = (String) created.getBody().get("trackingCode");
        String url = "/staff/receipts/" + caseNo + ".pdf";

        assertThat(http.getForEntity(url, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // The applicant's tracking code opens their own notices, not the staff receipt.
        assertThat(http.getForEntity(url + "?trackingCode=" + code, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // (Not a wrong password for clerk: Camunda would lock the account for a while.)
        assertThat(http.withBasicAuth("nobody", "demo").getForEntity(url, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("clerk", "demo").getForEntity("/staff/receipts/GK-1999-99999.pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, tasklistSession("clerk"));
        ResponseEntity<byte[]> inTasklist = http.exchange(url, HttpMethod.GET, new HttpEntity<>(session), byte[].class);
        assertThat(inTasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(inTasklist.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    }

    private String tasklistSession(String user) {
        return cn.gov.disclosure.support.TasklistSessions.signIn(http, user);
    }
}
