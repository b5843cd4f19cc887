package cn.gov.disclosure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.gov.disclosure.DisclosureApplication;

/**
 * Outside the demo profile, the application refuses to start without an administrator from the operator's
 * configuration, or with a default or weak administrator password.
 */
class DefaultPasswordGuardTest {

    private static SpringApplicationBuilder production() {
        return new SpringApplicationBuilder(DisclosureApplication.class)
                // No web server: Camunda's webapps keep JVM-wide state that must stay with the HTTP test context.
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties("spring.autoconfigure.exclude="
                        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration")
                .profiles("production-check");
    }

    /** Command-line arguments, so that they win over application.yml; a fresh in-memory database each time. */
    private static String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:guard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                // Seals are tested in seal/ and notice/; here only the administrator guard matters.
                "--disclosure.seal.enabled=false",
                "--disclosure.acknowledgment.key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYiE="));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void refusesToStartWithTheDemoPasswordInProduction() {
        assertThatThrownBy(() -> production().run(args(
                "--camunda.bpm.admin-user.id=admin",
                "--camunda.bpm.admin-user.password=demo")))
                .rootCause().hasMessageContaining("Refusing to start")
                .hasMessageContaining("camunda.bpm.admin-user.password");
    }

    /** Without it, Camunda Admin would offer its first-admin setup to the first anonymous visitor. */
    @Test
    void refusesToStartWithoutAnAdministratorInProduction() {
        assertThatThrownBy(() -> production().run(args()))
                .rootCause().hasMessageContaining("Refusing to start: no administrator is configured")
                .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_ID");
    }

    /** Camunda takes the user id as password when none is given; that and short ones are refused too. */
    @Test
    void refusesAnAdministratorPasswordThatIsTheIdOrShort() {
        IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        for (String weak : new String[] {"", "Operator", "Camunda", "k7#Qw2-vL"}) {
            assertThatThrownBy(() -> new DefaultPasswordGuard(identity, "operator", weak, "").afterPropertiesSet())
                    .as(weak).hasMessageContaining("camunda.bpm.admin-user.password");
        }
        new DefaultPasswordGuard(identity, "operator", "k7#Qw2-vL9!", "").afterPropertiesSet();
    }

    @Test
    void startsWithAStrongAdministratorFromTheEnvironment() {
        try (ConfigurableApplicationContext app = production().run(args("--camunda.bpm.admin-user.id=operator",
                "--camunda.bpm.admin-user.password=k7#Qw2-vL9!xT"))) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("operator", "k7#Qw2-vL9!xT")).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).userId("operator").count()).isEqualTo(1);
        }
    }
}
