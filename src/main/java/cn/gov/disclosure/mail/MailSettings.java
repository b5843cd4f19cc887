package cn.gov.disclosure.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers ({@code disclosure.mail.*}).
 *
 * @param from                 sender address; its domain is the right-hand side of every Message-ID
 * @param pollInterval         how often idle senders look for due messages
 * @param firstRetry           wait after the first failed attempt; doubled after each further one ...
 * @param maxBackoff           ... up to this cap, so a long outage is retried at least this often
 * @param giveUpAfter          how long after queuing a message is still retried; then a clerk delivers it
 *                             another way (at least three days by default, so a weekend outage loses nothing)
 * @param uncertainRetryAfter  wait before re-sending a message the server may already have accepted (timeout
 *                             after the end of DATA), with the same Message-ID
 * @param maxUncertainResends  how many such re-sends at most; then a clerk checks and delivers another way
 * @param senders              messages in flight at once on this node (one SMTP connection each)
 * @param lease                how long a claimed message stays with its sender before another may take it over;
 *                             longer than any SMTP exchange can last with the configured timeouts
 * @param degradedAfter        the mail health indicator reports DEGRADED when a message has waited this long
 */
@ConfigurationProperties("disclosure.mail")
public record MailSettings(
        @DefaultValue("政府信息公开 <noreply@disclosure.example.cn>") String from,
        @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxBackoff,
        @DefaultValue("P3D") Duration giveUpAfter,
        @DefaultValue("PT1H") Duration uncertainRetryAfter,
        @DefaultValue("2") int maxUncertainResends,
        @DefaultValue("4") int senders,
        @DefaultValue("PT15M") Duration lease,
        @DefaultValue("PT30M") Duration degradedAfter) {

    /** Wait before the next try after {@code failedAttempts} failures: doubling from firstRetry, capped. */
    public Duration backoff(int failedAttempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
