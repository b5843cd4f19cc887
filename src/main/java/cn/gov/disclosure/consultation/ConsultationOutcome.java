package cn.gov.disclosure.consultation;

/** What a consulted party answered (Arts. 32, 34). */
public enum ConsultationOutcome {
    AGREES("同意公开"),
    OBJECTS("不同意公开"),
    /** Art. 34: an agency's silence counts as consent. */
    SILENT_CONSENT("逾期未答复，视为同意"),
    /** Art. 32: a third party's silence leaves the decision to the agency. */
    SILENT("逾期未提出意见，由本机关依法决定");

    private final String label;

    ConsultationOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
