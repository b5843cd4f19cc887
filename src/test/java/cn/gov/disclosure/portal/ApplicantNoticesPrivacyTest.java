package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * The applicant sees and downloads only what is addressed to them: the letters that consult a third party
 * or another agency (with that party's name and address) stay with staff, in the JSON view and on the pages,
 * and asking for one answers exactly like asking for a notice that does not exist.
 */
class ApplicantNoticesPrivacyTest extends IntegrationTest {

    private static final String THIRD_PARTY = "临沂某某建材有限公司（兰山区工业大道88号）";

    @Autowired TestRestTemplate http;
    @Autowired NoticeService notices;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void lettersToThirdPartiesAndAgenciesStayWithStaff() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        Map<?, ?> receipt = http.postForEntity("/api/applications",
                new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON, json), Map.class).getBody();
        String caseNo = (String) receipt.get("caseNo");
        String code = (String) receipt.get("trackingCode");
        AsyncJobs.executeAll(management, runtime, caseNo);
        LocalDate answerBy = LocalDate.now().plusDays(21);
        Notice toThirdParty = notices.issueThirdPartyConsultation(caseNo, THIRD_PARTY, "legal@jiancai.example.cn",
                "该公司报送的环评材料", answerBy);
        Notice toAgency = notices.issueAgencyConsultation(caseNo, "示例市自然资源和规划局", "gongkai@zrzy.example.cn",
                "联合发文的立项批复", answerBy);
        Notice overridden = notices.issuePublicInterestDisclosure(caseNo, THIRD_PARTY, "legal@jiancai.example.cn",
                "该公司报送的环评材料", "涉及公众环境权益");

        String base = "/api/applications/" + caseNo;
        ResponseEntity<Map> view = http.getForEntity(base + "?trackingCode=" + code, Map.class);
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) view.getBody().get("notices");
        assertThat(listed).extracting(n -> n.get("type")).containsExactly("ACKNOWLEDGMENT");

        ResponseEntity<String> missing = http.getForEntity(base + "/notices/987654321.pdf?trackingCode=" + code,
                String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (Notice letter : List.of(toThirdParty, toAgency, overridden)) {
            ResponseEntity<String> r = http.getForEntity(base + "/notices/" + letter.id() + ".pdf?trackingCode=" + code,
                    String.class);
            assertThat(r.getStatusCode()).as(letter.type()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(r.getBody()).isEqualTo(missing.getBody());
        }
        long ack = ((Number) listed.get(0).get("id")).longValue();
        assertThat(http.getForEntity(base + "/notices/" + ack + ".pdf?trackingCode=" + code, byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // The same on the status page and its download form.
        Portal portal = Portal.open(http);
        String page = portal.post("/track", "caseNo=" + caseNo + "&trackingCode=" + code).getBody();
        assertThat(page).contains(caseNo).contains("受理回执")
                .doesNotContain("第三方意见征询函", "征求意见函", "公开决定告知书", "987654321");
        for (Notice letter : List.of(toThirdParty, toAgency, overridden)) {
            assertThat(portal.post("/track/notice", "caseNo=" + caseNo + "&trackingCode=" + code + "&noticeId="
                    + letter.id()).getStatusCode()).as(letter.type()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(portal.post("/track/notice", "caseNo=" + caseNo + "&trackingCode=" + code + "&noticeId=" + ack)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** A browser on the portal: its CSRF cookie, sent back with every form. */
    record Portal(TestRestTemplate http, String cookie) {

        static Portal open(TestRestTemplate http) {
            String cookie = http.getForEntity("/track", String.class).getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                    .filter(c -> c.startsWith("PORTAL-CSRF=")).findFirst().orElseThrow().split(";")[0];
            return new Portal(http, cookie);
        }

        ResponseEntity<String> post(String path, String form) {
            HttpHeaders h = new HttpHeaders();
            h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            h.add(HttpHeaders.COOKIE, cookie);
            return http.postForEntity(path, new HttpEntity<>("_csrf=" + cookie.substring("PORTAL-CSRF=".length())
                    + "&" + form, h), String.class);
        }
    }
}
