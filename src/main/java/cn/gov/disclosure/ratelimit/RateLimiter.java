package cn.gov.disclosure.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed-window limits per client address: submissions per hour and look-ups per minute (configurable).
 * Counters live in this node's memory — enough to blunt floods; several nodes behind a balancer each
 * allow the limit. Callers decide what a refusal looks like, so a refused application is shown back to
 * the applicant with everything typed, never lost.
 */
@Component
public class RateLimiter {

    /** What is being limited. */
    public enum Kind {
        SUBMISSION, LOOKUP
    }

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int submissionsPerHour;
    private volatile int lookupsPerMinute;

    public RateLimiter(@Value("${disclosure.portal.rate-limit.submissions-per-hour:10}") int submissionsPerHour,
                       @Value("${disclosure.portal.rate-limit.lookups-per-minute:30}") int lookupsPerMinute) {
        // Wall-clock time on purpose: rate limits must not move with the engine clock in tests.
        this.clock = Clock.systemUTC();
        this.submissionsPerHour = submissionsPerHour;
        this.lookupsPerMinute = lookupsPerMinute;
    }

    /** Counts one attempt; false if the address is over its limit for this kind. */
    public boolean tryAcquire(Kind kind, String address) {
        long length = (kind == Kind.SUBMISSION ? Duration.ofHours(1) : Duration.ofMinutes(1)).toMillis();
        int limit = kind == Kind.SUBMISSION ? submissionsPerHour : lookupsPerMinute;
        long now = clock.millis();
        Window w = windows.compute(kind + "|" + address, (k, old) -> old == null || now - old.start() >= length
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        return w.count() <= limit;
    }

    /** For tests: other limits, and every counter forgotten. */
    public void reset(int submissionsPerHour, int lookupsPerMinute) {
        this.submissionsPerHour = submissionsPerHour;
        this.lookupsPerMinute = lookupsPerMinute;
        windows.clear();
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetOldWindows() {
        long now = clock.millis();
        windows.entrySet().removeIf(e -> now - e.getValue().start() > Duration.ofHours(1).toMillis());
    }
}
