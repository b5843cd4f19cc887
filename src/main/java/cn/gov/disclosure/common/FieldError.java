package cn.gov.disclosure.common;

/** One problem with one input field; {@code message} is Chinese and names what to fix. */
public record FieldError(String field, String message) {
}
