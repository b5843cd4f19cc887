package cn.gov.disclosure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.support.TasklistSessions;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * A staff page opened in the clerk's Tasklist session (here the items page) uses that session as it is. It once
 * renewed the session id on every request (Spring Security's fixation protection on the staff chain): any request
 * still under way with the old id — Tasklist's own calls, a second tab, the page's next form when a Tasklist call
 * answered last — then found no session, and the clerk was signed out (ItemsPageBrowserTest failed in the full
 * suite only, when such a request came late).
 */
class StaffPagesKeepTheTasklistSessionTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired IntakeService intake;
    @LocalServerPort int port;

    @Test
    void theItemsPageAndItsFormsKeepTheSessionIdAndTheStatusLineArrives() {
        String caseNo = intake.submit(TestApplications.onlineItems("某工程的立项批复文件", "该工程的环境影响评价批复"),
                "applicant", false).caseNo();
        String session = TasklistSessions.signIn(http, "clerk");

        ResponseEntity<String> page = http.exchange("/staff/cases/" + caseNo + "/items", HttpMethod.GET,
                new HttpEntity<>(cookies(session)), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(caseNo);
        assertThat(sessionCookiesSet(page)).as("the page renews no session id").isEmpty();

        HttpHeaders form = cookies(session);
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.add(HttpHeaders.ORIGIN, "http://localhost:" + port);
        // The client follows the redirect (post/redirect/get) with the same cookie: the status line travels in the
        // session to the page after it.
        ResponseEntity<String> posted = http.exchange("/staff/cases/" + caseNo + "/items/2/decision", HttpMethod.POST,
                new HttpEntity<>("replyType=NOT_HELD&reasoning=%E6%9C%AA%E6%89%BE%E5%88%B0", form), String.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(posted.getBody()).contains("role=\"status\"").contains("已保存第2项答复意见");
        assertThat(sessionCookiesSet(posted)).as("the form renews no session id").isEmpty();

        // A Tasklist call sent with the cookie it had all along is still signed in.
        ResponseEntity<Map> who = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(cookies(session)), Map.class);
        assertThat(who.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(who.getBody()).containsEntry("userId", "clerk");
    }

    private static HttpHeaders cookies(String session) {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.COOKIE, session);
        return h;
    }

    private static List<String> sessionCookiesSet(ResponseEntity<?> answer) {
        return answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("SESSION="))
                .toList();
    }
}
