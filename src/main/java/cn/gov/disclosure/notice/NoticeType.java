package cn.gov.disclosure.notice;

/** Every kind of notice the system issues, with its template under {@code templates/notices/}. */
public enum NoticeType {
    /** 受理回执: confirms receipt and the date the reply is due (Arts. 31, 33). */
    ACKNOWLEDGMENT("政府信息公开申请受理回执", "acknowledgment"),
    /** 延期告知书: the head approved a longer period (Art. 33(2)). */
    EXTENSION("延长答复期限告知书", "extension"),
    /** 答复书: every reply type of Arts. 35–39, worded from the reply catalogue. */
    REPLY("政府信息公开申请答复书", "reply");

    private final String title;
    private final String template;

    NoticeType(String title, String template) {
        this.title = title;
        this.template = template;
    }

    public String title() {
        return title;
    }

    public String template() {
        return template;
    }
}
