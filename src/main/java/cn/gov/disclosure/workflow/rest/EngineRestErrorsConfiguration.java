package cn.gov.disclosure.workflow.rest;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ch.qos.logback.classic.LoggerContext;
import jakarta.annotation.PostConstruct;

/**
 * User mistakes on the engine REST: answered 400 in Chinese, logged as one WARN line (issue 16, item 5).
 * <ul>
 *   <li>{@code /engine-rest} is the starter's Jersey application: the mappers join it as a customizer.</li>
 *   <li>The webapps' own engine API ({@code /camunda/api/engine}, where Tasklist submits forms) is a Jersey
 *       servlet the webapp starter registers; Jersey adds the providers named in the servlet context parameter
 *       {@code jersey.config.server.provider.classnames} to every such application.</li>
 * </ul>
 */
@Configuration
public class EngineRestErrorsConfiguration {

    static final String PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

    @Bean
    ResourceConfigCustomizer refusedInputOnEngineRest() {
        return config -> config.registerClasses(RefusedInputMappers.ALL);
    }

    @Bean
    ServletContextInitializer refusedInputOnWebappApis() {
        return servletContext -> servletContext.setInitParameter(PROVIDER_CLASSNAMES,
                Arrays.stream(RefusedInputMappers.ALL).map(Class::getName).collect(Collectors.joining(",")));
    }

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
