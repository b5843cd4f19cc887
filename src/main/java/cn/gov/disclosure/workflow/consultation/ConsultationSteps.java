package cn.gov.disclosure.workflow.consultation;

import static cn.gov.disclosure.workflow.consultation.ConsultationVars.*;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.consultation.Consultation;
import cn.gov.disclosure.consultation.ConsultationLetter;
import cn.gov.disclosure.consultation.ConsultationOutcome;
import cn.gov.disclosure.consultation.ConsultationService;
import cn.gov.disclosure.items.CaseItem;
import cn.gov.disclosure.items.CaseItems;
import cn.gov.disclosure.items.ItemDecision;
import cn.gov.disclosure.workflow.Actors;

/**
 * The consultation steps as the BPMN calls them ({@code ${consultation.recordAnswer(task)}} …): reads the
 * variables, resolves who acts, calls {@link ConsultationService}, and writes back only what the model's
 * gateways, timers and forms read — per-consultation values local to the branch (see {@link ConsultationVars}).
 */
@Component("consultation")
public class ConsultationSteps {

    private final ConsultationService consultations;
    private final IdentityService identity;
    private final CaseItems items;

    public ConsultationSteps(ConsultationService consultations, IdentityService identity, CaseItems items) {
        this.consultations = consultations;
        this.identity = identity;
        this.items = items;
    }

    // ---- the plan (检索查找政府信息, process disclosure-application) ----

    public void validatePlan(DelegateTask task) {
        consultations.validatePlan(plan(task));
    }

    public void offerDirectory(DelegateExecution execution) {
        AGENCY_DIRECTORY_TEXT.set(execution, consultations.directoryText());
        execution.setVariable(AGENCY_OPTIONS, cn.gov.disclosure.workflow.FormOptions.of(consultations.directoryChoices())
                .asVariable());
        // Tasklist submits a list's choice with the type the variable already has: a String keeps the plan's format.
        if (AGENCY_CODES.get(execution) == null) {
            AGENCY_CODES.set(execution, "");
        }
    }

    /** The collection of the multi-instance 征求其他机关意见. */
    public List<String> agencyCodes(DelegateExecution execution) {
        return plan(execution).agencyCodeList();
    }

    // ---- the reply clock ----

    public void pauseClock(DelegateExecution execution) {
        consultations.pauseClock(CASE_NO.get(execution), CONSULT_THIRD_PARTY.isTrue(execution), actor());
    }

    /** Runs once every branch has joined: the status the calling process maps out comes from the table. */
    public void resumeClock(DelegateExecution execution) {
        String status = consultations.resumeClock(CASE_NO.get(execution), actor());
        STATUS.setLocal(execution.getProcessInstance(), status);
    }

    // ---- letters: each opens its branch's own variables ----

    public void sendAgencyLetter(DelegateExecution execution) {
        String caseNo = CASE_NO.get(execution);
        ConsultationLetter letter = consultations.sendAgencyLetter(caseNo, AGENCY_CODE.get(execution),
                INFORMATION_CONCERNED.text(execution), actor());
        openBranch(execution, letter);
        // The letters all go out in the transaction that starts the consultation, so this overview is
        // written once per branch but never concurrently; answers do not touch it (see resumeClock).
        STATUS.setLocal(execution.getProcessInstance(), consultations.status(caseNo));
    }

    public void sendThirdPartyLetter(DelegateExecution execution) {
        String caseNo = CASE_NO.get(execution);
        ConsultationLetter letter = consultations.sendThirdPartyLetter(caseNo, plan(execution), actor());
        openBranch(execution, letter);
        THIRD_PARTY_OUTCOME.setLocal(execution, null);
        PUBLIC_INTEREST_DECISION.setLocal(execution, null);
        PUBLIC_INTEREST_REASON.setLocal(execution, null);
        THIRD_PARTY_LETTER_URL.setLocal(execution, "/staff/notices/" + letter.noticeId() + ".pdf");
        STATUS.setLocal(execution.getProcessInstance(), consultations.status(caseNo));
        // The head's form (决定是否因公共利益公开) reads the overview after the answer: kept in this branch.
        STATUS.setLocal(execution, consultations.status(caseNo));
    }

    private static void openBranch(DelegateExecution execution, ConsultationLetter letter) {
        CONSULTATION_ID.setLocal(execution, letter.consultationId());
        CONSULTED_PARTY.setLocal(execution, letter.party());
        ANSWER_BY_TEXT.setLocal(execution, letter.answerBy().toString());
        ANSWER_BY.setLocal(execution, StatutoryDeadlines.endOfDay(letter.answerBy()));
        // Declared here so that the clerk's form values stay in this branch.
        ANSWER_OUTCOME.setLocal(execution, null);
        ANSWER_OPINION.setLocal(execution, null);
    }

