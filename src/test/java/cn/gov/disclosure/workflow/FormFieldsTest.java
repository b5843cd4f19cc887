package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every field a user can fill in is read by something: a delegate, listener or service (the key as a string
 * literal in the Java sources, usually a {@code VarKey}) or an expression in a model ({@code ${key == ...}},
 * {@code camunda:in source="key"}). Fields that only show the case are display-only ({@code readonly} or
 * {@code disabled}). So a field can never again be dropped unread, as the Art. 17 referral once was.
 * Also checks what the removed form generator used to guarantee: the reply-type choices and the withholding
 * check boxes of 拟定答复意见 follow the reply catalogue.
 */
class FormFieldsTest {

    private static final Path FORMS = Path.of("bpmn/forms");
    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
            "checkbox", "checklist", "taglist", "datetime");
    /** Fields read by prefix rather than by name, with the literal that reads them. */
    private static final Map<String, String> READ_BY_PREFIX = Map.of("withhold_", "WITHHOLD_PREFIX = \"withhold_\"");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyInputFieldIsReadByCodeOrDisplayOnly() throws IOException {
        String java = readAll(Path.of("src/main/java"), ".java");
        String models = readAll(Path.of("bpmn"), ".bpmn");
        List<String> unread = new ArrayList<>();
        Map<String, List<String>> inputs = inputFields();
        assertThat(inputs).as("forms found").hasSizeGreaterThanOrEqualTo(17);
        inputs.forEach((form, keys) -> {
            for (String key : keys) {
                if (!isRead(key, java, models)) {
                    unread.add(form + ": " + key);
                }
            }
        });
        assertThat(unread).as("input fields no code reads (wire them, or make them readonly)").isEmpty();
    }

    /**
     * Dates are typed as yyyy-MM-dd in a plain text field. The form library's date picker reads what is typed in
     * the browser's own date order (M/d/yyyy in an English browser), so 2026-11-20 typed there was stored as
     * 2027-08-06; a text field stores exactly what was typed and the services check it.
     */
    @Test
    void datesAreTypedAsIsoTextNotThroughTheLocaleDatePicker() throws IOException {
        List<String> pickers = new ArrayList<>();
        List<String> dateFields = new ArrayList<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                for (JsonNode c : components(json.readTree(f.toFile()))) {
                    if ("datetime".equals(c.path("type").asText())) {
                        pickers.add(f.getFileName() + ": " + c.path("key").asText());
                    }
                    boolean input = "textfield".equals(c.path("type").asText()) && !c.path("readonly").asBoolean(false)
                            && !c.path("disabled").asBoolean(false);
                    if (input && c.path("key").asText().endsWith("On")) {
                        dateFields.add(c.path("key").asText());
                        assertThat(c.path("description").asText()).as(f + " " + c.path("key")).contains("yyyy-MM-dd");
                    }
                }
            }
        }
        assertThat(pickers).as("date pickers that misread typed dates").isEmpty();
        assertThat(dateFields).contains("receivedOn", "correctionReceivedOn", "appealReceivedOn", "decidedOn");
    }

    /** Legal review opens with what to decide, shows every consultation's answer and the draft; facts below. */
    @Test
    void legalReviewOpensWithTheDecisionAndShowsConsultationsAndDraftWithTheFactsBelow() throws IOException {
        JsonNode form = json.readTree(FORMS.resolve("legal-review.form").toFile());
        List<String> top = new ArrayList<>();
        form.path("components").forEach(c -> top.add(c.hasNonNull("key") ? c.get("key").asText() : c.path("type").asText()));
        assertThat(top).contains("consultationStatus", "legalOutcome", "legalComment", "group");
        assertThat(top.indexOf("legalOutcome")).isLessThan(top.indexOf("group"));
        assertThat(form.toString()).contains("{{draftNoticeUrl}}");
        List<String> facts = new ArrayList<>();
        form.path("components").forEach(c -> {
            if ("group".equals(c.path("type").asText())) {
                c.path("components").forEach(f -> facts.add(f.path("key").asText()));
            }
        });
        assertThat(facts).contains("caseNo", "applicantName", "dueOnText", "requestDescription");
    }

    /** The third party's opinion is recorded from a blank choice: nothing the clerk could click through. */
    @Test
    void theThirdPartyOpinionFormStartsEmpty() throws IOException {
        for (JsonNode c : components(json.readTree(FORMS.resolve("record-third-party-answer.form").toFile()))) {
            assertThat(c.has("defaultValue")).as(c.path("key").asText()).isFalse();
        }
    }

    @Test
    void theReplyFormOffersTheCatalogue() throws IOException {
        JsonNode catalogue = json.readTree(Path.of("templates/catalogue/replies.json").toFile());
        Set<String> selectable = new TreeSet<>();
        catalogue.get("replyTypes").forEach(t -> {
            if (t.get("selectable").asBoolean()) {
                selectable.add(t.get("code").asText());
            }
        });
        Set<String> withholding = new TreeSet<>();
        catalogue.get("withholdingReasons").forEach(r -> withholding.add("withhold_" + r.get("code").asText()));

        Set<String> offered = new TreeSet<>();
        Set<String> boxes = new TreeSet<>();
        for (JsonNode c : components(json.readTree(FORMS.resolve("decide-reply.form").toFile()))) {
            if ("replyType".equals(c.path("key").asText())) {
                c.get("values").forEach(v -> offered.add(v.get("value").asText()));
            }
            if (c.path("key").asText().startsWith("withhold_")) {
                boxes.add(c.get("key").asText());
            }
        }
        assertThat(offered).isEqualTo(selectable);
        assertThat(boxes).isEqualTo(withholding);
    }

    @Test
    void everyFormReferencedByAModelExistsAndIsBoundToTheDeployment() throws IOException {
        String models = readAll(Path.of("bpmn"), ".bpmn");
        Set<String> forms = inputFields().keySet();
        var ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(models);
        int refs = 0;
        while (ref.find()) {
            assertThat(forms).contains(ref.group(1));
            refs++;
        }
        assertThat(refs).isGreaterThanOrEqualTo(forms.size());
        assertThat(models).doesNotContain("Binding=\"latest\"").doesNotContain("variables=\"all\"");
    }

    private static boolean isRead(String key, String java, String models) {
        for (var prefix : READ_BY_PREFIX.entrySet()) {
            if (key.startsWith(prefix.getKey()) && java.contains(prefix.getValue())) {
                return true;
            }
        }
        String word = "\\b" + Pattern.quote(key) + "\\b";
        return java.contains("\"" + key + "\"")
                || Pattern.compile("\\$\\{[^}]*" + word + "[^}]*}").matcher(models).find()
                || models.contains("source=\"" + key + "\"");
    }

    /** Form id → keys of the fields a user can change. */
    private Map<String, List<String>> inputFields() throws IOException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = json.readTree(f.toFile());
                assertThat(form.path("executionPlatformVersion").asText()).as(f + " platform").isEqualTo("7.24.0");
                List<String> keys = new ArrayList<>();
                for (JsonNode c : components(form)) {
                    boolean input = INPUT_TYPES.contains(c.path("type").asText()) && c.hasNonNull("key");
                    boolean displayOnly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
                    if (input && !displayOnly) {
                        keys.add(c.get("key").asText());
                    }
                }
                result.put(form.get("id").asText(), keys);
            }
        }
        return result;
    }

    private static List<JsonNode> components(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        node.path("components").forEach(c -> {
            all.add(c);
            all.addAll(components(c));
        });
        return all;
    }

    private static String readAll(Path dir, String suffix) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }
}
