package cn.gov.disclosure.acknowledgment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gov.disclosure.common.CachedFigure;
import cn.gov.disclosure.notice.Notice;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Table {@code pending_acknowledgment}: acknowledgments registered but not yet issued, each with its sealed tracking
 * code. Its size is the acknowledgment backlog, exposed as {@code disclosure.acknowledgments.pending} and
 * {@code disclosure.acknowledgments.pending.oldest.age} (seconds), refreshed at most every
 * {@code disclosure.metrics.refresh}. Normally both stay near zero; a growing backlog means the job executor is
 * stopped or the acknowledgment step keeps failing (see Cockpit's incidents).
 */
@Repository
class PendingAcknowledgments {

    record Pending(long caseId, String sealedCode, String keyId, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    PendingAcknowledgments(JdbcClient jdbc, MeterRegistry registry,
                           @Value("${disclosure.metrics.refresh:PT30S}") Duration refresh) {
        this.jdbc = jdbc;
        CachedFigure backlog = new CachedFigure("disclosure.acknowledgments.pending", refresh,
                () -> jdbc.sql("SELECT count(*) FROM pending_acknowledgment").query(Long.class).single());
        CachedFigure oldest = new CachedFigure("disclosure.acknowledgments.pending.oldest.age", refresh,
                () -> jdbc.sql("SELECT min(created_at) FROM pending_acknowledgment").query(Timestamp.class).optional()
                        .map(t -> Math.max(0, Duration.between(t.toInstant(), Instant.now()).toSeconds())).orElse(0L));
        Gauge.builder("disclosure.acknowledgments.pending", backlog, CachedFigure::get).strongReference(true)
                .description("Acknowledgments (receipts) registered but not yet issued").register(registry);
        Gauge.builder("disclosure.acknowledgments.pending.oldest.age", oldest, CachedFigure::get).strongReference(true)
                .baseUnit("seconds").description("How long the oldest pending acknowledgment has waited")
                .register(registry);
    }

    void insert(long caseId, String sealedCode, String keyId) {
        jdbc.sql("INSERT INTO pending_acknowledgment (case_id, tracking_code_sealed, key_id, created_at) "
                        + "VALUES (?, ?, ?, ?)")
                .params(caseId, sealedCode, keyId, Timestamp.from(Instant.now())).update();
    }

    Optional<Pending> find(long caseId) {
        return jdbc.sql("SELECT case_id, tracking_code_sealed, key_id, created_at FROM pending_acknowledgment "
                        + "WHERE case_id = ?").param(caseId)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).optional();
    }

    /**
     * Deletes the row: 1 if this transaction now owns the issuing, 0 if another issued it first. A second caller
     * waits here on the row lock until the first commits (or rolls back, and then takes over).
     */
    int claim(long caseId) {
        return jdbc.sql("DELETE FROM pending_acknowledgment WHERE case_id = ?").param(caseId).update();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM pending_acknowledgment").query(Long.class).single();
    }

    /** The issued acknowledgment of a case, if any (the first, should there ever be two). */
    Optional<Notice> issued(long caseId) {
        return jdbc.sql("SELECT id, case_id, notice_type, title, issued_on FROM notice WHERE case_id = ? "
                        + "AND notice_type = 'ACKNOWLEDGMENT' AND status = 'ISSUED' ORDER BY id LIMIT 1")
                .param(caseId)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class))).optional();
    }
}
