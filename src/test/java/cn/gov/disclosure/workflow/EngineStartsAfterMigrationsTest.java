package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import cn.gov.disclosure.IntegrationTest;

/** The engine checks its tables when it starts, so it must start after the migration that makes them. */
class EngineStartsAfterMigrationsTest extends IntegrationTest {

    @Autowired ConfigurableListableBeanFactory beans;

    @Test
    void theEngineConfigurationDependsOnFlyway() {
        String[] names = beans.getBeanNamesForType(ProcessEngineConfiguration.class, true, false);
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(beans.getBeanDefinition(name).getDependsOn()).as(name).contains("flywayInitializer");
        }
    }
}
