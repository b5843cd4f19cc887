package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

import java.util.List;

/** A notice that may not go out: each problem says what the clerk must add or correct. */
public class NoticeIncompleteException extends RuntimeException {

    private final transient List<String> problems;

    public NoticeIncompleteException(List<String> problems) {
        super(Texts.get("notice.incomplete", String.join(Texts.get("notice.incomplete.separator"), problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
