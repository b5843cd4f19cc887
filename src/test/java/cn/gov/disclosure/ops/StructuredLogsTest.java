package cn.gov.disclosure.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code disclosure.log-format} (env DISCLOSURE_LOG_FORMAT) turns the console log into one JSON object a line,
 * through application.yml's logging settings. Each check starts a JVM of its own: Spring Boot sets logging up
 * once per JVM while any context is open, so the test JVM's open contexts would keep their format. A bare
 * context is enough: logging is set up from the same application.yml before any bean exists.
 */
class StructuredLogsTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    /** Started in a separate JVM: starts a bare context with the given arguments and logs one line. */
    public static final class Probe {
        public static void main(String[] args) {
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Nothing.class)
                    .web(WebApplicationType.NONE).run(args)) {
                LoggerFactory.getLogger(StructuredLogsTest.class).info("probe-marker 中文");
            }
        }
    }

    private static List<String> consoleOf(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void withTheFormatEveryConsoleLineIsJson() throws Exception {
        List<String> lines = consoleOf("--disclosure.log-format=ecs");
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            assertThat(line).as("a JSON log line").startsWith("{");
            json.readTree(line);
        }
        String ours = lines.stream().filter(l -> l.contains("probe-marker")).findFirst().orElseThrow();
        Map<String, Object> event = json.readValue(ours, Map.class);
        assertThat(event.get("message")).isEqualTo("probe-marker 中文");
        // Elastic Common Schema: log.level and log.logger as nested objects.
        assertThat((Map<String, Object>) event.get("log")).containsEntry("level", "INFO")
                .containsEntry("logger", StructuredLogsTest.class.getName());
        assertThat(event).containsKey("@timestamp");
    }

    @Test
    void withoutItTheLogIsText() throws Exception {
        String ours = consoleOf().stream().filter(l -> l.contains("probe-marker")).findFirst().orElseThrow();
        assertThat(ours).doesNotStartWith("{").contains(" INFO ");
    }
}
