package cn.gov.disclosure.workflow;

import java.time.Duration;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.CachedFigure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's trouble figures: {@code disclosure.engine.incidents} (open incidents, as Cockpit shows them) and
 * {@code disclosure.engine.jobs.failed} (jobs whose retries are used up). Both should be 0; anything else
 * needs someone in Cockpit. Read through the engine's services, at most once per {@code disclosure.metrics.refresh}.
 */
@Component
public class EngineMetrics {

    public EngineMetrics(RuntimeService runtime, ManagementService management, AsSystem asSystem, MeterRegistry registry,
                         @Value("${disclosure.metrics.refresh:PT30S}") Duration refresh) {
        // Authorization checks apply to the current engine user, if a filter has set one on this thread;
        // these counts are figures, not case data, so they run as the system.
        CachedFigure incidents = new CachedFigure("disclosure.engine.incidents", refresh,
                () -> asSystem.call(() -> runtime.createIncidentQuery().count()));
        CachedFigure failedJobs = new CachedFigure("disclosure.engine.jobs.failed", refresh,
                () -> asSystem.call(() -> management.createJobQuery().noRetriesLeft().count()));
        Gauge.builder("disclosure.engine.incidents", incidents, CachedFigure::get).strongReference(true)
                .description("Open incidents in the process engine").register(registry);
        Gauge.builder("disclosure.engine.jobs.failed", failedJobs, CachedFigure::get).strongReference(true)
                .description("Engine jobs with no retries left").register(registry);
    }
}
