package cn.gov.disclosure.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.workflow.TestApplications;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail under fault: a stopped SMTP server (GreenMail), a silent one (accepts, never answers) and a slow one
 * (answers the end of DATA after the client's timeout), a message given up, two senders on one table, and the
 * staff's "send now". The site must stay ready throughout; every message arrives once (or, when the server's
 * answer was lost, at most once more with the same Message-ID); what is given up becomes a clerk's task and
 * shows on the applicant's page. Each test prints its figures ("[mail-outage] ...").
 *
 * <p>Its own H2 database and no Camunda webapps, so this context shares nothing with the other HTTP tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = DisclosureApplication.class,
        properties = {
                "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "camunda.bpm.generate-unique-process-engine-name=true",
                "spring.datasource.url=jdbc:h2:mem:mail-outage;DB_CLOSE_DELAY=-1",
                "disclosure.demo.mail-server.enabled=false",
                "spring.mail.host=127.0.0.1",
                "spring.mail.properties.mail.smtp.connectiontimeout=1000",
                "spring.mail.properties.mail.smtp.timeout=" + MailOutageTest.SMTP_TIMEOUT_MS,
                "spring.mail.properties.mail.smtp.writetimeout=" + MailOutageTest.SMTP_TIMEOUT_MS,
                "disclosure.mail.poll-interval=PT0.2S",
                "disclosure.mail.first-retry=PT0.3S",
                "disclosure.mail.max-backoff=PT1S",
                "disclosure.mail.give-up-after=P3D",
                "disclosure.mail.uncertain-retry-after=PT2S",
                "disclosure.mail.max-uncertain-resends=2",
                "disclosure.mail.senders=4",
                "disclosure.mail.lease=PT1M"})
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class MailOutageTest {

    /** Any health check that waited for SMTP would take at least this long. */
    static final int SMTP_TIMEOUT_MS = 2500;
    static final Duration LATE_ANSWER = Duration.ofMillis(SMTP_TIMEOUT_MS + 1500);
    static final int SMTP_PORT = freePort();
    static final int UPSTREAM_PORT = freePort();
    static final String TASK_NAME = "邮件未能送达，请以其他方式送达";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired TestRestTemplate http;
    @Autowired MailOutbox outbox;
    @Autowired cn.gov.disclosure.acknowledgment.AcknowledgmentService acknowledgments;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService tasks;
    @Autowired MailSettings settings;

    private final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("DELETE FROM mail_outbox").update();
        // The first request of a fresh context sets up Spring MVC and security; not what is measured here.
        http.getForEntity("/actuator/health/readiness", String.class);
    }

    @AfterEach
    void stopServers() throws Exception {
        ClockUtil.reset();
        for (AutoCloseable s : servers) {
            s.close();
        }
        servers.clear();
    }

    @Test
    @SuppressWarnings("unchecked")
    void mailQueuedDuringAnOutageIsDeliveredOnceWhenTheServerIsBack() {
        List<Long> ids = enqueue("stopped", 12);
        await().atMost(Duration.ofSeconds(15)).until(() -> rows(ids).stream().allMatch(m -> m.attempts() >= 2));
        assertThat(rows(ids)).allMatch(m -> m.status().equals(MailOutbox.PENDING));
        long slowest = readinessChecks(10);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // The outage is visible to staff: the mail indicator's details and the backlog gauge.
        Map<String, Object> mailHealth = http.withBasicAuth("clerk", "demo").getForObject("/actuator/health/mail", Map.class);
        Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) mailHealth.get("components"))
                .get("mailOutbox");
        assertThat((Map<String, Object>) details.get("details")).containsEntry("backlog", 12)
                .containsKey("oldestPendingAgeSeconds").containsKey("lastError");
        Map<String, Object> backlog = http.withBasicAuth("clerk", "demo")
                .getForObject("/actuator/metrics/disclosure.mail.outbox.backlog", Map.class);
        assertThat(backlog.get("measurements").toString()).contains("value=12.0");
        assertThat(http.getForEntity("/actuator/metrics/disclosure.mail.outbox.backlog", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // Waiting longer than degraded-after: mail says DEGRADED (still HTTP 200), readiness stays UP.
        jdbc.sql("UPDATE mail_outbox SET created_at = ?")
                .param(Date.from(Instant.now().minus(settings.degradedAfter()).minusSeconds(60))).update();
        await().atMost(Duration.ofSeconds(5)).until(() -> "DEGRADED".equals(
                http.getForObject("/actuator/health/mail", Map.class).get("status")));
        ResponseEntity<Map> overall = http.getForEntity("/actuator/health", Map.class);
        assertThat(overall.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overall.getBody()).containsEntry("status", "DEGRADED");
        readinessChecks(2);

        GreenMail mail = greenMail(SMTP_PORT);
        await().atMost(Duration.ofSeconds(15)).until(() -> rows(ids).stream().allMatch(m -> m.status().equals(MailOutbox.SENT)));
        Figures f = figures(mail, ids);
        report("server stopped", ids.size(), f, "failed attempts during the outage="
                + rows(ids).stream().mapToInt(m -> m.attempts() - 1).sum() + ", slowest readiness check=" + slowest + " ms");
        assertThat(f.copies()).isEqualTo(ids.size());
        assertThat(f.duplicates()).isZero();
        assertThat(f.matchStoredIds()).isTrue();
    }

    @Test
    void aSilentServerNeitherSlowsTheSiteNorLosesMail(CapturedOutput output) throws Exception {
        SilentSmtpServer silent = new SilentSmtpServer(SMTP_PORT);
        servers.add(silent);
        List<Long> ids = enqueue("silent", 6);
        long slowest = readinessChecks(15);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(ids).stream()
                .allMatch(m -> m.attempts() >= 1 && m.lastError() != null && m.lastError().contains("timed out")));
        // Under the SMTP timeout even on a busy machine: no check waited for the silent server.
        assertThat(slowest).as("slowest readiness check (ms)").isLessThan(SMTP_TIMEOUT_MS);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> mailHealth = http.getForEntity("/actuator/health/mail", Map.class);
        assertThat(mailHealth.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mailHealth.getBody()).containsEntry("status", "UP");
        // One WARN line per failed attempt, with message id and cause; no stack trace from JavaMail.
        assertThat(output.getOut()).contains("not sent, retry in").contains("Read timed out")
                .doesNotContain("at org.eclipse.angus.mail").doesNotContain("at jakarta.mail");

        silent.close();
        int connections = silent.connections();
        GreenMail mail = greenMail(SMTP_PORT);
        await().atMost(Duration.ofSeconds(15)).until(() -> rows(ids).stream().allMatch(m -> m.status().equals(MailOutbox.SENT)));
        Figures f = figures(mail, ids);
        report("server silent", ids.size(), f, "connections to the silent server=" + connections
                + ", slowest readiness check=" + slowest + " ms");
        assertThat(f.duplicates()).isZero();
    }

    @Test
    void aServerThatAnswersLateGetsTheSameMessageIdOnceMore() throws Exception {
        GreenMail mail = greenMail(UPSTREAM_PORT);
        SlowSmtpProxy slow = new SlowSmtpProxy(SMTP_PORT, UPSTREAM_PORT, LATE_ANSWER, 3);
        servers.add(slow);
        Instant queued = Instant.now();
        List<Long> ids = enqueue("slow", 3);
        await().atMost(Duration.ofSeconds(15)).until(() -> rows(ids).stream().allMatch(m -> m.uncertainSends() == 1));
        // Not re-sent at once: the server has the message, only its answer is late.
        assertThat(mail.getReceivedMessages()).hasSize(3);
        await().atMost(Duration.ofSeconds(15)).until(() -> rows(ids).stream().allMatch(m -> m.status().equals(MailOutbox.SENT)));
        Figures f = figures(mail, ids);
        report("server answers after the timeout", ids.size(), f, "late answers=" + slow.lateAnswersGiven()
                + ", all resent after >= " + settings.uncertainRetryAfter() + " (took "
                + Duration.between(queued, Instant.now()).toMillis() + " ms)");
        assertThat(f.distinct()).isEqualTo(3);
        assertThat(f.matchStoredIds()).isTrue();
        // By design: one re-send each, carrying the Message-ID of the first copy (a receiver can drop it).
        assertThat(f.perMessageId().values()).allMatch(n -> n == 2);
    }

    @Test
    void aServerThatNeverConfirmsGetsAtMostThreeCopiesAndAClerkChecks() throws Exception {
        GreenMail mail = greenMail(UPSTREAM_PORT);
        servers.add(new SlowSmtpProxy(SMTP_PORT, UPSTREAM_PORT, LATE_ANSWER, Integer.MAX_VALUE));
        List<Long> ids = enqueue("never-confirms", 1);
        await().atMost(Duration.ofSeconds(45)).until(() -> rows(ids).get(0).status().equals(MailOutbox.FAILED));
        Figures f = figures(mail, ids);
        report("server never confirms", 1, f, "given up as unconfirmed after "
                + (settings.maxUncertainResends() + 1) + " uncertain sends");
        assertThat(f.copies()).isEqualTo(1 + settings.maxUncertainResends());
        assertThat(f.distinct()).isEqualTo(1);
        assertThat(clerkTasks()).anyMatch(t -> t.getDescription().contains("never-confirms")
                && t.getDescription().contains("无法确认是否送达"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMessageGivenUpBecomesAClerksTaskAndShowsOnTheApplicantsPage() {
        ResponseEntity<Map> receipt = http.postForEntity("/api/applications", json(TestApplications.DESIGN_EXAMPLE_JSON),
                Map.class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) receipt.getBody().get("caseNo");
        String trackingCode = (String) receipt.getBody().get("trackingCode");
        acknowledgments.issue(caseNo); // the process's acknowledgment step (no job executor in tests)
        List<Long> ids = jdbc.sql("SELECT id FROM mail_outbox WHERE notice_id IS NOT NULL").query(Long.class).list();
        assertThat(ids).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(ids).get(0).attempts() >= 1);
        assertThat(clerkTasks()).noneMatch(t -> t.getDescription().contains(caseNo));

        // Three days and an hour of outage later.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(settings.giveUpAfter()).plus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(ids).get(0).status().equals(MailOutbox.FAILED));
        List<Task> mine = clerkTasks().stream().filter(t -> t.getDescription().contains(caseNo)).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getDueDate()).isNotNull();
        assertThat(mine.get(0).getDescription()).contains("zhangsan@example.cn").contains("受理");

        ResponseEntity<Map> view = http.getForEntity("/api/applications/" + caseNo + "?trackingCode=" + trackingCode,
                Map.class);
        List<Map<String, Object>> notices = (List<Map<String, Object>>) view.getBody().get("notices");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).containsEntry("delivery", "未能通过电子邮件送达");
        assertThat(statusPage(caseNo, trackingCode)).contains("未能通过电子邮件送达");
        Map<String, Object> overview = http.withBasicAuth("clerk", "demo").getForObject("/staff/mail/outbox", Map.class);
        assertThat(((Number) overview.get("undeliverable")).intValue()).isEqualTo(1);
        System.out.println("[mail-outage] given up: queued=1 delivered=0 failed=1 clerk tasks=" + mine.size()
                + " applicant sees \"" + notices.get(0).get("delivery") + "\"");
    }

    @Test
    void staffSendTheOutboxNowAfterAnOutage() {
        List<Long> ids = enqueue("send-now", 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(ids).stream().allMatch(m -> m.attempts() >= 1));
        // As after a long outage: the next try is an hour away.
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE status = 'PENDING'")
                .param(Date.from(Instant.now().plus(Duration.ofHours(1)))).update();
        GreenMail mail = greenMail(SMTP_PORT);
        assertThat(http.postForEntity("/staff/mail/retry-now", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("legal", "demo").postForEntity("/staff/mail/retry-now", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mail.getReceivedMessages()).isEmpty();

        ResponseEntity<Map> now = http.withBasicAuth("clerk", "demo").postForEntity("/staff/mail/retry-now", null, Map.class);
        assertThat(now.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(now.getBody()).containsEntry("rescheduled", 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> rows(ids).stream().allMatch(m -> m.status().equals(MailOutbox.SENT)));
        report("send now", 3, figures(mail, ids), "");
    }

    @Test
    void twoNodesSharingTheOutboxNeverSendARowTwice(@Autowired AttachmentSource attachments,
                                                    @Autowired JavaMailSender mailSender,
                                                    @Autowired java.time.Clock clock,
                                                    @Autowired ApplicationEventPublisher events,
                                                    @Autowired PlatformTransactionManager transactions,
                                                    @Autowired MailMetrics metrics) throws Exception {
        GreenMail mail = greenMail(SMTP_PORT);
        // A second node: its own pool of senders on the same table.
        OutboxSender secondNode = new OutboxSender(outbox, attachments, mailSender, settings, clock, events,
                transactions, metrics);
        List<Long> ids = enqueue("two-nodes", 40);
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline
                    && !rows(ids).stream().allMatch(m -> m.status().equals(MailOutbox.SENT))) {
                secondNode.sendDue();
                Thread.sleep(100);
            }
        } finally {
            secondNode.destroy();
        }
        Figures f = figures(mail, ids);
        report("two nodes, 4 senders each", ids.size(), f, "");
        assertThat(f.copies()).isEqualTo(40);
        assertThat(f.duplicates()).isZero();
    }

    // --- helpers

    record Figures(int copies, int distinct, Map<String, Long> perMessageId, boolean matchStoredIds) {
        int duplicates() {
            return copies - distinct;
        }
    }

    private Figures figures(GreenMail mail, List<Long> ids) {
        List<String> stored = rows(ids).stream().map(OutboxMessage::messageId).toList();
        List<String> received = Arrays.stream(mail.getReceivedMessages()).map(MailOutageTest::messageId)
                .filter(stored::contains).toList();
        Map<String, Long> per = received.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return new Figures(received.size(), per.size(), per, per.keySet().containsAll(
                rows(ids).stream().filter(m -> m.status().equals(MailOutbox.SENT)).map(OutboxMessage::messageId).toList()));
    }

    private static void report(String scenario, int queued, Figures f, String more) {
        System.out.println("[mail-outage] " + scenario + ": queued=" + queued + " delivered=" + f.distinct()
                + " copies=" + f.copies() + " duplicates=" + f.duplicates() + (more.isEmpty() ? "" : " " + more));
    }

    /** Times readiness checks (ms of the slowest); every one must be 200 UP. */
    private long readinessChecks(int n) {
        long slowest = 0;
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            ResponseEntity<Map> r = http.getForEntity("/actuator/health/readiness", Map.class);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms > 500) {
                System.out.println("[mail-outage] slow readiness check: " + ms + " ms");
            }
            slowest = Math.max(slowest, ms);
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(r.getBody()).containsEntry("status", "UP");
            assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            sleep(200);
        }
        return slowest;
    }

    /** The applicant's status page, reached like a browser does: the form's CSRF token, then the POST. */
    private String statusPage(String caseNo, String trackingCode) {
        ResponseEntity<String> form = http.getForEntity("/track", String.class);
        String cookie = form.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("PORTAL-CSRF="))
                .findFirst().orElseThrow().split(";")[0];
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form.getBody());
        assertThat(token.find()).isTrue();
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> page = http.postForEntity("/track", new HttpEntity<>("caseNo=" + caseNo + "&trackingCode="
                + trackingCode + "&_csrf=" + token.group(1), h), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    private List<Long> enqueue(String tag, int n) {
        for (int i = 0; i < n; i++) {
            outbox.enqueue(null, "a" + i + "@" + tag + ".example.cn", "测试邮件 " + tag + " " + i, "正文 " + i, null);
        }
        return jdbc.sql("SELECT id FROM mail_outbox WHERE recipient LIKE ? ORDER BY id").param("%@" + tag + ".example.cn")
                .query(Long.class).list();
    }

    private List<OutboxMessage> rows(List<Long> ids) {
        return ids.stream().map(id -> outbox.find(id).orElseThrow()).toList();
    }

    private List<Task> clerkTasks() {
        return tasks.createTaskQuery().taskCandidateGroup("clerk").taskName(TASK_NAME).list();
    }

    private GreenMail greenMail(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        servers.add(mail::stop);
        return mail;
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, h);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
