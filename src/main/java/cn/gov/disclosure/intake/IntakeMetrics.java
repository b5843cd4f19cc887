package cn.gov.disclosure.intake;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.gov.disclosure.casefile.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Intake figures: {@code disclosure.applications.accepted} (tag {@code channel}),
 * {@code disclosure.applications.refused} (tag {@code reason}: {@code invalid} — the application failed
 * validation, {@code rate_limited} — too many from one address) and the timer {@code disclosure.intake.latency}
 * (storing the case and starting its process, accepted applications only).
 */
@Component
public class IntakeMetrics {

    /** Why an application was refused; the tag value is the lower-case name. */
    public enum Refusal { INVALID, RATE_LIMITED }

    private final MeterRegistry registry;
    private final Timer latency;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("disclosure.intake.latency")
                .description("Time to store an accepted application and start its process")
                .publishPercentileHistogram().register(registry);
        // Registered up front so a dashboard sees zeros, not gaps, before the first application.
        for (Channel c : Channel.values()) {
            acceptedCounter(c);
        }
        for (Refusal r : Refusal.values()) {
            refusedCounter(r);
        }
    }

    private Counter acceptedCounter(Channel channel) {
        return Counter.builder("disclosure.applications.accepted").tag("channel", channel.name().toLowerCase())
                .description("Applications registered").register(registry);
    }

    private Counter refusedCounter(Refusal reason) {
        return Counter.builder("disclosure.applications.refused").tag("reason", reason.name().toLowerCase())
                .description("Applications refused before anything was stored").register(registry);
    }

    /**
     * Counts an accepted application once its transaction commits (a rollback stores nothing, so it is not
     * counted); the latency runs from {@code startNanos} to the commit.
     */
    void acceptedOnCommit(Channel channel, long startNanos) {
        Runnable count = () -> {
            acceptedCounter(channel).increment();
            latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    /** Public: the API and the portal refuse over-limit submissions before they reach the intake. */
    public void refused(Refusal reason) {
        refusedCounter(reason).increment();
    }
}
