package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

/**
 * Every kind of notice the system issues: its title, its template under {@code templates/notices/} and
 * the e-mail template under {@code templates/mail/} that carries it.
 */
public enum NoticeType {
    /** 受理回执: confirms receipt and the date the reply is due (Arts. 31, 33). */
    ACKNOWLEDGMENT("acknowledgment", "acknowledgment"),
    /** 补正告知书: what to correct, once and completely, and by when (Art. 30). */
    CORRECTION("correction", "notice"),
    /** 视为放弃申请告知书: no correction in time without good reason (Art. 30). */
    ABANDONED("abandoned", "notice"),
    /** 延期告知书: the head approved a longer period (Art. 33(2)). */
    EXTENSION("extension", "extension"),
    /** 第三方意见征询函 (Art. 32), addressed to the third party. */
    THIRD_PARTY_CONSULTATION("third-party-consultation", "notice"),
    /** 征求意见函 to another agency (Art. 34). */
    AGENCY_CONSULTATION("agency-consultation", "notice"),
    /** 公开决定告知书 to a third party whose objection was overridden in the public interest (Art. 32). */
    PUBLIC_INTEREST_DISCLOSURE("public-interest-disclosure", "notice"),
    /** 收费通知 (Art. 42, 国办函〔2020〕109号). */
    FEE("fee", "notice"),
    /** 说明理由通知书: the number or frequency of requests clearly exceeds a reasonable range (Art. 35). */
    REASONS_REQUEST("reasons-request", "notice"),
    /** 延迟答复告知书: reasons accepted, a reasonable later deadline (Art. 35). */
    DEFERRAL("deferral", "notice"),
    /** 答复书: every reply type of Arts. 35–39, worded from the reply catalogue. */
    REPLY("reply", "reply");

    private final String template;
    private final String mailTemplate;

    NoticeType(String template, String mailTemplate) {
        this.template = template;
        this.mailTemplate = mailTemplate;
    }

    public String title() {
        return Texts.label(this);
    }

    public String template() {
        return template;
    }

    public String mailTemplate() {
        return mailTemplate;
    }

    /**
     * Whether the applicant receives this notice and may see and download it. Letters to a third party or
     * another agency carry their names and addresses and stay with staff. No default branch: a new type
     * does not compile until someone decides who may read it.
     */
    public boolean addressedToApplicant() {
        return switch (this) {
            case ACKNOWLEDGMENT, CORRECTION, ABANDONED, EXTENSION, FEE, REPLY, REASONS_REQUEST, DEFERRAL -> true;
            case THIRD_PARTY_CONSULTATION, AGENCY_CONSULTATION, PUBLIC_INTEREST_DISCLOSURE -> false;
        };
    }
}
