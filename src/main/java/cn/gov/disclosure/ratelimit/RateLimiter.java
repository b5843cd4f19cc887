package cn.gov.disclosure.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window limits per client address: submissions per hour and look-ups per minute (configurable).
 * The counters are rows of {@code rate_limit_window}, shared by every node on the database, so N nodes
 * still allow the limit once, not N times. Callers check before doing anything, and decide what a refusal
 * looks like, so a refused application is shown back to the applicant with everything typed, never lost.
 *
 * <p>The address is the one the servlet container reports: behind a reverse proxy, the client's address
 * from {@code X-Forwarded-For} only when the proxy is trusted ({@code server.tomcat.remoteip.internal-proxies},
 * see application.yml). Addresses are stored hashed.
 */
@Component
public class RateLimiter {

    /** What is being limited. */
    public enum Kind {
        SUBMISSION, LOOKUP
    }

    private static final Duration LONGEST_WINDOW = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile int submissionsPerHour;
    private volatile int lookupsPerMinute;

    public RateLimiter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                       @Value("${disclosure.portal.rate-limit.submissions-per-hour:10}") int submissionsPerHour,
                       @Value("${disclosure.portal.rate-limit.lookups-per-minute:30}") int lookupsPerMinute) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // Wall-clock time on purpose: rate limits must not move with the engine clock in tests. Nodes keep
        // their clocks in step (NTP); a skew of seconds only shifts a window's edge.
        this.clock = Clock.systemUTC();
        this.submissionsPerHour = submissionsPerHour;
        this.lookupsPerMinute = lookupsPerMinute;
    }

    /** Counts one attempt; false if the address is over its limit for this kind. */
    public boolean tryAcquire(Kind kind, String address) {
        long length = (kind == Kind.SUBMISSION ? LONGEST_WINDOW : Duration.ofMinutes(1)).toMillis();
        int limit = kind == Kind.SUBMISSION ? submissionsPerHour : lookupsPerMinute;
        String bucket = kind.name() + ":" + hash(address);
        long now = clock.millis();
        ensureRow(bucket, now);
        // The UPDATE locks the row until commit, so the count read back is this attempt's own, whichever
        // node the other attempts went to.
        Integer hits = tx.execute(status -> {
            jdbc.update("UPDATE rate_limit_window SET "
                    + "hits = CASE WHEN ? - window_start >= ? THEN 1 ELSE hits + 1 END, "
                    + "window_start = CASE WHEN ? - window_start >= ? THEN ? ELSE window_start END "
                    + "WHERE bucket = ?", now, length, now, length, now, bucket);
            return jdbc.queryForObject("SELECT hits FROM rate_limit_window WHERE bucket = ?", Integer.class, bucket);
        });
        return hits != null && hits <= limit;
    }

    private void ensureRow(String bucket, long now) {
        try {
            jdbc.update("INSERT INTO rate_limit_window (bucket, window_start, hits) "
                    + "SELECT ?, ?, 0 FROM (VALUES (0)) AS one (x) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM rate_limit_window WHERE bucket = ?)", bucket, now, bucket);
        } catch (DuplicateKeyException e) {
            // Another node inserted it a moment ago: the row is there, which is all we need.
        }
    }

    private static String hash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: other limits, and every counter (of every node) forgotten. */
    public void reset(int submissionsPerHour, int lookupsPerMinute) {
        this.submissionsPerHour = submissionsPerHour;
        this.lookupsPerMinute = lookupsPerMinute;
        jdbc.update("DELETE FROM rate_limit_window");
    }

    /** Any node may run this at any time: it only deletes windows that are over. */
    @Scheduled(fixedDelay = 600_000)
    void forgetOldWindows() {
        jdbc.update("DELETE FROM rate_limit_window WHERE window_start < ?",
                clock.millis() - LONGEST_WINDOW.toMillis());
    }
}
