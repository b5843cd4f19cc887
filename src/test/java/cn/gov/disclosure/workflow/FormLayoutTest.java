package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decision first (issue 16, item 3): a form opens with the matter to decide and the fields to fill in; the
 * general facts of the case (number, applicant, dates, request) sit below in a group titled 案件情况. The form
 * library of Camunda 7.24 (form-js, schema 16) has no collapsible group, hence an outlined group at the end.
 */
class FormLayoutTest {

    private static final Path FORMS = Path.of("bpmn/forms");
    /** The case's general facts, shown read-only by many forms. */
    private static final Set<String> FACTS = Set.of("caseNo", "applicantName", "applicantTypeLabel", "receivedOnText",
            "dueOnText", "requestDescription", "requestedFormLabel");
    /** Facts that are themselves the matter of the task, and so stay on top. */
    private static final Map<String, Set<String>> MATTER = Map.of(
            "review-completeness", Set.of("requestDescription", "requestedFormLabel"),
            "search-information", Set.of("requestDescription"),
            "decide-reply", Set.of("requestDescription"),
            // Art. 41: what the applicant asks to have corrected is the matter verified.
            "verify-own-records", Set.of("requestDescription"));
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "select", "radio",
            "checkbox", "checklist", "taglist", "datetime");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void formsShowingTheCaseOpenWithTheDecisionAndKeepTheFactsInAGroupBelow() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".form", "");
                JsonNode form = json.readTree(file.toFile());
                List<JsonNode> top = new ArrayList<>();
                form.path("components").forEach(top::add);
                Set<String> matter = MATTER.getOrDefault(name, Set.of());
                long factsOnTop = top.stream().filter(c -> FACTS.contains(c.path("key").asText())
                        && !matter.contains(c.path("key").asText())).count();
                JsonNode last = top.get(top.size() - 1);
                boolean grouped = "group".equals(last.path("type").asText());
                if (!grouped) {
                    // A form with up to three facts (a delivery, a fee, a supervision) shows them as a short header.
                    assertThat(factsOnTop).as(name + ": the case's facts belong in a group at the end").isLessThan(4);
                    continue;
                }
                checked.add(name);
                assertThat(factsOnTop).as(name + ": facts above the decision").isZero();
                assertThat(last.path("label").asText()).as(name).isEqualTo("案件情况");
                for (JsonNode fact : last.path("components")) {
                    assertThat(fact.path("readonly").asBoolean(false)).as(name + "." + fact.path("key").asText()
                            + " is a fact, not an input").isTrue();
                }
                // What the user fills in comes before the facts, and the form starts with the task's own matter.
                assertThat(top.subList(0, top.size() - 1).stream()
                        .anyMatch(c -> INPUTS.contains(c.path("type").asText()) && !c.path("readonly").asBoolean(false)))
                        .as(name + " has its decision above the facts").isTrue();
                String first = top.get(0).path("key").asText();
                assertThat(!FACTS.contains(first) || matter.contains(first)).as(name + " opens with its matter, not "
                        + first).isTrue();
            }
        }
        assertThat(checked).contains("decide-reply", "legal-review", "review-completeness", "search-information", "approve-extension",
                "confirm-reply", "secrecy-review", "record-secrecy-determination", "await-correction",
                "decide-abandonment", "decide-excessive-request", "verify-own-records");
    }
}
