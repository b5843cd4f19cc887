package cn.gov.disclosure.workflow.disclosure;

import static cn.gov.disclosure.workflow.disclosure.DisclosureVars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.correction.CorrectionService;
import cn.gov.disclosure.workflow.Actors;

/**
 * The correction steps of disclosure-application.bpmn (Art. 30), bean {@code correction}: each reads the
 * typed variables, calls {@link CorrectionService} with plain values and writes the result back.
 */
@Component("correction")
public class CorrectionSteps {

    private final CorrectionService corrections;
    private final IdentityService identity;

    public CorrectionSteps(CorrectionService corrections, IdentityService identity) {
        this.corrections = corrections;
        this.identity = identity;
    }

    /**
     * On entering the handling stage (是否重新答复？): a staff registration that lacked Art. 29 content goes
     * straight to the correction notice with the missing items as its text (不拒收); a reopened case or one
     * already asked once never does.
     */
    public void missingAtRegistration(DelegateExecution execution) {
        java.util.List<String> items = REOPENED.isTrue(execution) || CORRECTION_REQUESTED.isTrue(execution)
                ? java.util.List.of() : corrections.itemsAtRegistration(CASE_NO.get(execution));
        if (items.isEmpty()) {
            // Cleared only where an earlier pass set it: a null variable at every start costs three rows (runtime,
            // history, detail) on the intake's path; the gateway reads an absent variable as null all the same.
            if (execution.getVariable(MISSING_ITEMS.name()) != null) {
                MISSING_ITEMS.set(execution, null);
            }
            return;
        }
        MISSING_ITEMS.set(execution, String.join("\n", items));
        REVIEW_NOTES.set(execution, CorrectionService.numbered(items));
    }

    /** On completing 审查申请内容. */
    public void validateReview(DelegateTask task) {
        corrections.validateReview(COMPLETENESS.text(task), CORRECTION_REQUESTED.isTrue(task), REVIEW_NOTES.text(task));
    }

    /** 发出补正告知书. */
    public void sendNotice(DelegateExecution execution) {
        CorrectionService.NoticeSent sent = corrections.sendNotice(CASE_NO.get(execution),
                REVIEW_NOTES.get(execution), Actors.current(identity, "applicant"));
        CORRECTION_REQUESTED.set(execution, true);
        CORRECTION_NOTICE_ON.set(execution, sent.noticeOn().toString());
        CORRECTION_NOTICE_RECEIVED_ON.set(execution, sent.receivedOn().toString());
        setCorrectBy(execution, sent.correctBy());
    }

    private static void setCorrectBy(org.camunda.bpm.engine.delegate.VariableScope scope, LocalDate correctBy) {
        CORRECT_BY_TEXT.set(scope, correctBy.toString());
        CORRECT_BY.set(scope, StatutoryDeadlines.endOfDay(correctBy));
    }

    /**
     * On completing 决定是否视为放弃申请: the late correction accepted (restarts the clock, back to review), or
     * the day the notice was really received (a new period, back to waiting), or abandonment (next step).
     */
    public void decideAfterPeriod(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String decision = ABANDONMENT_DECISION.text(task);
        String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity, "clerk");
        if (CorrectionService.NOTICE_RECEIVED_LATER.equals(decision)) {
            LocalDate correctBy = corrections.noticeReceivedLater(CASE_NO.get(execution),
                    LocalDate.parse(CORRECTION_NOTICE_ON.get(execution)), CORRECTION_NOTICE_RECEIVED_ON.text(task),
                    CORRECT_BY_TEXT.get(execution), actor);
            setCorrectBy(execution, correctBy);
            return;
        }
        Object on = execution.getVariable(CORRECTION_RECEIVED_ON.name());
        CorrectionService.Applied applied = corrections.decideAfterPeriod(CASE_NO.get(execution), decision,
                LATE_CORRECTION_REASON.text(task), CORRECTED_DESCRIPTION.text(task), on == null ? null : on.toString(),
                actor);
        if (applied != null) {
            applied(execution, applied);
        }
    }

    private static void applied(DelegateExecution execution, CorrectionService.Applied applied) {
        if (applied.newDescription() != null) {
            REQUEST_DESCRIPTION.set(execution, applied.newDescription());
        }
        REVIEW_DUE_ON.set(execution, StatutoryDeadlines.endOfDay(applied.reviewDue()));
        COMPLETENESS.set(execution, null);
    }

    /** On completing 等待申请人补正: by the clerk for a letter or a visit, or by the portal for the applicant. */
    public void received(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        Object on = execution.getVariable(CORRECTION_RECEIVED_ON.name());
        String receivedOn = on instanceof java.util.Date d ? StatutoryDeadlines.toLocalDate(d).toString()
                : on == null ? null : on.toString();
        CorrectionService.Applied applied = corrections.receive(CASE_NO.get(execution),
                CORRECTED_DESCRIPTION.text(task), receivedOn,
                task.getAssignee() != null ? task.getAssignee() : Actors.current(identity, "applicant"));
        applied(execution, applied);
    }

    /** The clerk decided the application is abandoned: 告知视为放弃申请. */
    public void abandon(DelegateExecution execution) {
        corrections.abandon(CASE_NO.get(execution), LocalDate.parse(CORRECTION_NOTICE_ON.get(execution)),
                LocalDate.parse(CORRECT_BY_TEXT.get(execution)));
        REPLY_TYPE.set(execution, "ABANDONED");
    }
}
