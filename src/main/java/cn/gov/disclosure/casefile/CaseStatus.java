package cn.gov.disclosure.casefile;

/** Where a case stands; the label is what the applicant and the clerk read. */
public enum CaseStatus {
    RECEIVED("已收到，正在审查申请内容"),
    CORRECTION_REQUIRED("待申请人补正"),
    IN_PROGRESS("办理中"),
    LEGAL_REVIEW("答复书法制审核中"),
    REPLIED("已答复"),
    ARCHIVED("已答复并归档，复议、诉讼期限内"),
    CLOSED("已办结");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
