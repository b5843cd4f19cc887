package cn.gov.disclosure.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code disclosure.log-format} (env DISCLOSURE_LOG_FORMAT) turns the console log into one JSON object a line,
 * through application.yml's logging settings. A bare context is enough: logging is set up from the same
 * application.yml before any bean exists, so the full application need not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    private static void startAndLog(String marker, String... properties) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            LoggerFactory.getLogger(StructuredLogsTest.class).info("{} 中文", marker);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withTheFormatEveryConsoleLineIsJson(CapturedOutput output) throws Exception {
        try {
            startAndLog("structured-marker", "disclosure.log-format=ecs", "spring.main.banner-mode=off");
            List<String> lines = output.getOut().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                assertThat(line).as("a JSON log line").startsWith("{");
                json.readTree(line);
            }
            String ours = lines.stream().filter(l -> l.contains("structured-marker")).findFirst().orElseThrow();
            Map<String, Object> event = json.readValue(ours, Map.class);
            assertThat(event.get("message")).isEqualTo("structured-marker 中文");
            // Elastic Common Schema: log.level and log.logger as nested objects.
            assertThat((Map<String, Object>) event.get("log")).containsEntry("level", "INFO")
                    .containsEntry("logger", StructuredLogsTest.class.getName());
            assertThat(event).containsKey("@timestamp");
        } finally {
            // Back to the text format for whatever runs next in this JVM.
            startAndLog("plain-marker", "spring.main.banner-mode=off");
        }
        String plain = output.getOut().lines().filter(l -> l.contains("plain-marker")).findFirst().orElseThrow();
        assertThat(plain).doesNotStartWith("{").contains(" INFO ");
    }
}
