package cn.gov.disclosure.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring test class on the embedded PostgreSQL ({@link EmbeddedPostgresSupport}) instead of H2: the
 * application context gets the database {@link #value()} (created on first use, shared by every class that
 * names it, as H2's in-memory databases are shared by name). The usual form is an empty subclass of an H2
 * test: {@code @OnPostgres class IntakeApiPostgresTest extends IntakeApiTest {}}.
 * <p>
 * Tagged {@value #TAG}: Maven runs these classes in a JVM of their own (surefire execution "postgres"),
 * because Camunda keeps its engines, REST and webapps in JVM-wide registries by engine name, so an HTTP
 * test context on PostgreSQL cannot live beside the one on H2.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(OnPostgres.TAG)
@ContextCustomizerFactories(PostgresContextCustomizerFactory.class)
public @interface OnPostgres {

    String TAG = "postgres";

    /** The database's name in the embedded server. */
    String value() default "integration";
}
