package cn.gov.disclosure.workflow.rest;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import jakarta.annotation.PostConstruct;

/**
 * User mistakes on the engine REST: answered 400 in Chinese and logged as one WARN line (issue 16, item 5).
 * The answer comes from {@link RefusedInputMappers}, which Jersey adds to each of its applications
 * ({@link RefusedInputFeature}); here the engine's own ERROR log of the same exception is silenced.
 */
@Configuration
public class EngineRestErrorsConfiguration {

    @PostConstruct
    void quietEngineLogForUserMistakes() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            protect(logging);
        }
    }

    static void protect(LoggerContext logging) {
        install(logging);
        // Spring Boot resets logback whenever logging is initialised again (another application context in the
        // same JVM, a refresh of the configuration), which drops every turbo filter: put it back then.
        if (logging.getCopyOfListenerList().stream().noneMatch(ReinstallOnReset.class::isInstance)) {
            logging.addListener(new ReinstallOnReset());
        }
    }

    static void install(LoggerContext logging) {
        if (logging.getTurboFilterList().stream().noneMatch(UserMistakeLogFilter.class::isInstance)) {
            UserMistakeLogFilter filter = new UserMistakeLogFilter();
            filter.start();
            logging.addTurboFilter(filter);
        }
    }

    /** Survives the reset it reacts to. */
    static final class ReinstallOnReset implements LoggerContextListener {

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            install(context);
        }

        @Override
        public void onStart(LoggerContext context) {
            install(context);
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
