package cn.gov.disclosure.workflow.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.disclosure.common.FieldError;

/**
 * The label each form shows for a field key, read from the deployed forms (classpath bpmn/forms/*.form), so a
 * refused completion names the field as the clerk sees it ("审查意见") rather than by its key ("reviewNotes").
 * A key no form labels (a case-level rule, say) keeps its key.
 */
final class FormLabels {

    private static volatile Map<String, String> labels;

    private FormLabels() {
    }

    static String of(String key) {
        if (key == null) {
            return null;
        }
        return all().getOrDefault(key, key);
    }

    /** The same problems with each field named by its label. */
    static List<FieldError> labelled(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(of(e.field()), e.message())).toList();
    }

    private static Map<String, String> all() {
        Map<String, String> m = labels;
        if (m == null) {
            m = load();
            labels = m;
        }
        return m;
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/forms/*.form");
            for (Resource form : forms) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in), m);
                }
            }
        } catch (IOException e) {
            // Without the forms the keys are shown: worse wording, same refusal.
            return Map.of();
        }
        return Map.copyOf(m);
    }

    private static void collect(JsonNode node, Map<String, String> into) {
        for (JsonNode c : node.path("components")) {
            String key = c.path("key").asText("");
            String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText("");
            // Editable fields first: a key's label on the form where the clerk fills it in.
            boolean editable = !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false);
            if (!key.isEmpty() && !label.isBlank()) {
                if (editable) {
                    into.put(key, label);
                } else {
                    into.putIfAbsent(key, label);
                }
            }
            collect(c, into);
        }
    }
}
