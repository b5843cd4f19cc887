package cn.gov.disclosure.workflow.disclosure;

import java.util.Date;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import cn.gov.disclosure.acknowledgment.ReceiptController;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.workflow.CaseVars;
import cn.gov.disclosure.workflow.VarKey;

/**
 * The variables of process {@code disclosure-application}, with their types. They hold what the process and
 * its forms need: the case number (also the business key), what clerks read in the forms, the due dates and
 * the decisions. The identity number and contact details stay in the case record. The names are the form
 * fields' keys.
 */
public final class DisclosureVars {

    public static final String PROCESS_KEY = "disclosure-application";

    public static final VarKey<String> CASE_NO = CaseVars.CASE_NO;
    /** The printable receipt (受理回执) staff hand over (a walk-in, a letter's reply); holds no secret. */
    public static final VarKey<String> RECEIPT_URL = VarKey.of("receiptUrl", String.class);
    public static final VarKey<Date> DUE_ON = CaseVars.DUE_ON;
    public static final VarKey<String> DUE_ON_TEXT = CaseVars.DUE_ON_TEXT;
    public static final VarKey<Date> REVIEW_DUE_ON = VarKey.of("reviewDueOn", Date.class);
    public static final VarKey<String> APPLICANT_NAME = CaseVars.APPLICANT_NAME;
    public static final VarKey<String> APPLICANT_TYPE_LABEL = VarKey.of("applicantTypeLabel", String.class);
    public static final VarKey<String> CHANNEL_LABEL = VarKey.of("channelLabel", String.class);
    public static final VarKey<String> RECEIVED_ON_TEXT = VarKey.of("receivedOnText", String.class);
    public static final VarKey<String> REQUEST_DESCRIPTION = CaseVars.REQUEST_DESCRIPTION;
    public static final VarKey<String> REQUESTED_FORM_LABEL = VarKey.of("requestedFormLabel", String.class);

    // 审查申请内容 / 补正
    public static final VarKey<String> COMPLETENESS = VarKey.of("completeness", String.class);
    public static final VarKey<String> REVIEW_NOTES = VarKey.of("reviewNotes", String.class);
    public static final VarKey<Boolean> CORRECTION_REQUESTED = VarKey.of("correctionRequested", Boolean.class);
    public static final VarKey<String> CORRECTION_NOTICE_ON = VarKey.of("correctionNoticeOn", String.class);
    public static final VarKey<String> CORRECT_BY_TEXT = VarKey.of("correctByText", String.class);
    public static final VarKey<Date> CORRECT_BY = VarKey.of("correctBy", Date.class);
    public static final VarKey<String> CORRECTED_DESCRIPTION = VarKey.of("correctedDescription", String.class);
    public static final VarKey<String> CORRECTION_RECEIVED_ON = VarKey.of("correctionReceivedOn", String.class);
    /** 不拒收: the Art. 29 content a staff registration lacked, one item per line (null when complete). */
    public static final VarKey<String> MISSING_ITEMS = VarKey.of("missingItems", String.class);
    public static final VarKey<String> CORRECTION_CHANNEL = VarKey.of("correctionChannel", String.class);
    /** The day the applicant received the correction notice (presumed, then as recorded): the period runs from it. */
    public static final VarKey<String> CORRECTION_NOTICE_RECEIVED_ON =
            VarKey.of("correctionNoticeReceivedOn", String.class);
    /** 决定是否视为放弃申请: ABANDON, ACCEPT_LATE or NOTICE_RECEIVED_LATER (CorrectionService). */
    public static final VarKey<String> ABANDONMENT_DECISION = VarKey.of("abandonmentDecision", String.class);
    public static final VarKey<String> LATE_CORRECTION_REASON = VarKey.of("lateCorrectionReason", String.class);

    // Art. 35: 要求申请人说明理由 / 审查申请人说明的理由
    public static final VarKey<String> REASONS_BY_TEXT = VarKey.of("reasonsByText", String.class);
    public static final VarKey<Date> REASONS_BY = VarKey.of("reasonsBy", Date.class);
    /** CONTINUE, DEFER or NOT_PROCESSED (ExcessiveRequestService). */
    public static final VarKey<String> EXCESSIVE_DECISION = VarKey.of("excessiveDecision", String.class);
    public static final VarKey<String> APPLICANT_REASONS = VarKey.of("applicantReasons", String.class);
    public static final VarKey<Long> DEFERRAL_DAYS = VarKey.of("deferralDays", Long.class);

