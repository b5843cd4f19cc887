package cn.gov.disclosure.workflow.consultation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.gov.disclosure.consultation.ConsultationPlan;
import cn.gov.disclosure.workflow.CaseVars;
import cn.gov.disclosure.workflow.VarKey;

/**
 * The variables of process {@code consultation} and of the consultation plan in the search form of
 * {@code disclosure-application}; the names are the form fields' keys.
 *
 * <p>Parallel branches (one per consulted agency, one for the third party) may finish in concurrent
 * transactions, so each keeps what is its own in variables local to its branch: the send step declares them
 * there, and a later set (also the clerk's form values) lands on that declaration rather than on the process
 * instance, where concurrent branches would collide. The answers themselves live in table {@code consultation};
 * what the calling process needs afterwards ({@link #STATUS}) is derived from it when the stage ends.
 */
public final class ConsultationVars {

    public static final String PROCESS_KEY = "consultation";
    public static final String RECORD_AGENCY_ANSWER = "RecordAgencyAnswer";
    public static final String RECORD_THIRD_PARTY_ANSWER = "RecordThirdPartyAnswer";

    public static final VarKey<String> CASE_NO = CaseVars.CASE_NO;

    // The plan (检索查找政府信息)
    public static final VarKey<Boolean> CONSULT_AGENCIES = VarKey.of("consultAgencies", Boolean.class);
    public static final VarKey<String> AGENCY_CODES = VarKey.of("agencyCodes", String.class);
    public static final VarKey<Boolean> CONSULT_THIRD_PARTY = VarKey.of("consultThirdParty", Boolean.class);
    public static final VarKey<String> THIRD_PARTY_NAME = VarKey.of("thirdPartyName", String.class);
    public static final VarKey<String> THIRD_PARTY_EMAIL = VarKey.of("thirdPartyEmail", String.class);
    public static final VarKey<String> THIRD_PARTY_ADDRESS = VarKey.of("thirdPartyAddress", String.class);
    public static final VarKey<String> INFORMATION_CONCERNED = VarKey.of("informationConcerned", String.class);
    /** Read-only in the search form: the agencies that can be consulted. */
    public static final VarKey<String> AGENCY_DIRECTORY_TEXT = VarKey.of("agencyDirectoryText", String.class);
    /** The search form's list of agencies ({@code valuesKey} of agencyCodes): the directory as {label, value}. */
    public static final String AGENCY_OPTIONS = "agencyOptions";

    // One consultation, local to its branch
    /** The multi-instance element variable: the agency of this branch. */
    public static final VarKey<String> AGENCY_CODE = VarKey.of("agencyCode", String.class);
    public static final VarKey<Long> CONSULTATION_ID = VarKey.of("consultationId", Long.class);
    public static final VarKey<String> CONSULTED_PARTY = VarKey.of("consultedParty", String.class);
    /** The end of the answer day: due date of the answer task and its timer. */
    public static final VarKey<Date> ANSWER_BY = VarKey.of("answerBy", Date.class);
    public static final VarKey<String> ANSWER_BY_TEXT = VarKey.of("answerByText", String.class);
    public static final VarKey<String> ANSWER_OUTCOME = VarKey.of("answerOutcome", String.class);
    public static final VarKey<String> ANSWER_OPINION = VarKey.of("answerOpinion", String.class);
    /** Read by the gateway 第三方是否反对？ of the third-party branch. */
    public static final VarKey<String> THIRD_PARTY_OUTCOME = VarKey.of("thirdPartyOutcome", String.class);
    public static final VarKey<String> THIRD_PARTY_LETTER_URL = VarKey.of("thirdPartyLetterUrl", String.class);
    public static final VarKey<String> PUBLIC_INTEREST_DECISION = VarKey.of("publicInterestDecision", String.class);
    public static final VarKey<String> PUBLIC_INTEREST_REASON = VarKey.of("publicInterestReason", String.class);

    // 拟定答复意见 (disclosure-application): a refusal on Art. 15 grounds without the third party's objection
    /** The checkbox of the Art. 15 ground (same name as {@code DisclosureVars.WITHHOLD_PREFIX + code}). */
    public static final String WITHHOLD_THIRD_PARTY_RIGHTS = "withhold_THIRD_PARTY_RIGHTS";
    /** The catalogue's code of the Art. 15 ground, as an item's decision lists it. */
    public static final String THIRD_PARTY_RIGHTS_GROUND = "THIRD_PARTY_RIGHTS";
    public static final VarKey<String> THIRD_PARTY_NOT_CONSULTED_REASON =
            VarKey.of("thirdPartyNotConsultedReason", String.class);

    // Results for the forms and the calling process (mapped out by the call activity)
    /** "示例市自然资源局：同意公开；某公司：尚未答复（期限…）". */
    public static final VarKey<String> STATUS = VarKey.of("consultationStatus", String.class);
    public static final VarKey<Boolean> THIRD_PARTY_OBJECTION_UPHELD =
            VarKey.of("thirdPartyObjectionUpheld", Boolean.class);

    private ConsultationVars() {
    }

    public static ConsultationPlan plan(VariableScope scope) {
        return new ConsultationPlan(CONSULT_AGENCIES.isTrue(scope), AGENCY_CODES.text(scope),
                CONSULT_THIRD_PARTY.isTrue(scope), THIRD_PARTY_NAME.text(scope), THIRD_PARTY_EMAIL.text(scope),
                THIRD_PARTY_ADDRESS.text(scope), INFORMATION_CONCERNED.text(scope));
    }
}
