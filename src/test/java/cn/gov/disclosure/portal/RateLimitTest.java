package cn.gov.disclosure.portal;

import cn.gov.disclosure.ratelimit.RateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.workflow.TestApplications;

/** Per-address limits on submissions and look-ups, with a refused application shown back intact. */
class RateLimitTest extends IntegrationTest {

    @Autowired RateLimiter limiter;

    @BeforeEach
    void lowLimits() {
        limiter.reset(3, 5);
    }

    @AfterEach
    void highLimitsAgain() {
        limiter.reset(100_000, 100_000);
    }

    @Autowired TestRestTemplate http;
    @Autowired CaseRepository cases;
    @Autowired cn.gov.disclosure.casefile.CaseFileService caseFiles;
    @Autowired cn.gov.disclosure.mail.MailOutbox outbox;

    private ResponseEntity<Map> post(String json) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/applications", new HttpEntity<>(json, h), Map.class);
    }

    @Test
    void submissionsAndLookupsAreLimitedPerAddress() {
        String caseNo = null;
        for (int i = 0; i < 3; i++) {
            ResponseEntity<Map> ok = post(TestApplications.DESIGN_EXAMPLE_JSON);
            assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            caseNo = (String) ok.getBody().get("caseNo");
        }
        long stored = cases.count();
        ResponseEntity<Map> refused = post(TestApplications.DESIGN_EXAMPLE_JSON);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(((List<Map<String, String>>) refused.getBody().get("errors")).get(0).get("message"))
                .contains("提交过于频繁");
        assertThat(cases.count()).isEqualTo(stored);

        // Staff are not limited.
        assertThat(http.withBasicAuth("clerk", "demo").exchange("/api/applications",
                org.springframework.http.HttpMethod.POST, new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON
                        .replace("2026-11-23", java.time.LocalDate.now(
                                cn.gov.disclosure.calendar.CalendarConfiguration.CHINA).toString()),
                        jsonHeaders()), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // The portal shows the form again with everything typed, instead of losing it.
        ResponseEntity<String> form = http.getForEntity("/apply", String.class);
        String cookie = form.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("PORTAL-CSRF="))
                .findFirst().orElseThrow().split(";")[0];
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add(HttpHeaders.COOKIE, cookie);
        String body = "_csrf=" + cookie.substring("PORTAL-CSRF=".length())
                + "&name=%E6%9D%8E%E5%9B%9B&idNumber=11010519491231002X&email=lisi%40example.cn"
                + "&description=%E6%9F%90%E9%A1%B9%E7%9B%AE%E7%9A%84%E7%AB%8B%E9%A1%B9%E6%89%B9%E5%A4%8D";
        ResponseEntity<String> page = http.postForEntity("/apply", new HttpEntity<>(body, h), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("提交过于频繁").contains("value=\"李四\"").contains("某项目的立项批复");

        for (int i = 0; i < 5; i++) {
            assertThat(http.getForEntity("/api/applications/" + caseNo + "?trackingCode=X", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        ResponseEntity<String> tooMany = http.getForEntity("/api/applications/" + caseNo + "?trackingCode=X",
                String.class);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(tooMany.getBody()).contains("查询过于频繁");
    }

    /** By default no proxy is trusted: a made-up X-Forwarded-For does not buy a fresh bucket. */
    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
        limiter.reset(1, 5);
        assertThat(postFrom("198.51.100.1").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(postFrom("198.51.100.2").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(post(TestApplications.DESIGN_EXAMPLE_JSON).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    /** Over the look-up limit, a suggestion (or correction) with the right code stores and mails nothing. */
    @Test
    void theLimitIsCheckedBeforeAnythingIsStored() {
        ResponseEntity<Map> receipt = post(TestApplications.DESIGN_EXAMPLE_JSON);
        String caseNo = (String) receipt.getBody().get("caseNo");
        String code = (String) receipt.getBody().get("trackingCode");
        limiter.reset(3, 1);
        assertThat(http.getForEntity("/api/applications/" + caseNo + "?trackingCode=X", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        int events = caseFiles.events(caseNo).size();
        int mails = outbox.forCase(caseFiles.get(caseNo).id()).size();

        ResponseEntity<String> form = http.getForEntity("/track", String.class);
        String cookie = form.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("PORTAL-CSRF="))
                .findFirst().orElseThrow().split(";")[0];
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add(HttpHeaders.COOKIE, cookie);
        String csrf = "_csrf=" + cookie.substring("PORTAL-CSRF=".length());
        ResponseEntity<String> suggest = http.postForEntity("/track/suggest", new HttpEntity<>(csrf + "&caseNo=" + caseNo
                + "&trackingCode=" + code + "&suggestion=%E5%BB%BA%E8%AE%AE%E5%85%AC%E5%BC%80", h), String.class);
        assertThat(suggest.getBody()).contains("查询过于频繁");
        ResponseEntity<String> correction = http.postForEntity("/track/correction", new HttpEntity<>(csrf + "&caseNo="
                + caseNo + "&trackingCode=" + code + "&correctedDescription=%E6%9F%90%E6%96%87%E4%BB%B6", h),
                String.class);
        assertThat(correction.getBody()).contains("查询过于频繁");
        assertThat(caseFiles.events(caseNo)).hasSize(events);
        assertThat(outbox.forCase(caseFiles.get(caseNo).id())).hasSize(mails);
    }

    private ResponseEntity<Map> postFrom(String forwardedFor) {
        HttpHeaders h = jsonHeaders();
        h.add("X-Forwarded-For", forwardedFor);
        return http.postForEntity("/api/applications", new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON, h),
                Map.class);
    }

    @Test
    void oversizedJsonIsRefusedBeforeItIsRead() {
        String huge = TestApplications.DESIGN_EXAMPLE_JSON.replace("\"feeWaiverReason\": null",
                "\"feeWaiverReason\": \"" + "很".repeat(40_000) + "\"");
        ResponseEntity<String> r = http.exchange("/api/applications", org.springframework.http.HttpMethod.POST,
                new HttpEntity<>(huge, jsonHeaders()), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(r.getBody()).contains("提交的内容过大");
    }

    @Test
    void portalFormsNeedTheirCsrfToken() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> r = http.postForEntity("/track", new HttpEntity<>("caseNo=GK-2026-00001&trackingCode=X", h),
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }
}
