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
    private final Clock clock;
    private volatile int submissionsPerHour;
    private volatile int lookupsPerMinute;

    public RateLimiter(JdbcTemplate jdbc,
                       @Value("${disclosure.portal.rate-limit.submissions-per-hour:10}") int submissionsPerHour,
                       @Value("${disclosure.portal.rate-limit.lookups-per-minute:30}") int lookupsPerMinute) {
        this.jdbc = jdbc;
        // Wall-clock time on purpose: rate limits must not move with the engine clock in tests. Nodes keep
        // their clocks in step (NTP); a skew of seconds only shifts a window's edge.
        this.clock = Clock.systemUTC();
        this.submissionsPerHour = submissionsPerHour;
        this.lookupsPerMinute = lookupsPerMinute;
    }

    /** Counts one attempt; false if the address is over its limit for this kind. */
    public boolean tryAcquire(Kind kind, String address) {
        long length = length(kind);
        int limit = limit(kind);
        String bucket = kind.name() + ":" + hash(address);
        long now = clock.millis();
        if (limit <= 0) {
            return false;
        }
        // One conditional UPDATE, committed on its own: it counts the attempt only if the address is still under its
        // limit (or its window is over), so "one row updated" is the answer, whichever node the other attempts went
        // to. The row's lock lasts one statement: every online application passes here, and all of one address's
        // (an office behind one proxy) queue on that row, so an explicit transaction with a read-back, or an
        // insert-if-missing before each attempt, held the lock longer and cost a commit more on the intake's path.
        if (count(bucket, now, length, limit)) {
            return true;
        }
        if (ensureRow(bucket, now)) {
            // The address's first attempt in a while (forgetOldWindows deletes old rows): count it now.
            return count(bucket, now, length, limit);
        }
        return false;
    }

    /**
     * For a caller that stores something when allowed (an online application): a read-only check first, outside
     * any transaction, that refuses an address already over its limit before anything is done; the attempt itself is
     * then counted by {@link #countInTransaction} as the last statement of the storing transaction. The counter's
     * row lock is so held only for that transaction's commit, and the application costs no commit of its own for the
     * count (on H2 every commit is a write of the database file that all others queue behind). Invalid attempts,
     * refused before storing, are not counted: they store nothing.
     *
     * @return false if the address is over its limit now
     */
    public boolean mayAttempt(Kind kind, String address) {
        long length = length(kind);
        int limit = limit(kind);
        if (limit <= 0) {
            return false;
        }
        String bucket = kind.name() + ":" + hash(address);
        long now = clock.millis();
        java.util.List<Boolean> over = jdbc.query("SELECT ? - window_start < ? AND hits >= ? FROM rate_limit_window "
                + "WHERE bucket = ?", (rs, n) -> rs.getBoolean(1), now, length, limit, bucket);
        if (over.isEmpty()) {
            // The address's first attempt in a while: its row, committed on its own (a failed insert of a row another
            // node created at the same moment must not abort the caller's transaction on PostgreSQL).
            ensureRow(bucket, now);
            return true;
        }
        return !over.get(0);
    }

    /**
     * Counts the attempt inside the caller's transaction, after {@link #mayAttempt}; false if the address reached its
     * limit meanwhile (concurrent attempts, other nodes): the caller then rolls back and refuses.
     */
    public boolean countInTransaction(Kind kind, String address) {
        int limit = limit(kind);
        if (limit <= 0) {
            return false;
        }
        String bucket = kind.name() + ":" + hash(address);
        if (count(bucket, clock.millis(), length(kind), limit)) {
            return true;
        }
        // Nothing counted: over the limit, unless forgetOldWindows removed the row since mayAttempt saw it (then
        // this one attempt goes uncounted rather than refused).
        return jdbc.queryForList("SELECT 1 FROM rate_limit_window WHERE bucket = ?", Integer.class, bucket).isEmpty();
    }

    private static long length(Kind kind) {
        return (kind == Kind.SUBMISSION ? LONGEST_WINDOW : Duration.ofMinutes(1)).toMillis();
    }

    private int limit(Kind kind) {
        return kind == Kind.SUBMISSION ? submissionsPerHour : lookupsPerMinute;
    }

    /** Thrown inside a storing transaction when {@link #countInTransaction} refused: nothing is stored. */
    public static final class LimitReached extends RuntimeException {
        public LimitReached() {
            super("rate limit reached", null, false, false);
        }
    }

    /** Counts the attempt if allowed; false if over the limit or the address has no row. */
    private boolean count(String bucket, long now, long length, int limit) {
        return jdbc.update("UPDATE rate_limit_window SET "
                + "hits = CASE WHEN ? - window_start >= ? THEN 1 ELSE hits + 1 END, "
                + "window_start = CASE WHEN ? - window_start >= ? THEN ? ELSE window_start END "
                + "WHERE bucket = ? AND (? - window_start >= ? OR hits < ?)",
                now, length, now, length, now, bucket, now, length, limit) == 1;
    }

    /** True if the row was missing (and now exists); false if it was there, i.e. the address is over its limit. */
    private boolean ensureRow(String bucket, long now) {
        try {
            return jdbc.update("INSERT INTO rate_limit_window (bucket, window_start, hits) "
                    + "SELECT ?, ?, 0 FROM (VALUES (0)) AS one (x) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM rate_limit_window WHERE bucket = ?)", bucket, now, bucket) == 1;
        } catch (DuplicateKeyException e) {
            // Another node inserted it a moment ago: the row is there; try to count on it.
            return true;
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
