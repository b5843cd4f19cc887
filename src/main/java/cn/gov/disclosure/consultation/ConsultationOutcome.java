package cn.gov.disclosure.consultation;

import cn.gov.disclosure.common.Texts;

/** What a consulted party answered (Arts. 32, 34); the labels are in {@code messages/consultation.properties}. */
public enum ConsultationOutcome {
    /** 同意公开. */
    AGREES,
    /** 不同意公开: the reason is recorded. */
    OBJECTS,
    /** Art. 34: an agency's silence counts as consent (视为同意). */
    SILENT_CONSENT,
    /** Art. 32: a third party's silence leaves the decision to the agency. */
    SILENT;

    public String label() {
        return Texts.get("consultation.outcome." + name());
    }
}
