package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

/** How the applicant wants to obtain the information (Art. 29(3)). */
public enum Delivery {
    EMAIL,
    POST,
    PICKUP,
    ONLINE;

    public String label() {
        return Texts.get("labels.Delivery." + name());
    }
}
