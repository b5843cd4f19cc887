package cn.gov.disclosure.casefile;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.CachedFigure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code disclosure.cases.overdue}: open cases (not yet replied, archived or closed) that the deadline watch has
 * flagged overdue.
 */
@Component
public class CaseMetrics {

    public CaseMetrics(JdbcClient jdbc, MeterRegistry registry,
                       @Value("${disclosure.metrics.refresh:PT30S}") Duration refresh) {
        CachedFigure overdue = new CachedFigure("disclosure.cases.overdue", refresh,
                () -> jdbc.sql("SELECT count(*) FROM application_case WHERE overdue AND status NOT IN (?, ?, ?)")
                        .params(CaseStatus.REPLIED.name(), CaseStatus.ARCHIVED.name(), CaseStatus.CLOSED.name())
                        .query(Long.class).single());
        Gauge.builder("disclosure.cases.overdue", overdue, CachedFigure::get).strongReference(true)
                .description("Cases past their reply deadline (refreshed at most every disclosure.metrics.refresh)")
                .register(registry);
    }
}
