package cn.gov.disclosure.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * The choices of a select or taglist in a Camunda form, read by the form's {@code valuesKey}: a process variable
 * holding a JSON list of {@code {label, value}}. Tasklist parses a variable as JSON only when it is stored in the
 * {@code application/json} format, which this project's engine has without Spin through {@link FormOptionsPlugin}.
 */
public record FormOptions(List<Option> options) {

    public record Option(String label, String value) {
    }

    public FormOptions {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Options from value → label pairs, in the map's order. */
    public static FormOptions of(Map<String, String> labelsByValue) {
        return new FormOptions(labelsByValue.entrySet().stream().map(e -> new Option(e.getValue(), e.getKey())).toList());
    }

    /** The variable to set: stored as JSON so that Tasklist hands the list to the form. */
    public ObjectValue asVariable() {
        return Variables.objectValue(this).serializationDataFormat(FormOptionsPlugin.JSON).create();
    }
}
