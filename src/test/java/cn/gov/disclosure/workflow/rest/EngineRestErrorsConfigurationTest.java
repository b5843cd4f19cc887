package cn.gov.disclosure.workflow.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.LoggerContext;

/**
 * The filter that keeps user mistakes out of the engine's ERROR log outlives logback resets: Spring Boot resets
 * logging whenever it initialises it again (a second application context in one JVM), which used to drop the
 * filter, and the next refused form completion was logged as an ERROR with its stack trace again.
 * A separate logback context here, so the JVM's own logging is not touched.
 */
class EngineRestErrorsConfigurationTest {

    @Test
    void theFilterComesBackAfterEveryResetAndIsNeverThereTwice() {
        LoggerContext logging = new LoggerContext();
        EngineRestErrorsConfiguration.protect(logging);
        EngineRestErrorsConfiguration.protect(logging);
        assertThat(logging.getTurboFilterList()).filteredOn(UserMistakeLogFilter.class::isInstance).hasSize(1);
        for (int i = 0; i < 2; i++) {
            logging.reset();
            assertThat(logging.getTurboFilterList()).as("after reset " + (i + 1))
                    .filteredOn(UserMistakeLogFilter.class::isInstance).hasSize(1);
        }
    }
}
