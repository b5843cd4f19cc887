package cn.gov.disclosure;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the process tests: the real engine and database (mock servlet environment, no SMTP) with the process
 * test coverage extension. Each process test class must reach every flow node of the models it runs (the
 * delivery model only in its own class, see {@link Coverage#processCoverage})
 * (report under target/process-test-coverage/).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, classes = DisclosureApplication.class,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:disclosure-process-test;DB_CLOSE_DELAY=-1",
                // Engines register by name in a JVM-wide registry that Camunda's webapps and REST use:
                // only the HTTP test context may be "default".
                "camunda.bpm.generate-unique-process-engine-name=true",
                "disclosure.demo.mail-server.enabled=false",
                "disclosure.mail.poll-interval=PT1H"})
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, ProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTest {

    @TestConfiguration
    static class Coverage {
        /**
         * A notice delivered by post or at the counter starts the delivery model beside the case; a class that
         * only meets it on the way is not answerable for its paths. {@code DeliveryProcessTest} clears the
         * exclusion and covers that model in full.
         */
        @Bean
        @Primary
        ProcessEngineCoverageProperties processCoverage(
                @Value("${disclosure.test.coverage-not-asserted-for:delivery}") String[] notAsserted) {
            return ProcessEngineCoverageProperties.Companion.builder()
                    .assertClassCoverageAtLeast(1.0)
                    .excludeProcessDefinitionKeys(notAsserted)
                    .build();
        }
    }
}
