package cn.gov.disclosure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.impl.FetchAndLockContextListener;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockServletContext;

import jakarta.servlet.ServletContextEvent;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.mail.DemoMailServer;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.ratelimit.RateLimiter;
import cn.gov.disclosure.support.TasklistSessions;
import cn.gov.disclosure.workflow.TestApplications;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two nodes on one PostgreSQL, started at the same moment on an empty database (issue 12, item 5): both
 * start, the start-up rows exist once, each node sees what the other stored, rate limits count across
 * nodes, and a Tasklist session opened on one node is known to the other.
 */
// Own JVM (surefire execution "cluster"): closing two web contexts resets Camunda's JVM-wide webapp and REST
// state, which the other HTTP test contexts of a shared JVM still use.
@org.junit.jupiter.api.Tag("cluster")
class TwoNodesTest {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static TestRestTemplate httpA;
    private static TestRestTemplate httpB;

    @BeforeAll
    static void startTwoNodesTogether() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE disclosure");
        }
        String url = postgres.getJdbcUrl("postgres", "disclosure");
        int smtpA = freePort();
        int smtpB = freePort();
        // Camunda's REST API keeps its long-polling (fetch and lock) handler in a static field; two webapps starting
        // in the same instant in one JVM can both set it and then both start the same handler thread
        // (IllegalThreadStateException: failed CI once). A cluster runs one node per JVM; here the handler is set up
        // once, before the two nodes start, as the first node's webapp would.
        new FetchAndLockContextListener().contextInitialized(new ServletContextEvent(new MockServletContext()));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ConfigurableApplicationContext> nodeA = threads.submit(() -> {
                together.await();
                return node("node-a", url, smtpA);
            });
            Future<ConfigurableApplicationContext> nodeB = threads.submit(() -> {
                together.await();
                return node("node-b", url, smtpB);
            });
            // get() rethrows a failed start: "both start" is this line.
            a = nodeA.get(5, TimeUnit.MINUTES);
            b = nodeB.get(5, TimeUnit.MINUTES);
        } finally {
            threads.shutdown();
        }
        httpA = new TestRestTemplate();
        httpA.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory(base(a)));
        httpB = new TestRestTemplate();
        httpB.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory(base(b)));
    }

    /**
     * Spring Boot sets up Logback per application, and two applications doing so at the same instant in one JVM
     * clash inside Logback (ConcurrentModificationException). That step — milliseconds, before any database
     * work — is taken one node at a time; everything after it, the part under test, still runs at once.
     */
    private static final java.util.concurrent.Semaphore LOGGING_SETUP = new java.util.concurrent.Semaphore(1);

    private static final class LoggingSetupTaken implements
            org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationStartingEvent> {
        @Override
        public void onApplicationEvent(org.springframework.boot.context.event.ApplicationStartingEvent event) {
            LOGGING_SETUP.acquireUninterruptibly();
        }
    }

    /** Runs after Spring Boot's logging listener (lowest precedence) on the same event. */
    private static final class LoggingSetupDone implements org.springframework.core.Ordered,
            org.springframework.context.ApplicationListener<
                    org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent e) {
            LOGGING_SETUP.release();
        }

        @Override
        public int getOrder() {
            return org.springframework.core.Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static ConfigurableApplicationContext node(String name, String url, int smtpPort) {
        return new SpringApplicationBuilder(DisclosureApplication.class)
                .listeners(new LoggingSetupTaken(), new LoggingSetupDone())
                .profiles("demo")
                // Command-line arguments win over the profiles' files.
                .run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.mail.port=" + smtpPort,
                        "--disclosure.node-name=" + name,
                        // This test plays the reverse proxy in front of both nodes.
                        "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                        "--disclosure.mail.poll-interval=PT1S");
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bothNodesStartedWithTheirOwnNameAndMailServer() {
        assertThat(hostname(a)).isEqualTo("node-a");
        assertThat(hostname(b)).isEqualTo("node-b");
        assertThat(a.getBean(DemoMailServer.class).running()).isTrue();
        assertThat(b.getBean(DemoMailServer.class).running()).isTrue();
    }

    @Test
    void startUpRowsExistOnce() {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT type_, group_id_, user_id_, resource_type_, "
                + "resource_id_ FROM act_ru_authorization GROUP BY type_, group_id_, user_id_, resource_type_, "
                + "resource_id_ HAVING COUNT(*) > 1) AS d", Integer.class)).isZero();
        List<Map<String, Object>> filters = jdbc.queryForList(
                "SELECT name_, COUNT(*) AS n FROM act_ru_filter GROUP BY name_");
        assertThat(filters).hasSize(6).allSatisfy(f -> assertThat(((Number) f.get("n")).intValue()).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_id_user WHERE id_ IN "
                + "('admin', 'clerk', 'legal', 'head', 'secrecy')", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_id_membership WHERE user_id_ = 'clerk'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void anApplicationSubmittedToOneNodeIsSeenFromTheOther() {
        Map<?, ?> toA = submit(httpA, null).getBody();
        Map<?, ?> toB = submit(httpB, null).getBody();
        assertThat(httpB.getForEntity("/api/applications/{no}?trackingCode={code}", Map.class,
                toA.get("caseNo"), toA.get("trackingCode")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(httpA.getForEntity("/api/applications/{no}?trackingCode={code}", Map.class,
                toB.get("caseNo"), toB.get("trackingCode")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(toA.get("caseNo")).isNotEqualTo(toB.get("caseNo"));

        // A job of node A's case executed by node B is logged under node B's name (not 127.0.0.1$default).
        String processInstance = a.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKey((String) toA.get("caseNo")).singleResult().getId();
        ManagementService management = b.getBean(ManagementService.class);
        // First let the nodes' job executors finish the case's asynchronous steps (the acknowledgment): run at the
        // same time, the timer's job and that step would update the same execution and one would fail.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                management.createJobQuery().processInstanceId(processInstance).messages().count() == 0);
        Job timer = management.createJobQuery().processInstanceId(processInstance).timers().list().get(0);
        management.executeJob(timer.getId());
        HistoricJobLog done = b.getBean(HistoryService.class).createHistoricJobLogQuery().jobId(timer.getId())
                .successLog().singleResult();
        assertThat(done.getHostname()).isEqualTo("node-b");
    }

    @Test
    void rateLimitsCountAcrossNodesAndFollowTheTrustedProxysHeader() {
        RateLimiter limiterA = a.getBean(RateLimiter.class);
        RateLimiter limiterB = b.getBean(RateLimiter.class);
        limiterA.reset(3, 100);
        limiterB.reset(3, 100);
        try {
            String client = "203.0.113.7";
            assertThat(submit(httpA, client).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(submit(httpB, client).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(submit(httpA, client).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            // The fourth, on either node, is one too many: the limit is not per node.
            assertThat(submit(httpB, client).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(submit(httpA, client).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // Another applicant behind the same proxy has a bucket of their own.
            assertThat(submit(httpB, "203.0.113.8").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        } finally {
            limiterA.reset(100_000, 100_000);
            limiterB.reset(100_000, 100_000);
        }
    }

    @Test
    void aTasklistSessionOpenedOnOneNodeWorksOnTheOther() {
        HttpHeaders session = new HttpHeaders();
        // Signed in on node A (the helper keeps the cookies the login renews).
        session.add(HttpHeaders.COOKIE, TasklistSessions.signIn(httpA, "clerk"));
        ResponseEntity<Map> who = httpB.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(session), Map.class);
        assertThat(who.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(who.getBody()).containsEntry("userId", "clerk");
        ResponseEntity<String> tasks = httpB.exchange("/camunda/api/engine/engine/default/task", HttpMethod.GET,
                new HttpEntity<>(session), String.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);

        // Without the cookie node B knows nobody.
        assertThat(httpB.getForEntity("/camunda/api/admin/auth/user/default", String.class).getStatusCode())
                .isNotEqualTo(HttpStatus.OK);
    }

    /** The portal's receipt travels in the session (a flash attribute): the next request may reach the other node. */
    @Test
    void thePortalReceiptShowsOnTheOtherNode() {
        ResponseEntity<String> form = httpA.getForEntity("/apply", String.class);
        String csrf = form.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("PORTAL-CSRF="))
                .findFirst().orElseThrow().split(";")[0];
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add(HttpHeaders.COOKIE, csrf);
        String body = "_csrf=" + csrf.substring("PORTAL-CSRF=".length())
                + "&name=%E6%9D%8E%E5%9B%9B&idNumber=11010519491231002X&email=lisi%40example.cn"
                + "&description=%E6%9F%90%E9%A1%B9%E7%9B%AE%E7%9A%84%E7%AB%8B%E9%A1%B9%E6%89%B9%E5%A4%8D";
        // java.net.http follows no redirect by default: the next request goes to node B instead.
        java.net.http.HttpResponse<String> posted;
        try {
            posted = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base(a) + "/apply"))
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                    .header(HttpHeaders.COOKIE, csrf)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue(HttpHeaders.LOCATION).orElseThrow()).endsWith("/apply/done");
        String session = posted.headers().allValues(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow().split(";")[0];

        HttpHeaders next = new HttpHeaders();
        next.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> receipt = httpB.exchange("/apply/done", HttpMethod.GET, new HttpEntity<>(next),
                String.class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(receipt.getBody()).contains("id=\"caseNo\"").contains("id=\"trackingCode\"");
    }

    /**
     * Case numbers and 文号 are unique and gap-free per year with both nodes numbering at once: each node registers
     * ten applications as staff (concurrently, all twenty let go together), then each node issues a notice for
     * every case at the same time. Both counters live in the shared database; a node must never number from
     * what it saw itself.
     */
    @Test
    void bothNodesNumberCasesAndNoticesWithoutDuplicatesOrGaps() throws Exception {
        int each = 10;
        CyclicBarrier go = new CyclicBarrier(2 * each);
        ExecutorService pool = Executors.newFixedThreadPool(2 * each);
        List<String> caseNos;
        try {
            List<Future<ResponseEntity<Map>>> registered = new ArrayList<>();
            for (int i = 0; i < 2 * each; i++) {
                TestRestTemplate node = i % 2 == 0 ? httpA : httpB;
                registered.add(pool.submit(() -> {
                    go.await(1, TimeUnit.MINUTES);
                    return submitAsStaff(node);
                }));
            }
            caseNos = new ArrayList<>();
            for (Future<ResponseEntity<Map>> f : registered) {
                ResponseEntity<Map> r = f.get(3, TimeUnit.MINUTES);
                assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
                caseNos.add((String) r.getBody().get("caseNo"));
            }
            assertThat(caseNos).doesNotHaveDuplicates();

            // Each case gets a notice from both nodes, all issued at the same moment.
            CyclicBarrier issue = new CyclicBarrier(2 * each);
            List<Future<?>> issued = new ArrayList<>();
            for (int i = 0; i < 2 * each; i++) {
                String caseNo = caseNos.get(i);
                NoticeService node = (i % 2 == 0 ? b : a).getBean(NoticeService.class);
                issued.add(pool.submit(() -> {
                    issue.await(1, TimeUnit.MINUTES);
                    return node.issueExtension(caseNo, 10, "需要调取档案");
                }));
            }
            for (Future<?> f : issued) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        // Case numbers: every number of the year from 1 to the counter, each once (this class's other tests
        // registered cases too; the check covers them all).
        for (String year : caseNos.stream().map(n -> n.split("-")[1]).distinct().toList()) {
            List<String> all = jdbc.queryForList("SELECT case_no FROM application_case WHERE case_no LIKE ?",
                    String.class, "GK-" + year + "-%");
            assertThat(all).doesNotHaveDuplicates();
            assertThat(all.stream().map(n -> Integer.parseInt(n.split("-")[2])).sorted().toList())
                    .as("case numbers of %s without gaps", year)
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_number_reservation WHERE case_year = ?",
                    Integer.class, Integer.parseInt(year))).as("numbers held and not used").isZero();
            assertThat(jdbc.queryForObject("SELECT last_value FROM case_number_sequence WHERE case_year = ?",
                    Integer.class, Integer.parseInt(year))).isEqualTo(all.size());
        }

        // 文号: the acknowledgments are issued by the processes' asynchronous steps, on either node; once no
        // reserved number is waiting for its notice, every number of the year belongs to exactly one notice.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notice_number WHERE notice_id IS NULL", Integer.class)).isZero());
        List<Map<String, Object>> years = jdbc.queryForList(
                "SELECT agency_key, doc_year, COUNT(*) AS n, MAX(seq) AS last FROM notice_number "
                        + "GROUP BY agency_key, doc_year");
        assertThat(years).isNotEmpty().allSatisfy(y -> assertThat(((Number) y.get("n")).intValue())
                .as("文号 of %s without gaps", y.get("doc_year")).isEqualTo(((Number) y.get("last")).intValue()));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT notice_id) FROM notice_number", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM notice_number", Integer.class));
        List<String> docNumbers = jdbc.queryForList("SELECT doc_number FROM notice WHERE doc_number IS NOT NULL",
                String.class);
        assertThat(docNumbers).doesNotHaveDuplicates()
                .hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM notice_number", Integer.class));
        // The notices just issued, on both nodes, are among them: one extension notice per case.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice n JOIN application_case c ON c.id = n.case_id "
                        + "WHERE n.doc_number IS NOT NULL AND n.notice_type = 'EXTENSION' AND c.case_no IN ("
                        + String.join(",", java.util.Collections.nCopies(caseNos.size(), "?")) + ")",
                Integer.class, caseNos.toArray())).isEqualTo(caseNos.size());
    }

    /** Staff register an application (a letter, say): no rate limit, and the answer carries the case number. */
    private static ResponseEntity<Map> submitAsStaff(TestRestTemplate http) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("clerk", "demo").exchange("/api/applications", HttpMethod.POST,
                new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON.replace("2026-11-23", LocalDate.now().toString()),
                        h), Map.class);
    }

    private static ResponseEntity<Map> submit(TestRestTemplate http, String forwardedFor) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (forwardedFor != null) {
            h.add("X-Forwarded-For", forwardedFor);
        }
        return http.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON
                .replace("2026-11-23", LocalDate.now().toString()), h), Map.class);
    }

    private static String hostname(ConfigurableApplicationContext node) {
        return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getHostname();
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
