package cn.gov.disclosure.support;

import java.util.HashMap;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Points the context of an {@link OnPostgres} test class at its embedded PostgreSQL database. */
class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        OnPostgres on = TestContextAnnotationUtils.findMergedAnnotation(testClass, OnPostgres.class);
        return on == null ? null : new PostgresDatabase(on.value());
    }

    /** A record: contexts naming the same database are equal, so Spring's test context cache shares them. */
    record PostgresDatabase(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String url = EmbeddedPostgresSupport.database(database);
            // First: wins over the H2 URLs in application-test.yml and in @SpringBootTest(properties).
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                    "embedded PostgreSQL " + database, new HashMap<>(EmbeddedPostgresSupport.springProperties(url))));
        }
    }
}
