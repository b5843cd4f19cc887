package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

/** How the application reached the office; decides the date of receipt (Art. 31). */
public enum Channel {
    ONLINE,
    IN_PERSON,
    LETTER,
    REGISTERED_MAIL,
    FAX,
    OTHER;

    public String label() {
        return Texts.get("labels.Channel." + name());
    }
}