    // ---- answers ----

    /** The clerk records an answer received by letter (or confirms one given through the link). */
    public void recordAnswer(DelegateTask task) {
        Consultation c = consultations.recordAnswer(CONSULTATION_ID.get(task), outcome(ANSWER_OUTCOME.text(task)),
                ANSWER_OPINION.text(task), actorOf(task));
        answered(task.getExecution(), c);
        if (Consultation.THIRD_PARTY.equals(c.partyKind())) {
            STATUS.set(task.getExecution(), consultations.status(c.caseId()));
        }
    }

    /** The answer period ended: silence is recorded (consent for an agency, Art. 34). */
    public void recordSilence(DelegateExecution execution) {
        answered(execution, consultations.recordSilence(CONSULTATION_ID.get(execution)));
    }

    private static void answered(VariableScope branch, Consultation c) {
        ANSWER_OUTCOME.set(branch, c.outcome().name());
        if (Consultation.THIRD_PARTY.equals(c.partyKind())) {
            THIRD_PARTY_OUTCOME.set(branch, c.outcome().name());
        }
    }

    public void recordPublicInterestDecision(DelegateTask task) {
        boolean upheld = consultations.recordPublicInterestDecision(CASE_NO.get(task),
                PUBLIC_INTEREST_DECISION.text(task), PUBLIC_INTEREST_REASON.text(task), actorOf(task));
        // Only the third-party branch writes this, and the calling process maps it out.
        THIRD_PARTY_OBJECTION_UPHELD.setLocal(task.getExecution().getProcessInstance(), upheld);
    }

    public void notifyThirdPartyOfOverride(DelegateExecution execution) {
        consultations.notifyThirdPartyOfDisclosure(CASE_NO.get(execution), CONSULTATION_ID.get(execution),
                PUBLIC_INTEREST_DECISION.text(execution), PUBLIC_INTEREST_REASON.text(execution));
    }

    /**
     * On completing 拟定答复意见 (disclosure-application): Art. 15 refusals need the third party (Art. 32). A case of
     * one item is decided in the form; a case of several items on the items page, where each item refused on Art. 15
     * counts (the form's checkbox is hidden there and may hold a stale value).
     */
    public void checkThirdPartyGround(DelegateTask task) {
        String caseNo = CASE_NO.get(task);
        consultations.checkThirdPartyGround(caseNo, withheldForThirdParty(task, caseNo),
                THIRD_PARTY_OBJECTION_UPHELD.get(task), THIRD_PARTY_NOT_CONSULTED_REASON.text(task), actorOf(task));
    }

    /**
     * When the draft is rendered after the submit (生成并核验答复书草稿): an item changed on the items page since then
     * to a refusal on Art. 15 is held to the same rule; the problems send the reply back to the clerk.
     */
    public List<String> thirdPartyGroundProblems(VariableScope vars, String caseNo) {
        return consultations.thirdPartyGroundProblems(caseNo, withheldForThirdParty(vars, caseNo),
                THIRD_PARTY_OBJECTION_UPHELD.get(vars));
    }

    /** The items withheld on Art. 15 (several items), or {@code [0]} for a single decision that is. */
    private List<Integer> withheldForThirdParty(VariableScope vars, String caseNo) {
        List<CaseItem> open = items.open(caseNo);
        if (open.size() > 1) {
            return open.stream().filter(i -> withholdsForThirdParty(i.decision())).map(CaseItem::no).toList();
        }
        // A ticked ground counts only with a reply that withholds (a box left ticked from an earlier draft does not).
        boolean withholds = WITHHOLDING_TYPES.contains(String.valueOf(vars.getVariable("replyType")))
                && Boolean.TRUE.equals(vars.getVariable(WITHHOLD_THIRD_PARTY_RIGHTS));
        return withholds ? List.of(0) : List.of();
    }

    /** The reply types that withhold something (the only ones that accept the Art. 15 ground). */
    private static final Set<String> WITHHOLDING_TYPES = Set.of("NOT_DISCLOSED", "PARTIALLY_DISCLOSED");

    private static boolean withholdsForThirdParty(ItemDecision d) {
        return d != null && WITHHOLDING_TYPES.contains(d.replyType())
                && d.reasonCodes().contains(THIRD_PARTY_RIGHTS_GROUND);
    }

    private static ConsultationOutcome outcome(String value) {
        try {
            return value == null ? null : ConsultationOutcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String actor() {
        return Actors.current(identity, "system");
    }

    private String actorOf(DelegateTask task) {
        return task.getAssignee() != null ? task.getAssignee() : actor();
    }
}
