package cn.gov.disclosure.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.IdentityNumbers;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Identity numbers and tracking codes never reach the log: every way in (JSON API, the portal form, a clerk's
 * Tasklist start form), valid and refused, with the acknowledgment e-mailed and the case looked up. Spring
 * MVC's body logging is turned up to TRACE meanwhile, as an operator chasing a problem would: it prints
 * request and response bodies through their toString.
 */
@ExtendWith(OutputCaptureExtension.class)
class IntakeLogPrivacyTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired MailOutbox outbox;
    @Autowired CaseFileService caseFiles;
    @Autowired CaseRepository cases;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Autowired LoggingSystem logging;

    /**
     * The class that logs request and response bodies. (Not the whole package: at DEBUG its exception
     * resolver prints Jackson's parse errors, which quote the offending value; see the report.)
     */
    private static final String BODY_LOGGER =
            "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor";

    @BeforeEach
    void traceBodies() {
        logging.setLogLevel(BODY_LOGGER, LogLevel.TRACE);
    }

    @AfterEach
    void quietAgain() {
        logging.setLogLevel(BODY_LOGGER, null);
    }

    @Test
    void noIdentityNumberOrTrackingCodeInTheLog(CapturedOutput log) throws Exception {
        List<String> secrets = new ArrayList<>();
        List<String> caseNos = new ArrayList<>();

        // JSON API: accepted, refused for another field, and a type error right beside the number.
        String apiId = residentId("37130219850615101");
        secrets.add(apiId);
        ResponseEntity<Map> accepted = postJson(TestApplications.DESIGN_EXAMPLE_JSON.replace("11010519491231002X", apiId));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        caseNos.add((String) accepted.getBody().get("caseNo"));
        secrets.add((String) accepted.getBody().get("trackingCode"));
        String refusedId = residentId("37130219850615202");
        secrets.add(refusedId);
        assertThat(postJson(TestApplications.DESIGN_EXAMPLE_JSON.replace("11010519491231002X", refusedId)
                .replace("zhangsan@example.cn", "not an e-mail")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String badCheckDigit = "371302198506153030";
        secrets.add(badCheckDigit);
        assertThat(postJson(TestApplications.DESIGN_EXAMPLE_JSON.replace("11010519491231002X", badCheckDigit))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(TestApplications.DESIGN_EXAMPLE_JSON.replace("\"RESIDENT_ID_CARD\"", "\"" + apiId + "\""))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // The portal form: accepted and refused.
        String cookie = http.getForEntity("/apply", String.class).getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("PORTAL-CSRF=")).findFirst().orElseThrow().split(";")[0];
        String portalId = residentId("37130219850615404");
        secrets.add(portalId);
        long before = cases.count();
        postForm(cookie, "/apply", Map.of("name", "李四", "idNumber", portalId, "email", "lisi@example.cn",
                "description", "某项目的立项批复文件"));
        assertThat(cases.count()).isEqualTo(before + 1);
        String portalRefusedId = residentId("37130219850615505");
        secrets.add(portalRefusedId);
        postForm(cookie, "/apply", Map.of("name", "李四", "idNumber", portalRefusedId, "email", "x",
                "description", "某"));
        assertThat(cases.count()).isEqualTo(before + 1);

        // A clerk's registration from Tasklist's start form: accepted and refused.
        String formId = residentId("37130219850615606");
        secrets.add(formId);
        String today = LocalDate.now(CalendarConfiguration.CHINA).toString();
        assertThat(startForm(formId, "wangwu@example.cn", today).getStatusCode()).isEqualTo(HttpStatus.OK);
        String formRefusedId = residentId("37130219850615707");
        secrets.add(formRefusedId);
        // Staff registrations are refused only for faults of the entry (不拒收), here a date of receipt to come.
        assertThat(startForm(formRefusedId, "not an e-mail",
                LocalDate.now(CalendarConfiguration.CHINA).plusDays(2).toString()).getStatusCode().is2xxSuccessful())
                .isFalse();
        // Registered despite the unusable e-mail (it becomes a correction item): still no number in the log.
        String formDefectiveId = residentId("37130219850615808");
        secrets.add(formDefectiveId);
        assertThat(startForm(formDefectiveId, "not an e-mail", today).getStatusCode()).isEqualTo(HttpStatus.OK);

        // Look-ups with the right and a wrong code; the acknowledgment goes out by e-mail.
        String caseNo = caseNos.get(0);
        String code = secrets.get(1);
        assertThat(http.getForEntity("/api/applications/" + caseNo + "?trackingCode=" + code, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/applications/" + caseNo + "?trackingCode=" + code.replace('-', 'Z'),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postForm(cookie, "/track", Map.of("caseNo", caseNo, "trackingCode", code)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // The acknowledgment jobs run, so their log is captured too.
        caseNos.forEach(no -> AsyncJobs.executeAll(management, runtime, no));
        awaitSent(caseFiles.get(caseNo).id());

        assertThat(log.getAll()).contains("Registered case " + caseNo).contains("Writing [Receipt[");
        for (String secret : secrets) {
            assertThat(log.getAll()).as("log output").doesNotContain(secret);
        }
        assertThat(log.getAll()).contains(IdentityNumbers.mask(apiId));
    }

    private ResponseEntity<Map> postJson(String json) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/applications", new HttpEntity<>(json, h), Map.class);
    }

    private ResponseEntity<String> postForm(String cookie, String path, Map<String, String> fields) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add(HttpHeaders.COOKIE, cookie);
        StringBuilder body = new StringBuilder("_csrf=" + cookie.substring("PORTAL-CSRF=".length()));
        fields.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.postForEntity(path, new HttpEntity<>(body.toString(), h), String.class);
    }

    private ResponseEntity<String> startForm(String idNumber, String email, String receivedOn) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        String vars = """
                {"variables": {
                  "channel": {"value": "LETTER"}, "receivedOn": {"value": "%s"},
                  "applicantType": {"value": "NATURAL_PERSON"}, "applicantName": {"value": "王五"},
                  "idType": {"value": "RESIDENT_ID_CARD"}, "idNumber": {"value": "%s"},
                  "email": {"value": "%s"}, "address": {"value": "山东省临沂市兰山区"},
                  "description": {"value": "某路段道路拓宽工程的立项批复文件"},
                  "form": {"value": "ELECTRONIC"}, "delivery": {"value": "EMAIL"}}}
                """.formatted(receivedOn, idNumber, email);
        return http.withBasicAuth("clerk", "demo").postForEntity(
                "/engine-rest/process-definition/key/disclosure-application/submit-form", new HttpEntity<>(vars, h),
                String.class);
    }

    private void awaitSent(long caseId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.forCase(caseId).stream().noneMatch(m -> MailOutbox.SENT.equals(m.status()))) {
            assertThat(System.nanoTime()).as("acknowledgment sent within 30 s").isLessThan(until);
            Thread.sleep(100);
        }
    }

    /** A resident identity number with a correct GB 11643 check character. */
    static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        String id = first17 + "10X98765432".charAt(sum % 11);
        assertThat(IdentityNumbers.isValidResidentId(id)).isTrue();
        return id;
    }
}
