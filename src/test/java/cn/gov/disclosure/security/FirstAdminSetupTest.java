package cn.gov.disclosure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;

/**
 * Nobody becomes a user, let alone administrator, without signing in. Camunda Admin offers its first-admin
 * setup to anyone while no member of {@code camunda-admin} exists; the test creates that state (as on a
 * fresh database started without an administrator) and tries the setup as a browser would, with the
 * CSRF token from the page.
 */
class FirstAdminSetupTest extends IntegrationTest {

    private static final String INTRUDER = "intruder";
    private static final String USER_JSON = """
            {"profile": {"id": "intruder", "firstName": "I", "lastName": "Ntruder", "email": "i@example.cn"},
             "credentials": {"password": "Intruder-password-1"}}
            """;

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;

    private List<String> admins;

    @BeforeEach
    void noAdministratorYet() {
        admins = identity.createUserQuery().memberOfGroup(Groups.ADMIN).list().stream().map(User::getId).toList();
        admins.forEach(id -> identity.deleteMembership(id, Groups.ADMIN));
    }

    @AfterEach
    void administratorsBack() {
        if (identity.createUserQuery().userId(INTRUDER).count() > 0) {
            identity.deleteUser(INTRUDER);
        }
        admins.forEach(id -> identity.createMembership(id, Groups.ADMIN));
    }

    @Test
    void anonymousFirstAdminSetupIsRefused() {
        // Camunda Admin sends a visitor to its setup page while no administrator exists: closed.
        assertThat(http.getForEntity("/camunda/app/admin/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/camunda/app/admin/default/setup/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // A script with the session and CSRF token of the admin page.
        HttpHeaders browser = camundaSession("/camunda/app/admin/default/");
        browser.setContentType(MediaType.APPLICATION_JSON);
        for (String path : List.of("/camunda/api/admin/setup/default/user/create",
                "/camunda/api/admin/set%75p/default/user/create")) {
            // A URI, so the percent-encoded variant reaches the server as written.
            ResponseEntity<String> r = http.exchange(RequestEntity.post(URI.create(http.getRootUri() + path))
                    .headers(browser).body(USER_JSON), String.class);
            assertThat(r.getStatusCode()).as(path).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND,
                    HttpStatus.BAD_REQUEST);
        }
        assertThat(identity.createUserQuery().userId(INTRUDER).count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).count()).isZero();
    }

    @Test
    void noUserCanBeCreatedWithoutSigningIn() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/engine-rest/user/create", HttpMethod.POST, new HttpEntity<>(USER_JSON, json),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // The webapps' own engine API, with a browser's session and CSRF token but no login.
        HttpHeaders browser = camundaSession("/camunda/app/admin/default/");
        browser.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/camunda/api/engine/engine/default/user/create", HttpMethod.POST,
                new HttpEntity<>(USER_JSON, browser), String.class).getStatusCode())
                .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);

        // Signed in, but not an administrator.
        assertThat(http.withBasicAuth("clerk", "demo").exchange("/engine-rest/user/create", HttpMethod.POST,
                new HttpEntity<>(USER_JSON, json), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identity.createUserQuery().userId(INTRUDER).count()).isZero();
    }

    /**
     * Cookies and the X-XSRF-TOKEN header a browser gets from {@code page} (Camunda hands them out with its
     * redirect to the setup page, so the redirect is not followed).
     */
    private HttpHeaders camundaSession(String page) {
        HttpResponse<Void> app;
        try {
            app = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.getRootUri() + page)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        List<String> cookies = app.headers().allValues(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";")[0])
                .toList();
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .substring("XSRF-TOKEN=".length());
        HttpHeaders h = new HttpHeaders();
        h.add("X-XSRF-TOKEN", xsrf);
        h.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        return h;
    }
}
