package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.rectification.OwnRecordCorrections;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.workflow.VarKey;

/**
 * The Art. 41 route of disclosure-application.bpmn, bean {@code ownRecords}: 审查申请内容 marks the request
 * (审查结论 {@code CORRECTION_OF_OWN_RECORDS}), 核实并更正信息 records the outcome, which becomes the reply
 * {@code RECORD_CORRECTION} — checked like any reply at 拟定答复意见 — and the case goes on to its draft.
 */
@Component("ownRecords")
public class OwnRecordSteps {

    // Form verify-own-records
    public static final VarKey<String> OUTCOME = VarKey.of("ownRecordsOutcome", String.class);
    public static final VarKey<String> NOTES = VarKey.of("verificationNotes", String.class);
    public static final VarKey<String> CORRECTED_CONTENT = VarKey.of("correctedContent", String.class);
    public static final VarKey<String> COMPETENT_AGENCY = VarKey.of("competentAgency", String.class);
    public static final VarKey<String> REFUSAL_REASONS = VarKey.of("refusalReasons", String.class);

    private final OwnRecordCorrections corrections;
    private final ReplyCheck replyCheck;
    private final IdentityService identity;

    public OwnRecordSteps(OwnRecordCorrections corrections, ReplyCheck replyCheck, IdentityService identity) {
        this.corrections = corrections;
        this.replyCheck = replyCheck;
        this.identity = identity;
    }

    /** Condition of 要求更正本人信息 at 申请内容是否明确？. */
    public boolean requested(DelegateExecution execution) {
        return OwnRecordCorrections.KIND.equals(DisclosureVars.COMPLETENESS.get(execution));
    }

    /** Start of 核实并更正信息: the case is recorded as an Art. 41 request. */
    public void mark(DelegateExecution execution) {
        corrections.mark(DisclosureVars.CASE_NO.get(execution), Actors.current(identity, "clerk"));
    }

    /**
     * On completing 核实并更正信息: the outcome stored, the reply's type, details and reasoning set for the draft,
     * and the decision checked as 拟定答复意见 checks it (a refusal keeps the task open with the problems listed).
     */
    public void decide(DelegateTask task) {
        String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity, "clerk");
        OwnRecordCorrections.Reply reply = corrections.decide(DisclosureVars.CASE_NO.get(task),
                new OwnRecordCorrections.Verification(OUTCOME.text(task), NOTES.text(task),
                        CORRECTED_CONTENT.text(task), COMPETENT_AGENCY.text(task), REFUSAL_REASONS.text(task)),
                actor);
        DelegateExecution execution = task.getExecution();
        DisclosureVars.REPLY_TYPE.set(execution, reply.replyType());
        DisclosureVars.DISCLOSURE_DETAILS.set(execution, reply.details());
        DisclosureVars.REASONING.set(execution, reply.reasoning());
        replyCheck.onDecision(task);
    }
}
