package cn.gov.disclosure.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the outbox keeps of a message once it is sent. Bodies carry credentials: the applicant's tracking
 * code (acknowledgment) and a consulted agency's one-time answer link. The case table keeps only a hash of
 * the code, so a copy of the database or a backup must not hand them out through the outbox either:
 * they are masked right after sending ({@link MailOutbox#redactAfterSend}) and, in case a node died between
 * sending and masking, again on every pass for what was sent in the last day. After
 * {@code disclosure.mail.body-retention} the body of a sent message is emptied altogether (the notice PDF
 * and the case events remain as the record).
 */
@Component
public class OutboxRetention {

    /**
     * The shape of a tracking code ({@code casefile.TrackingCodes}: groups of four from an alphabet without
     * 0, 1, I and O) and of the one-time tokens built from two of them.
     */
    private static final Pattern CREDENTIAL =
            Pattern.compile("(?<![0-9A-Za-z])[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3,}(?![0-9A-Za-z])");

    private static final Duration SAFETY_WINDOW = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final Clock clock;
    private final Duration bodyRetention;

    public OutboxRetention(JdbcClient jdbc, MailOutbox outbox, Clock clock,
                           @Value("${disclosure.mail.body-retention:P30D}") Duration bodyRetention) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.bodyRetention = bodyRetention;
    }

    /** The text with every tracking code or token replaced by asterisks (dashes kept, so it still reads as one). */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CREDENTIAL.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, m.group().replaceAll("[^-]", "*"));
        }
        return m.appendTail(sb).toString();
    }

    @Scheduled(fixedDelayString = "${disclosure.mail.retention-check-interval:PT1H}",
            initialDelayString = "${disclosure.mail.retention-check-interval:PT1H}")
    public void apply() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("SELECT id FROM mail_outbox WHERE status = 'SENT' AND sent_at >= ? AND body <> ''")
                .param(Timestamp.from(now.toInstant().minus(SAFETY_WINDOW))).query(Long.class).list()
                .forEach(outbox::redactAfterSend);
        int purged = jdbc.sql("UPDATE mail_outbox SET body = '' WHERE status = 'SENT' AND sent_at < ? AND body <> ''")
                .param(Timestamp.from(now.toInstant().minus(bodyRetention))).update();
        if (purged > 0) {
            log.info("Emptied the bodies of {} sent messages older than {}", purged, bodyRetention);
        }
    }
}
