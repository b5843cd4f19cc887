package cn.gov.disclosure.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Signs in to Tasklist as Camunda's login page does (XSRF cookie and header), for tests of links opened from it. */
public final class TasklistSessions {

    /** The session's cookies as a {@code Cookie} header value, after the login (which may renew the session id). */
    public static String signIn(TestRestTemplate http, String user) {
        ResponseEntity<String> app = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = new ArrayList<>(app.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";")[0]).toList());
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .substring("XSRF-TOKEN=".length());
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add("X-XSRF-TOKEN", xsrf);
        h.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        ResponseEntity<Map> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>("username=" + user + "&password=demo", h), Map.class);
        if (login.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError("Tasklist sign-in of " + user + " answered " + login.getStatusCode());
        }
        keepLatest(cookies, login.getHeaders());
        return String.join("; ", cookies);
    }

    /** A signed-in Tasklist session: its cookies and the CSRF token Camunda's own API wants (X-XSRF-TOKEN). */
    public record Session(String cookies, String xsrf) {

        /** Headers of a call to Camunda's API ({@code /camunda/api/...}) in this session. */
        public HttpHeaders headers() {
            HttpHeaders h = new HttpHeaders();
            h.add(HttpHeaders.COOKIE, cookies);
            h.add("X-XSRF-TOKEN", xsrf);
            return h;
        }
    }

    /**
     * Signs in and fetches the next page as the browser would: the login starts a new session, whose CSRF token
     * comes with that page, and Camunda refuses its API's posts without it.
     */
    public static Session signInForApi(TestRestTemplate http, String user) {
        List<String> cookies = new ArrayList<>(List.of(signIn(http, user).split("; ")));
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        ResponseEntity<String> page = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(h), String.class);
        keepLatest(cookies, page.getHeaders());
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).reduce((a, b) -> b).orElseThrow()
                .substring("XSRF-TOKEN=".length());
        return new Session(String.join("; ", cookies), xsrf);
    }

    /** A cookie the answer sets again replaces the old one of the same name. */
    private static void keepLatest(List<String> cookies, HttpHeaders answer) {
        for (String c : answer.getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
            String pair = c.split(";")[0];
            String name = pair.substring(0, pair.indexOf('=') + 1);
            cookies.removeIf(old -> old.startsWith(name));
            cookies.add(pair);
        }
    }

    private TasklistSessions() {
    }
}
