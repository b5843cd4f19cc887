package cn.gov.disclosure.workflow.rest;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the engine's "ENGINE-16004 Exception while closing command context" ERROR (logger
 * {@code org.camunda.bpm.engine.context}, with a stack trace) when the exception is a user mistake
 * ({@link cn.gov.disclosure.common.InvalidInputException}): the caller answers it, and the engine REST logs
 * it as one WARN line ({@link RefusedInput}). Every other engine error is still logged in full.
 */
public class UserMistakeLogFilter extends ch.qos.logback.classic.turbo.TurboFilter {

    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (logger == null || !ENGINE_CONTEXT.equals(logger.getName()) || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        if (RefusedInput.find(t) != null) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object p : params) {
                if (p instanceof Throwable thrown && RefusedInput.find(thrown) != null) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }
}
