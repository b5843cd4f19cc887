package cn.gov.disclosure.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.gov.disclosure.calendar.DayKind;
import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.notice.FeeCalculator;
import cn.gov.disclosure.notice.NoticeType;
import cn.gov.disclosure.report.ReportRow;

/** The wording users read lives in {@code messages/*.properties}; code names it by key. */
class TextsTest {

    private static final Path MAIN = Path.of("src/main/java");
    /** A literal key handed to Texts.get or FieldError.of. */
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:Texts\\.get|FieldError\\.of\\([^,()]+(?:\\([^()]*\\))?,)\\s*\\(?\\s*\"([a-z]+\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"(?!\\s*\\+)");

    @Test
    void everyKeyTheCodeNamesHasItsText() throws IOException {
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    found++;
                    if (!Texts.has(m.group(1))) {
                        missing.add(MAIN.relativize(f) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).as("keys found in the code").isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    /**
     * Java keeps codes: no Chinese sentence in a string literal of the main code. The exceptions are data that
     * is not wording: a key of the lunar library, and the sender's display name as a configuration default.
     */
    @Test
    void noChineseWordingInJava() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");
        Pattern chinese = Pattern.compile("[\\u4e00-\\u9fa5]");
        List<String> allowed = List.of("get(\"清明\")", "@DefaultValue(\"政府信息公开 <");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f, StandardCharsets.UTF_8)
                        .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                for (String line : code.split("\n")) {
                    Matcher m = literal.matcher(line);
                    while (m.find()) {
                        if (chinese.matcher(m.group()).find() && allowed.stream().noneMatch(line::contains)) {
                            found.add(MAIN.relativize(f) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyLabelledCodeHasItsLabel() {
        List<Enum<?>> codes = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(CaseStatus.class, Channel.class, ApplicantType.class,
                IdType.class, InformationForm.class, Delivery.class, ReportRow.class, NoticeType.class,
                DayKind.class, PauseReason.class, FeeCalculator.Method.class)) {
            codes.addAll(List.of(type.getEnumConstants()));
        }
        for (Enum<?> code : codes) {
            assertThat(Texts.label(code)).as(code.getDeclaringClass().getSimpleName() + "." + code.name())
                    .isNotBlank();
        }
        for (PauseReason r : PauseReason.values()) {
            assertThat(r.basis()).contains("第");
        }
    }

    @Test
    void argumentsArePrintedPlainly() {
        assertThat(Texts.get("notice.date", 2026, 11, 5)).isEqualTo("2026年11月5日");
        assertThat(Texts.get("intake.text.tooLong", "文号", 1000, 1234)).isEqualTo("文号过长，最多1000个字（现为1234个）");
    }
}
