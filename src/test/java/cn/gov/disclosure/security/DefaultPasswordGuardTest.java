package cn.gov.disclosure.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import cn.gov.disclosure.DisclosureApplication;

/** Outside the demo profile, the application refuses to start with a default administrator password. */
class DefaultPasswordGuardTest {

    @Test
    void refusesToStartWithTheDemoPasswordInProduction() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(DisclosureApplication.class)
                // No web server: Camunda's webapps keep JVM-wide state that must stay with the HTTP test context.
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties("spring.autoconfigure.exclude="
                        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration")
                .profiles("production-check");
        // Command-line arguments, so that they win over application.yml.
        assertThatThrownBy(() -> app.run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:guard-test;DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.admin-user.id=admin",
                "--camunda.bpm.admin-user.password=demo"))
                .rootCause().hasMessageContaining("Refusing to start")
                .hasMessageContaining("camunda.bpm.admin-user.password");
    }
}
