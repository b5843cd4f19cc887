package cn.gov.disclosure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/** Which failures may be retried at once, which may have delivered the message, which are final; and back-off. */
class SmtpOutcomeTest {

    private static MailSendException timeout() {
        return new MailSendException("Mail server connection failed",
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out")));
    }

    @Test
    void aTimeoutBeforeTheMessageWasWrittenIsRetried() {
        SmtpOutcome o = SmtpOutcome.of(timeout(), false);
        assertThat(o.kind()).isEqualTo(SmtpOutcome.Kind.RETRY);
        assertThat(o.summary()).isEqualTo("Exception reading response <- SocketTimeoutException: Read timed out");
    }

    @Test
    void aTimeoutAfterTheWholeMessageIsUncertain() {
        assertThat(SmtpOutcome.of(timeout(), true).kind()).isEqualTo(SmtpOutcome.Kind.UNCERTAIN);
    }

    @Test
    void noConnectionIsRetried() {
        var e = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
        assertThat(SmtpOutcome.of(e, false).kind()).isEqualTo(SmtpOutcome.Kind.RETRY);
    }

    @Test
    void anAnswerToTheEndOfDataIsDefinite() {
        var later = new SMTPSendFailedException(".", 451, "451 4.3.0 try again later", null, null, null, null);
        var refused = new SMTPSendFailedException(".", 554, "554 5.7.1 message refused", null, null, null, null);
        assertThat(SmtpOutcome.of(later, true).kind()).isEqualTo(SmtpOutcome.Kind.RETRY);
        assertThat(SmtpOutcome.of(refused, true).kind()).isEqualTo(SmtpOutcome.Kind.REJECTED);
    }

    @Test
    void anUnknownRecipientIsFinal() throws Exception {
        var e = new SMTPAddressFailedException(new InternetAddress("nobody@example.cn"), "RCPT TO:<nobody@example.cn>",
                550, "550 5.1.1 no such user");
        assertThat(SmtpOutcome.of(new MailSendException("Failed messages", e), false).kind())
                .isEqualTo(SmtpOutcome.Kind.REJECTED);
    }

    @Test
    void backOffDoublesUpToItsCap() {
        MailSettings s = new MailSettings("a <a@example.cn>", Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofDays(3), Duration.ofHours(1), 2, 4, Duration.ofMinutes(15),
                Duration.ofMinutes(30));
        assertThat(s.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(s.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(s.backoff(10_000)).isEqualTo(Duration.ofHours(1));
        // Three days of outage at the cap: about 80 attempts, never more than an hour apart.
        long attempts = 0;
        Duration elapsed = Duration.ZERO;
        while (elapsed.compareTo(s.giveUpAfter()) < 0) {
            elapsed = elapsed.plus(s.backoff((int) ++attempts));
        }
        assertThat(attempts).isBetween(70L, 80L);
    }
}
