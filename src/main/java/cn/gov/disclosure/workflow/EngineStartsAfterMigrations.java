package cn.gov.disclosure.workflow;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway: its tables are created by a migration
 * ({@link EngineSchemaMigration}) and it checks them when it starts. Registered in META-INF/spring.factories.
 */
public class EngineStartsAfterMigrations implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Set.of(beanFactory.getBeanNamesForType(ProcessEngineConfiguration.class, true, false));
    }
}
