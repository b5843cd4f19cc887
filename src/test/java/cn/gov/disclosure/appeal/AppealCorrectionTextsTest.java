package cn.gov.disclosure.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.gov.disclosure.common.Texts;

/**
 * The wording of appeals and corrections lives in messages/appeal.properties and messages/correction.properties:
 * every key the code asks for exists, every key in the file is used, and no Chinese sentence is left in the
 * Java of these features.
 */
class AppealCorrectionTextsTest {

    private static final Path MAIN = Path.of("src", "main", "java", "cn", "gov", "disclosure");
    private static final Pattern KEY = Pattern.compile("\"((?:appeal|correction)\\.[A-Za-z.]+)\"");
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static Stream<Path> sources() throws IOException {
        return Stream.of(MAIN.resolve("appeal"), MAIN.resolve("correction"), MAIN.resolve("workflow/appeal"),
                        MAIN.resolve("workflow/disclosure/CorrectionSteps.java"),
                        MAIN.resolve("workflow/disclosure/AwaitCorrectionTask.java"))
                .flatMap(p -> {
                    try {
                        return Files.isDirectory(p) ? Files.list(p) : Stream.of(p);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(p -> p.toString().endsWith(".java"));
    }

    private static Set<String> keysUsed(String feature) throws IOException {
        Set<String> keys = new TreeSet<>();
        // The portal shows the outcome of an online correction.
        for (Path p : Stream.concat(sources(), Stream.of(MAIN.resolve("portal/PortalController.java"))).toList()) {
            Matcher m = KEY.matcher(Files.readString(p));
            while (m.find()) {
                if (m.group(1).startsWith(feature + ".")) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> keysDefined(String feature) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AppealCorrectionTextsTest.class.getResourceAsStream("/messages/" + feature + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"appeal", "correction"})
    void everyKeyIsDefinedAndEveryDefinedKeyIsUsed(String feature) throws IOException {
        Set<String> used = keysUsed(feature);
        assertThat(used).isNotEmpty().allSatisfy(k -> assertThat(Texts.has(k)).as(k).isTrue());
        assertThat(keysDefined(feature)).isEqualTo(used);
    }

    @org.junit.jupiter.api.Test
    void noChineseSentenceIsLeftInTheJava() throws IOException {
        for (Path p : sources().toList()) {
            String code = COMMENT.matcher(Files.readString(p)).replaceAll("");
            assertThat(HAN.matcher(code).find()).as(p.toString()).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void argumentsArePrintedAsPlainText() {
        assertThat(Texts.get("correction.description.online", 2000)).contains("5至2000字");
        assertThat(Texts.get("appeal.event.registered.lawsuit", "行政诉讼（未经复议直接起诉）", "示例市人民法院",
                java.time.LocalDate.of(2026, 12, 10))).endsWith("答辩状和证据应于2026-12-10前提交");
        assertThat(AppealService.label("RECONSIDERATION", true, false)).isEqualTo("行政复议（简易程序）");
    }
}
