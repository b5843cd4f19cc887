package cn.gov.disclosure.notice;

import java.util.List;

/** A notice that may not go out: each problem says what the clerk must add or correct. */
public class NoticeIncompleteException extends RuntimeException {

    private final transient List<String> problems;

    public NoticeIncompleteException(List<String> problems) {
        super("答复书不完整，不能发出：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
