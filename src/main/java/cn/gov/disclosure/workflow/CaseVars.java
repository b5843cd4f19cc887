package cn.gov.disclosure.workflow;

import java.util.Date;

/** Variables every case-related process carries (the processes' own classes reuse these keys). */
public final class CaseVars {

    /** The case number; also the business key of every process about the case. */
    public static final VarKey<String> CASE_NO = VarKey.of("caseNo", String.class);
    public static final VarKey<String> APPLICANT_NAME = VarKey.of("applicantName", String.class);
    /** The due moment of the process's main time limit (23:59:59 of the due day, Beijing time). */
    public static final VarKey<Date> DUE_ON = VarKey.of("dueOn", Date.class);
    public static final VarKey<String> DUE_ON_TEXT = VarKey.of("dueOnText", String.class);
    public static final VarKey<String> REQUEST_DESCRIPTION = VarKey.of("requestDescription", String.class);
    /** The request's first characters, for Tasklist cards (see CaseCardVariables). */
    public static final VarKey<String> REQUEST_SUMMARY = VarKey.of("requestSummary", String.class);

    private CaseVars() {
    }
}
