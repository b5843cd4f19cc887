package cn.gov.disclosure.common;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure read from the database at most once per {@code maxAge}, for gauges: a Prometheus scrape every few
 * seconds from several scrapers must not become a stream of count queries. If a read fails, the last value is
 * kept (and -1 before the first success) and one WARN line is logged, never a stack trace.
 */
public final class CachedFigure {

    private static final Logger log = LoggerFactory.getLogger(CachedFigure.class);

    private final String name;
    private final LongSupplier source;
    private final long maxAgeNanos;
    private long value = -1;
    private long readAt;
    private boolean read;

    public CachedFigure(String name, Duration maxAge, LongSupplier source) {
        this.name = name;
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized long get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            readAt = now;
            read = true;
            try {
                value = source.getAsLong();
            } catch (RuntimeException e) {
                log.warn("Figure {} not readable: {}", name, e.toString());
            }
        }
        return value;
    }
}
