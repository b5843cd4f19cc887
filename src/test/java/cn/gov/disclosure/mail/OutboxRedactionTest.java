package cn.gov.disclosure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.workflow.TestApplications;
import jakarta.mail.internet.MimeMessage;

/**
 * The tracking code reaches the applicant by e-mail, but the outbox does not keep it readable once the
 * message is sent; bodies of sent messages are emptied after the retention period.
 */
class OutboxRedactionTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired MailOutbox outbox;
    @Autowired OutboxRetention retention;
    @Autowired CaseFileService caseFiles;
    @Autowired DemoMailServer mailbox;
    @Autowired JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void theTrackingCodeLeavesTheOutboxWhenTheAcknowledgmentIsSent() throws Exception {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        Map<?, ?> receipt = http.postForEntity("/api/applications",
                new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON, json), Map.class).getBody();
        String caseNo = (String) receipt.get("caseNo");
        String code = (String) receipt.get("trackingCode");
        long caseId = caseFiles.get(caseNo).id();
        // The acknowledgment follows the 201 as the process's job (no job executor in tests).
        AsyncJobs.executeAll(management, runtime, caseNo);

        OutboxMessage ack = awaitSent(caseId);
        MimeMessage received = Arrays.stream(mailbox.received()).filter(m -> subject(m).contains(caseNo)).findFirst()
                .orElseThrow();
        assertThat(MailboxController.textOf(received)).contains("查询码：" + code);
        assertThat(ack.body()).doesNotContain(code).doesNotContain(code.substring(0, 9))
                .contains("查询码：****-****-****-****").contains(caseNo);

        // After the retention period the body goes altogether (the notice and the case events remain).
        jdbc.sql("UPDATE mail_outbox SET sent_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(31))), ack.id()).update();
        retention.apply();
        assertThat(outbox.find(ack.id()).orElseThrow().body()).isEmpty();
    }

    /** A message not yet sent keeps what it must deliver; the safety pass masks what was sent recently. */
    @Test
    void onlySentMessagesAreMaskedAndEmptied() {
        String body = "查询码：JSKD-RXC7-3W6T-AP44\n";
        outbox.enqueue(null, "someone@example.cn", "测试", body, null);
        long pending = jdbc.sql("SELECT MAX(id) FROM mail_outbox").query(Long.class).single();
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ?, created_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().plus(Duration.ofDays(1))),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(60))), pending).update();
        outbox.enqueue(null, "someone@example.cn", "测试", body, null);
        long sentUnmasked = jdbc.sql("SELECT MAX(id) FROM mail_outbox").query(Long.class).single();
        // As if the node died between sending and masking.
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), sentUnmasked).update();
        try {
            retention.apply();
            assertThat(outbox.find(pending).orElseThrow().body()).isEqualTo(body);
            assertThat(outbox.find(sentUnmasked).orElseThrow().body()).isEqualTo("查询码：****-****-****-****\n");
        } finally {
            jdbc.sql("DELETE FROM mail_outbox WHERE id IN (?, ?)").params(pending, sentUnmasked).update();
        }
    }

    private OutboxMessage awaitSent(long caseId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            List<OutboxMessage> sent = outbox.forCase(caseId).stream().filter(m -> MailOutbox.SENT.equals(m.status()))
                    .toList();
            if (!sent.isEmpty()) {
                return sent.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("acknowledgment not sent within 30 s");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
