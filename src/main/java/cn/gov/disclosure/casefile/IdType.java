package cn.gov.disclosure.casefile;

/** Proof of identity (身份证明, Art. 29). */
public enum IdType {
    RESIDENT_ID_CARD("居民身份证"),
    UNIFIED_SOCIAL_CREDIT_CODE("统一社会信用代码"),
    PASSPORT("护照"),
    OTHER("其他证件");

    private final String label;

    IdType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
