package cn.gov.disclosure.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Delivers the outbox over SMTP, retrying with exponential back-off. */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final AttachmentSource notices;
    private final JavaMailSender sender;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetry;

    public OutboxSender(MailOutbox outbox, AttachmentSource notices, JavaMailSender sender,
                        @Value("${disclosure.mail.from}") String from,
                        @Value("${disclosure.mail.max-attempts:10}") int maxAttempts,
                        @Value("${disclosure.mail.first-retry:PT1M}") Duration firstRetry) {
        this.outbox = outbox;
        this.notices = notices;
        this.sender = sender;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    @Scheduled(fixedDelayString = "${disclosure.mail.poll-interval:PT5S}",
            initialDelayString = "${disclosure.mail.poll-interval:PT5S}")
    public void sendDue() {
        for (long id : outbox.due(50)) {
            if (outbox.claim(id, Duration.ofMinutes(5))) {
                outbox.find(id).ifPresent(this::send);
            }
        }
    }

    private void send(OutboxMessage m) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, m.noticeId() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(m.recipient());
            helper.setSubject(m.subject());
            helper.setText(m.body(), false);
            if (m.noticeId() != null) {
                byte[] pdf = notices.pdf(m.noticeId()).orElseThrow();
                helper.addAttachment(attachmentName(m), new ByteArrayResource(pdf), "application/pdf");
            }
            sender.send(mime);
            outbox.markSent(m.id());
            outbox.redactAfterSend(m.id());
            log.info("Mail {} sent (case {}, attempt {})", m.id(), m.caseId(), m.attempts() + 1);
        } catch (MessagingException | RuntimeException e) {
            Duration retryIn = firstRetry.multipliedBy(1L << Math.min(m.attempts(), 6));
            outbox.markFailed(m.id(), m.attempts(), maxAttempts, retryIn, e.toString());
            if (m.attempts() + 1 >= maxAttempts) {
                log.error("Mail {} (case {}) failed {} times and is given up: {}", m.id(), m.caseId(), maxAttempts,
                        e.toString());
            } else {
                log.warn("Mail {} (case {}) failed, retry in {}: {}", m.id(), m.caseId(), retryIn, e.toString());
            }
        }
    }

    private static String attachmentName(OutboxMessage m) {
        String subject = m.subject();
        int cut = subject.indexOf('（');
        return (cut > 0 ? subject.substring(0, cut) : "通知书") + ".pdf";
    }
}
