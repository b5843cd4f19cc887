package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

/** The form in which the information is wanted (Art. 29(3)). */
public enum InformationForm {
    ELECTRONIC,
    PAPER;

    public String label() {
        return Texts.get("labels.InformationForm." + name());
    }
}
