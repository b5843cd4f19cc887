package cn.gov.disclosure.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
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
        for (String c : login.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
            String pair = c.split(";")[0];
            String name = pair.substring(0, pair.indexOf('=') + 1);
            cookies.removeIf(old -> old.startsWith(name));
            cookies.add(pair);
        }
        return String.join("; ", cookies);
    }

    private TasklistSessions() {
    }
}
