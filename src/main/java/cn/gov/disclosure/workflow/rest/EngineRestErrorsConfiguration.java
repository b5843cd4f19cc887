package cn.gov.disclosure.workflow.rest;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;

import ch.qos.logback.classic.LoggerContext;
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
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging
                && logging.getTurboFilterList().stream().noneMatch(UserMistakeLogFilter.class::isInstance)) {
            UserMistakeLogFilter filter = new UserMistakeLogFilter();
            filter.start();
            logging.addTurboFilter(filter);
        }
    }
}
