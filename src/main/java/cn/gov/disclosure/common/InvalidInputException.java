package cn.gov.disclosure.common;

import java.util.List;

/** Input the user must correct; answered as 400 with every problem listed field by field. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One line per problem, for places that can show only a message (Tasklist). */
    public static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder(Texts.get("common.invalidInput.summary"));
        for (FieldError e : errors) {
            sb.append(Texts.get("common.invalidInput.line", e.field(), e.message()));
        }
        return sb.toString();
    }
}
