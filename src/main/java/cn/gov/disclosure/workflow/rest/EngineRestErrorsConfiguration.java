package cn.gov.disclosure.workflow.rest;

import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import jakarta.annotation.PostConstruct;
import jakarta.servlet.Filter;

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

    /**
     * Before each call that may complete a task or start a process from a form: Spring Boot stops and resets logback
     * when logging is initialised again in the same JVM (a second application context, as in the tests), and a stop
     * drops even reset-resistant listeners. Checking a list of one or two filters costs nothing per request.
     */
    @Bean
    FilterRegistrationBean<Filter> userMistakeLogGuard() {
        Filter guard = (request, response, chain) -> {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                install(logging);
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(guard);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("userMistakeLogGuard");
        return registration;
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
