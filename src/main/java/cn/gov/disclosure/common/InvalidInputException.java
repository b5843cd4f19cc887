package cn.gov.disclosure.common;

import java.util.List;

/** Input the user must correct; answered as 400 with every problem listed field by field. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One line per problem, for places that can show only a message (Tasklist). */
    public static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder("提交的信息有误，请修改后重新提交：");
        for (FieldError e : errors) {
            sb.append("\n· ").append(e.field()).append("：").append(e.message());
        }
        return sb.toString();
    }
}
