package cn.gov.disclosure.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our zh.json of each webapp has exactly the keys of the English file the engine's webjar ships (read from the
 * classpath, so an engine upgrade that adds or drops keys fails here), and keeps every placeholder.
 */
class ChineseLocalesTest {

    static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode read(String app, String locale) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = ChineseLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Nested keys flattened to "labels.ADD"; arrays (month names) are leaves. */
    static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else {
            out.put(prefix, node);
        }
    }

    static String placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        return m.results().map(r -> r.group(1) == null ? "{}" : r.group(1)).sorted().collect(Collectors.joining(","));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyIsTranslatedAndNoOtherKeyExists(String app) throws IOException {
        Map<String, JsonNode> en = flatten(read(app, "en"));
        Map<String, JsonNode> zh = flatten(read(app, "zh"));

        assertThat(zh.keySet()).as("keys of %s/locales/zh.json against the webjar's en.json", app)
                .containsExactlyInAnyOrderElementsOf(en.keySet());
        en.forEach((key, english) -> {
            JsonNode chinese = zh.get(key);
            assertThat(chinese.getNodeType()).as(key).isEqualTo(english.getNodeType());
            if (english.isArray()) {
                assertThat(chinese.size()).as(key).isEqualTo(english.size());
            }
            if (english.isTextual() && key.startsWith("labels.")) {
                assertThat(placeholders(chinese.asText())).as("placeholders of " + key)
                        .isEqualTo(placeholders(english.asText()));
                // Only Camunda's English plural suffix ("s") has no Chinese counterpart.
                if (english.asText().length() > 1) {
                    assertThat(chinese.asText()).as(key).isNotBlank();
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreWrittenTheChineseWay(String app) throws IOException {
        JsonNode dates = read(app, "zh").get("dateLocales");
        assertThat(dates.at("/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
        assertThat(dates.at("/months/0").asText()).isEqualTo("一月");
        assertThat(dates.at("/weekdays/1").asText()).isEqualTo("星期一");
    }
}
