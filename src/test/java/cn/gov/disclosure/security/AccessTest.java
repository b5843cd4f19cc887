package cn.gov.disclosure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.support.TasklistSessions;

/** Engine REST and staff pages need authentication; only camunda-admin may deploy. */
class AccessTest extends IntegrationTest {

    @Autowired TestRestTemplate http;

    private static final String TINY_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
              <process id="security-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="s"/>
              </process>
            </definitions>
            """;

    private ResponseEntity<Map> deploy(TestRestTemplate client) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "security-probe");
        body.add("data", new ByteArrayResource(TINY_BPMN.getBytes()) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, h), Map.class);
    }

    @Test
    void anonymousEngineRestIsUnauthorized() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/deployment", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("intruder", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aClerkCannotDeployButTheAdministratorCan() {
        assertThat(deploy(http.withBasicAuth("clerk", "demo")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> ok = deploy(http.withBasicAuth("admin", "demo"));
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        http.withBasicAuth("admin", "demo").exchange("/engine-rest/deployment/" + ok.getBody().get("id")
                + "?cascade=true", HttpMethod.DELETE, null, Void.class);
    }

    @Test
    void staffPagesNeedAStaffLogin() {
        assertThat(http.getForEntity("/staff/mail", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> page = http.withBasicAuth("clerk", "demo").getForEntity("/staff/mail", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("演示邮箱");
    }

    /** Tasklist's own login and assets pass through; they were once caught by the staff chain's Basic auth. */
    @Test
    void tasklistLoginWorksThroughCamundasOwnAuthentication() {
        assertThat(http.getForEntity("/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // The sign-in itself fails loudly inside the helper unless Camunda answers 200.
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, TasklistSessions.signIn(http, "clerk"));
        ResponseEntity<Map> who = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(session), Map.class);
        assertThat(who.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(who.getBody()).containsEntry("userId", "clerk");
        assertThat(who.getBody().get("authorizedApps").toString()).contains("tasklist");
    }

    @Test
    void healthIsPublic() {
        ResponseEntity<Map> r = http.getForEntity("/actuator/health", Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("status", "UP");
    }

    @Test
    void tasklistFiltersExistForEveryWorkflowGroup() {
        ResponseEntity<List> filters = http.withBasicAuth("legal", "demo").getForEntity("/engine-rest/filter",
                List.class);
        assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(filters.getBody()).extracting(f -> ((Map<?, ?>) f).get("name")).contains("我的待办", "本组待办");
    }
}
