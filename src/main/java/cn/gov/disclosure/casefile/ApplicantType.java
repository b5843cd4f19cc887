package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

/** Columns of the annual report's Table 3 (国办公开办函〔2021〕30号). */
public enum ApplicantType {
    NATURAL_PERSON,
    COMMERCIAL_ENTERPRISE,
    RESEARCH_INSTITUTION,
    PUBLIC_INTEREST_ORGANIZATION,
    LEGAL_SERVICE_ORGANIZATION,
    OTHER_ORGANIZATION;

    public String label() {
        return Texts.get("labels.ApplicantType." + name());
    }

    public boolean isOrganisation() {
        return this != NATURAL_PERSON;
    }
}
