package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

/** Where a case stands; the label is what the applicant and the clerk read. */
public enum CaseStatus {
    RECEIVED,
    CORRECTION_REQUIRED,
    IN_PROGRESS,
    LEGAL_REVIEW,
    REPLIED,
    ARCHIVED,
    CLOSED;

    public String label() {
        return Texts.get("labels.CaseStatus." + name());
    }
}
