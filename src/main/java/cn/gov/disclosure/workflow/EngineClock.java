package cn.gov.disclosure.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the process engine's clock, so that statutory arithmetic ("today") and the
 * engine's timers always agree — also in tests that move the engine clock to fire a timer. This is the
 * one place that touches an engine internal ({@code ClockUtil}); Operaton has the same class.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