    // 拟定答复意见 and the reviews
    public static final VarKey<String> REPLY_TYPE = VarKey.of("replyType", String.class);
    public static final VarKey<String> REPLY_TYPE_LABEL = VarKey.of("replyTypeLabel", String.class);
    public static final VarKey<String> REASONING = VarKey.of("reasoning", String.class);
    public static final VarKey<String> DISCLOSURE_DETAILS = VarKey.of("disclosureDetails", String.class);
    public static final VarKey<String> REFERRAL_AGENCY = VarKey.of("referralAgency", String.class);
    public static final VarKey<String> REFERRAL_CONTACT = VarKey.of("referralContact", String.class);
    /** Prefix of the checkbox per withholding ground: {@code withhold_<CODE>}. */
    public static final String WITHHOLD_PREFIX = "withhold_";
    // Items (issue 13): how many the reply answers, the staff page for them, the whole set as legal reads it, a
    // fingerprint of the set reviewed (a change after review stops the reply), and a single item's search record.
    public static final VarKey<Integer> ITEM_COUNT = VarKey.of("itemCount", Integer.class);
    public static final VarKey<String> ITEMS_URL = VarKey.of("itemsUrl", String.class);
    public static final VarKey<String> ITEM_DECISIONS = VarKey.of("itemDecisions", String.class);
    public static final VarKey<String> ITEM_DECISIONS_DIGEST = VarKey.of("itemDecisionsDigest", String.class);
    public static final VarKey<String> SEARCH_PLACES = VarKey.of("searchPlaces", String.class);
    public static final VarKey<String> SEARCH_KEYWORDS = VarKey.of("searchKeywords", String.class);
    public static final VarKey<String> SEARCHED_ON = VarKey.of("searchedOn", String.class);
    public static final VarKey<String> SEARCHED_BY = VarKey.of("searchedBy", String.class);
    public static final VarKey<String> CHECKER_PROBLEMS = VarKey.of("checkerProblems", String.class);
    public static final VarKey<String> DRAFT_NOTICE_URL = VarKey.of("draftNoticeUrl", String.class);
    public static final VarKey<Boolean> NEEDS_LEGAL_REVIEW = VarKey.of("replyNeedsLegalReview", Boolean.class);
    public static final VarKey<Boolean> NEEDS_SECRECY_REVIEW = VarKey.of("replyNeedsSecrecyReview", Boolean.class);
    public static final VarKey<Boolean> THIRD_PARTY_OBJECTION_UPHELD =
            VarKey.of("thirdPartyObjectionUpheld", Boolean.class);
    public static final VarKey<Date> APPEAL_WINDOW_ENDS = VarKey.of("appealWindowEnds", Date.class);
    // After an appeal corrected the reply (workflow/appeal): handled again, the new reply reviewed afresh
    public static final VarKey<Boolean> REOPENED = VarKey.of("reopened", Boolean.class);
    public static final VarKey<String> LEGAL_OUTCOME = VarKey.of("legalOutcome", String.class);
    public static final VarKey<String> CONFIRMATION = VarKey.of("confirmation", String.class);
    public static final VarKey<String> DEADLINE_FLAG = VarKey.of("deadlineFlag", String.class);

    private DisclosureVars() {
    }

    public static VariableMap forNewCase(ApplicationCase c, StatutoryDeadlines deadlines) {
        VariableMap map = Variables.createVariables();
        CASE_NO.put(map, c.caseNo());
        APPLICANT_NAME.put(map, c.applicantName());
        APPLICANT_TYPE_LABEL.put(map, c.applicantType().label());
        CHANNEL_LABEL.put(map, c.channel().label());
        RECEIVED_ON_TEXT.put(map, c.receivedOn().toString());
        DUE_ON_TEXT.put(map, c.dueOn().toString());
        REQUEST_DESCRIPTION.put(map, c.description());
        REQUESTED_FORM_LABEL.put(map, c.form().label() + "，" + c.delivery().label());
        DUE_ON.put(map, StatutoryDeadlines.endOfDay(c.dueOn()));
        RECEIPT_URL.put(map, ReceiptController.receiptUrl(c.caseNo()));
        REVIEW_DUE_ON.put(map, StatutoryDeadlines.endOfDay(deadlines.correctionNoticeDue(c.receivedOn()).due()));
        return map;
    }
}
