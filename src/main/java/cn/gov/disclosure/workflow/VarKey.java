package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable's name and type in one place. Each process names its variables in one class
 * ({@code workflow/<process>/<Process>Vars}); the same names are the form fields' keys.
 */
public record VarKey<T>(String name, Class<T> type) {

    public static <T> VarKey<T> of(String name, Class<T> type) {
        return new VarKey<>(name, type);
    }

    /** The value, or null when the variable is not set. Numbers are converted between integer kinds. */
    public T get(VariableScope scope) {
        return convert(scope.getVariable(name));
    }

    public T getLocal(VariableScope scope) {
        return convert(scope.getVariableLocal(name));
    }

    /** Trimmed text, or null when unset or blank (for form fields). */
    public String text(VariableScope scope) {
        Object v = scope.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    public boolean isTrue(VariableScope scope) {
        Object v = scope.getVariable(name);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    public VariableMap put(VariableMap map, T value) {
        return map.putValue(name, value);
    }

    @SuppressWarnings("unchecked")
    private T convert(Object v) {
        if (v == null) {
            return null;
        }
        if (type == Integer.class && v instanceof Number n) {
            return (T) Integer.valueOf(n.intValue());
        }
        if (type == Long.class && v instanceof Number n) {
            return (T) Long.valueOf(n.longValue());
        }
        if (type == String.class && !(v instanceof String)) {
            return (T) v.toString();
        }
        return type.cast(v);
    }
}
