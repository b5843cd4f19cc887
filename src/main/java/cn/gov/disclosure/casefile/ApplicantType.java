package cn.gov.disclosure.casefile;

/** Columns of the annual report's Table 3 (国办公开办函〔2021〕30号). */
public enum ApplicantType {
    NATURAL_PERSON("自然人"),
    COMMERCIAL_ENTERPRISE("商业企业"),
    RESEARCH_INSTITUTION("科研机构"),
    PUBLIC_INTEREST_ORGANIZATION("社会公益组织"),
    LEGAL_SERVICE_ORGANIZATION("法律服务机构"),
    OTHER_ORGANIZATION("其他组织");

    private final String label;

    ApplicantType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOrganisation() {
        return this != NATURAL_PERSON;
    }
}
