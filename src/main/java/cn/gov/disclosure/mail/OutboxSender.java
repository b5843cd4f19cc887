package cn.gov.disclosure.mail;

import cn.gov.disclosure.common.Texts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers the outbox over SMTP with a small pool of sender threads ({@code disclosure.mail.senders}), each
 * claiming one row at a time, so a slow or silent server holds up one message per thread and never a web request.
 *
 * <p>Failures: a definite failure is retried with a doubling, capped wait ({@link MailSettings#backoff}) until
 * {@code give-up-after} has passed since the message was queued; a timeout after the whole message was written
 * is UNCERTAIN (the server may have it) and re-sent only after {@code uncertain-retry-after}, with the same
 * Message-ID, at most {@code max-uncertain-resends} times; a message given up is reported as
 * {@link MailUndeliverable} in the same transaction, so a clerk delivers it another way. Expected failures log
 * one WARN line each, without a stack trace.
 */
@Component
public class OutboxSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final AttachmentSource notices;
    private final JavaMailSender sender;
    private final MailSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MailMetrics metrics;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running = true;
    private MailAttachments extras;

    public OutboxSender(MailOutbox outbox, AttachmentSource notices, JavaMailSender sender, MailSettings settings,
                        Clock clock, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                        MailMetrics metrics) {
        this.outbox = outbox;
        this.notices = notices;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.metrics = metrics;
        int threads = Math.max(1, settings.senders());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "mail-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The records released with a reply go with its e-mail (when the records feature is present). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setExtras(MailAttachments extras) {
        this.extras = extras;
    }

    /** Wakes idle senders; each then drains due messages until none is left. */
    @Scheduled(fixedDelayString = "${disclosure.mail.poll-interval:PT5S}",
            initialDelayString = "${disclosure.mail.poll-interval:PT5S}")
    public void sendDue() {
        metrics.refresh();
        while (running && busy.get() < pool.getMaximumPoolSize()) {
            busy.incrementAndGet();
            pool.execute(this::drain);
        }
    }

    private void drain() {
        try {
            String token = UUID.randomUUID().toString();
            while (running) {
                var next = outbox.claimNext(settings.lease(), token, pool.getMaximumPoolSize() * 2);
                if (next.isEmpty()) {
                    return;
                }
                send(next.get(), token);
            }
        } catch (RuntimeException e) {
            // The database, not SMTP: the next poll tries again.
            log.warn("Mail outbox not readable: {}", e.toString());
        } finally {
            busy.decrementAndGet();
        }
    }

    void send(OutboxMessage m, String token) {
        String messageId = m.messageId() != null ? m.messageId() : outbox.ensureMessageId(m.id());
        TrackedMessage mime = new TrackedMessage(session(), messageId);
        try {
            MimeMessageHelper helper = new Helper(mime, m.noticeId() != null);
            helper.setFrom(settings.from());
            helper.setTo(m.recipient());
            helper.setSubject(m.subject());
            helper.setText(m.body(), false);
            if (m.noticeId() != null) {
                byte[] pdf = notices.pdf(m.noticeId())
                        .orElseThrow(() -> new IllegalStateException("notice " + m.noticeId() + " has no PDF"));
                helper.addAttachment(attachmentName(m), new ByteArrayResource(pdf), "application/pdf");
                if (extras != null) {
                    for (MailAttachments.Attachment a : extras.forNotice(m.noticeId())) {
                        helper.addAttachment(a.name(), new ByteArrayResource(a.content()), a.mediaType());
                    }
                }
            }
            sender.send(mime);
        } catch (MessagingException | org.springframework.mail.MailException e) {
            failed(m, token, SmtpOutcome.of(e, mime.written));
            return;
        } catch (RuntimeException e) {
            // Not an SMTP problem (a bug, a missing PDF): worth a stack trace, and retried like any failure.
            log.error("Mail {} (case {}) could not be prepared", m.id(), m.caseId(), e);
            failed(m, token, new SmtpOutcome(SmtpOutcome.Kind.RETRY, e.toString()));
            return;
        }
        if (outbox.markSent(m.id(), token)) {
            outbox.redactAfterSend(m.id());
            metrics.sent();
            announceSent(m, messageId);
            log.info("Mail {} sent (case {}, attempt {}, {})", m.id(), m.caseId(), m.attempts() + 1, messageId);
        } else {
            log.warn("Mail {} (case {}) sent, but its claim had expired and was taken over", m.id(), m.caseId());
        }
    }

    /**
     * Tells the delivery record that the notice reached the recipient's server. Never throws: the mail is sent and
     * must not be sent again because the bookkeeping failed (the delivery then stays pending for a clerk to see).
     */
    private void announceSent(OutboxMessage m, String messageId) {
        try {
            transaction.executeWithoutResult(status -> events.publishEvent(
                    new MailSent(m.id(), m.caseId(), m.noticeId(), m.recipient(), messageId, clock.instant())));
        } catch (RuntimeException e) {
            log.error("Mail {} (case {}) sent, but its delivery could not be recorded", m.id(), m.caseId(), e);
        }
    }

    private void failed(OutboxMessage m, String token, SmtpOutcome outcome) {
        metrics.failedAttempt();
        Instant now = clock.instant();
        boolean overdue = !now.isBefore(m.createdAt().plus(settings.giveUpAfter()));
        String error = outcome.summary().length() > 500 ? outcome.summary().substring(0, 500) + "…" : outcome.summary();
        switch (outcome.kind()) {
            case REJECTED -> giveUp(m, token, MailUndeliverable.Reason.REJECTED, error);
            case UNCERTAIN -> {
                if (m.uncertainSends() >= settings.maxUncertainResends()) {
                    giveUp(m, token, MailUndeliverable.Reason.UNCONFIRMED, error);
                } else if (overdue) {
                    giveUp(m, token, MailUndeliverable.Reason.GAVE_UP, error);
                } else if (outbox.markUncertain(m.id(), token, now.plus(settings.uncertainRetryAfter()), error)) {
                    log.warn("Mail {} (case {}) handed over without an answer; re-sent with the same Message-ID in {}: {}",
                            m.id(), m.caseId(), settings.uncertainRetryAfter(), error);
                }
            }
            case RETRY -> {
                if (overdue) {
                    giveUp(m, token, MailUndeliverable.Reason.GAVE_UP, error);
                } else {
                    var wait = settings.backoff(m.attempts() + 1);
                    if (outbox.retryLater(m.id(), token, now.plus(wait), error)) {
                        log.warn("Mail {} (case {}) not sent, retry in {}: {}", m.id(), m.caseId(), wait, error);
                    }
                }
            }
        }
    }

    private void giveUp(OutboxMessage m, String token, MailUndeliverable.Reason reason, String error) {
        // One transaction: the row is FAILED exactly when the clerk's task exists (the listener runs inside it).
        Boolean reported;
        try {
            reported = transaction.execute(s -> {
                if (!outbox.markUndeliverable(m.id(), token, error)) {
                    return false;
                }
                events.publishEvent(new MailUndeliverable(m.caseId(), m.id(), m.recipient(), m.subject(), reason, error));
                return true;
            });
        } catch (RuntimeException e) {
            // The clerk's task could not be created: keep the message alive and give it up again later.
            log.error("Mail {} (case {}) could not be handed to a clerk; tried again later", m.id(), m.caseId(), e);
            outbox.retryLater(m.id(), token, clock.instant().plus(settings.maxBackoff()), error);
            return;
        }
        if (Boolean.TRUE.equals(reported)) {
            metrics.undeliverable();
            log.warn("Mail {} (case {}) given up ({}) after {} attempts; handed to a clerk: {}", m.id(), m.caseId(),
                    reason, m.attempts() + 1, error);
        }
    }

    private Session session() {
        return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    private static String attachmentName(OutboxMessage m) {
        String subject = m.subject();
        int cut = subject.indexOf('（');
        return (cut > 0 ? subject.substring(0, cut) : Texts.get("mail.attachment.defaultName")) + ".pdf";
    }

    @Override
    public void destroy() {
        running = false;
        pool.shutdownNow();
    }

    /**
     * A message with a fixed Message-ID that notes when JavaMail has written all of it: SMTP writes the content
     * only after the server accepted DATA, so a failure after this point may follow a successful delivery.
     */
    static final class TrackedMessage extends MimeMessage {

        private final String messageId;
        volatile boolean written;

        TrackedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            super.writeTo(os, ignoreList);
            written = true;
        }
    }

    /**
     * Why: Spring's helper builds a new MIME type map for every message (reading mime.types from every jar on the
     * class path), about 4 % of the CPU of issuing an acknowledgment; every attachment here names its type, so one
     * map serves all messages.
     */
    private static final class Helper extends MimeMessageHelper {

        private static final FileTypeMap SHARED = shared();

        private static FileTypeMap shared() {
            ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
            map.afterPropertiesSet();
            return map;
        }

        Helper(MimeMessage mime, boolean multipart) throws MessagingException {
            super(mime, multipart, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return SHARED;
        }
    }
}
