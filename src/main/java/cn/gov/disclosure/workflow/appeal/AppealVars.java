package cn.gov.disclosure.workflow.appeal;

import java.util.Date;

import cn.gov.disclosure.workflow.CaseVars;
import cn.gov.disclosure.workflow.VarKey;

/**
 * The variables of process {@code appeal} (复议和诉讼), with their types; the names are the keys of the forms
 * register-appeal, prepare-appeal-answer and record-appeal-progress. The last block is what message
 * {@code AppealConcluded} hands to the case's process {@code disclosure-application}.
 */
public final class AppealVars {

    public static final String PROCESS_KEY = "appeal";
    /** Messages caught by disclosure-application.bpmn. */
    public static final String APPEAL_RECEIVED = "AppealReceived";
    public static final String APPEAL_CONCLUDED = "AppealConcluded";
    /** Message start event of disclosure-application.bpmn: a decision orders new handling of a closed case. */
    public static final String CLOSED_CASE_REOPENED = "ClosedCaseReopened";

    public static final VarKey<String> CASE_NO = CaseVars.CASE_NO;
    public static final VarKey<String> APPLICANT_NAME = CaseVars.APPLICANT_NAME;
    public static final VarKey<Date> DUE_ON = CaseVars.DUE_ON;

    // 登记复议或诉讼 (start form)
    public static final VarKey<String> KIND = VarKey.of("appealKind", String.class);
    public static final VarKey<String> BODY = VarKey.of("appealBody", String.class);
    public static final VarKey<String> REFERENCE = VarKey.of("appealReference", String.class);
    /** Form date: text YYYY-MM-DD (a Date when set through the API). */
    public static final VarKey<Object> RECEIVED_ON = VarKey.of("appealReceivedOn", Object.class);
    public static final VarKey<Boolean> SIMPLIFIED = VarKey.of("simplified", Boolean.class);
    public static final VarKey<Boolean> AFTER_RECONSIDERATION = VarKey.of("afterReconsideration", Boolean.class);
    /** APPLICANT or THIRD_PARTY (AppealService); blank means the applicant. */
    public static final VarKey<String> APPELLANT_TYPE = VarKey.of("appellantType", String.class);
    public static final VarKey<String> APPELLANT_NAME = VarKey.of("appellantName", String.class);

    // Set on registration
    public static final VarKey<Long> APPEAL_ID = VarKey.of("appealId", Long.class);
    public static final VarKey<String> LABEL = VarKey.of("appealLabel", String.class);
    public static final VarKey<Date> ANSWER_DUE = VarKey.of("answerDue", Date.class);
    public static final VarKey<String> ANSWER_DUE_TEXT = VarKey.of("answerDueText", String.class);
    public static final VarKey<Date> DECISION_DUE = VarKey.of("decisionDue", Date.class);

    // 登记审理情况和结果
    public static final VarKey<String> HEARING_NOTES = VarKey.of("hearingNotes", String.class);
    public static final VarKey<String> OUTCOME = VarKey.of("appealOutcome", String.class);
    public static final VarKey<Object> DECIDED_ON = VarKey.of("decidedOn", Object.class);
    public static final VarKey<Object> CORRECTION_WORKING_DAYS = VarKey.of("correctionWorkingDays", Object.class);
    /** Set for a correcting decision: the new reply is due by then. */
    public static final VarKey<Date> CORRECTION_DUE = VarKey.of("correctionDue", Date.class);

    // On disclosure-application: AppealConcluded carries APPEAL_ID into its event subprocess (a variable local to
    // it); the outcome read from the appeal row is kept there too (OUTCOME, KIND_DECIDED, DECIDED_ON_TEXT).
    public static final VarKey<String> KIND_DECIDED = VarKey.of("appealKindDecided", String.class);
    public static final VarKey<String> DECIDED_ON_TEXT = VarKey.of("appealDecidedOn", String.class);
    /** On disclosure-application: appeals on the case not yet decided (the case stays open while > 0). */
    public static final VarKey<Integer> OPEN_APPEALS = VarKey.of("openAppeals", Integer.class);
    /** On disclosure-application: a decision corrected the reply; the case is to be handled again. */
    public static final VarKey<Boolean> REOPEN_REQUESTED = VarKey.of("reopenRequested", Boolean.class);
    /** On disclosure-application: the appeal whose correcting decision reopens the case. */
    public static final VarKey<Long> REOPENING_APPEAL_ID = VarKey.of("reopeningAppealId", Long.class);

    private AppealVars() {
    }
}
