package cn.gov.disclosure.web;

/** One problem with one input field; {@code message} is Chinese and names what to fix. */
public record FieldError(String field, String message) {
}
