package cn.gov.disclosure.common;

/** One problem with one input field; {@code message} is Chinese and names what to fix. */
public record FieldError(String field, String message) {

    /** The problem worded by text key {@code key} (see {@link Texts}). */
    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, Texts.get(key, args));
    }
}
