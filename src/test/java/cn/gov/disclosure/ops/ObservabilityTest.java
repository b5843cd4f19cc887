package cn.gov.disclosure.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.CaseClockRepository;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.notice.PdfRenderer;
import cn.gov.disclosure.workflow.TestApplications;

/** What an operator watches: the Prometheus meters and the OpenAPI description, both for staff only. */
class ObservabilityTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired CaseRepository cases;
    @Autowired CaseClockRepository clocks;
    @Autowired PdfRenderer renderer;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private String scrape() {
        ResponseEntity<String> r = http.withBasicAuth("clerk", "demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    /** The value of one sample line, e.g. {@code disclosure_applications_accepted_total{channel="online",}}. */
    private static double value(String scrape, String name, String labels) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)$");
        Matcher m = line.matcher(scrape);
        while (m.find()) {
            String found = m.group(2) == null ? "" : m.group(2);
            if (labels.isEmpty() || found.contains(labels)) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError("No sample " + name + " {" + labels + "} in the scrape");
    }

    private ResponseEntity<Map> apply(String json) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/applications", new HttpEntity<>(json, h), Map.class);
    }

    @Test
    void prometheusAndApiDocsRefuseAnonymousCallers() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // Not a real user: a wrong password would make Camunda delay that user's next sign-ins.
        assertThat(http.withBasicAuth("intruder", "wrong").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/startup", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theMetersMoveWithWhatTheyCount() {
        String before = scrape();
        ResponseEntity<Map> accepted = apply(TestApplications.DESIGN_EXAMPLE_JSON);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(apply("{\"channel\":\"ONLINE\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        renderer.render("<html><head><title>t</title></head><body><p>测试</p></body></html>", "测试");
        long caseId = cases.findByCaseNo((String) accepted.getBody().get("caseNo")).orElseThrow().id();
        clocks.markOverdue(caseId, true);
        String after = scrape();

        assertThat(value(after, "disclosure_applications_accepted_total", "channel=\"online\"")
                - value(before, "disclosure_applications_accepted_total", "channel=\"online\"")).isEqualTo(1.0);
        assertThat(value(after, "disclosure_applications_refused_total", "reason=\"invalid\"")
                - value(before, "disclosure_applications_refused_total", "reason=\"invalid\"")).isEqualTo(1.0);
        assertThat(value(after, "disclosure_applications_refused_total", "reason=\"rate_limited\"")).isZero();
        assertThat(value(after, "disclosure_intake_latency_seconds_count", "")
                - value(before, "disclosure_intake_latency_seconds_count", "")).isEqualTo(1.0);
        assertThat(value(after, "disclosure_intake_latency_seconds_sum", "")).isPositive();
        // At least the one rendered here (the acknowledgment may have been rendered too).
        assertThat(value(after, "disclosure_notice_render_seconds_count", "")
                - value(before, "disclosure_notice_render_seconds_count", "")).isGreaterThanOrEqualTo(1.0);
        assertThat(value(after, "disclosure_cases_overdue", "") - value(before, "disclosure_cases_overdue", ""))
                .isEqualTo(1.0);
        assertThat(value(after, "disclosure_engine_incidents", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "disclosure_engine_jobs_failed", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "disclosure_mail_outbox_backlog", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "disclosure_mail_outbox_oldest_age_seconds", "")).isGreaterThanOrEqualTo(0);
        clocks.markOverdue(caseId, false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDescriptionCoversEveryApiAndStaffEndpoint() {
        ResponseEntity<Map> r = http.withBasicAuth("clerk", "demo").getForEntity("/v3/api-docs", Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) r.getBody().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, ops) -> ops.keySet().forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        Set<String> ours = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("cn.gov.disclosure")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/") || path.startsWith("/staff/")) {
                    // {name:regex} is written {name} in OpenAPI.
                    String plain = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                    info.getMethodsCondition().getMethods()
                            .forEach(m -> ours.add(m.name() + " " + plain));
                }
            }
        });
        assertThat(ours).as("our /api and /staff endpoints").hasSizeGreaterThan(5);
        assertThat(documented).containsAll(ours);
        // Only ours: not the portal pages, the actuator or Camunda's REST API.
        assertThat(documented).allMatch(e -> e.contains(" /api/") || e.contains(" /staff/"));
    }
}
