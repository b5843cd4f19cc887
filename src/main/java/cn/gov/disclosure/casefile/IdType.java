package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

/** Proof of identity (身份证明, Art. 29). */
public enum IdType {
    RESIDENT_ID_CARD,
    UNIFIED_SOCIAL_CREDIT_CODE,
    PASSPORT,
    OTHER;

    public String label() {
        return Texts.get("labels.IdType." + name());
    }
}
