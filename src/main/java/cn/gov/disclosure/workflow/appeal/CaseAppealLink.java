package cn.gov.disclosure.workflow.appeal;

import static cn.gov.disclosure.workflow.appeal.AppealVars.*;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.appeal.AppealService;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.workflow.AsSystem;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * Tells the case's process (disclosure-application) about its appeals. That model takes one appeal at a
 * time: from 等待复议、诉讼期限届满 message {@code AppealReceived} leads to 等待复议、诉讼结果, and
 * {@code AppealConcluded} leads back (or reopens the case). Several appeals on one case are fitted onto it:
 * <ul>
 *   <li>an appeal registered while the case already waits for an earlier one's outcome is recorded and
 *       counted on the case's process ({@code openAppeals}); the case keeps waiting;</li>
 *   <li>an outcome while others are still undecided moves the appeal window (15 days to sue after a
 *       reconsideration decision) and the count; the case keeps waiting. The last outcome, or a correcting
 *       one, is delivered with {@code AppealConcluded};</li>
 *   <li>an outcome arriving while the case is handled again after a correcting decision is only recorded
 *       (the new reply is under way and gets its own window); one arriving after that new reply, when the case
 *       waits at the window gateway, puts the case back to waiting (others open) or takes it through the
 *       outcome gateway;</li>
 *   <li>anything else means the process is not where an appeal can reach it: the step fails with a field
 *       error and nothing of it is stored.</li>
 * </ul>
 * Runs with the system's rights: a legal officer may register an appeal without rights on the case's process.
 */
@Component
public class CaseAppealLink {

    /** Activities of disclosure-application.bpmn. */
    static final String WINDOW_GATEWAY = "AppealWindowGateway";
    static final String OUTCOME_GATEWAY = "AppealOutcomeGateway";

    private final RuntimeService runtime;
    private final AppealService appeals;
    private final AsSystem asSystem;

    public CaseAppealLink(RuntimeService runtime, AppealService appeals, AsSystem asSystem) {
        this.runtime = runtime;
        this.appeals = appeals;
        this.asSystem = asSystem;
    }

    /** After an appeal on the case was registered. */
    public void appealReceived(String caseNo) {
        asSystem.call(() -> {
            int open = appeals.openAppeals(caseNo);
            String process = caseProcess(caseNo);
            if (process != null && waitsFor(process, APPEAL_RECEIVED)) {
                correlate(caseNo, process, APPEAL_RECEIVED, openAppeals(open), "appeal.delivery.received");
            } else if (process != null && waitsFor(process, APPEAL_CONCLUDED)) {
                runtime.setVariable(process, OPEN_APPEALS.name(), open);
                appeals.recordHeldWithOthers(caseNo, open);
            } else {
                throw failed(caseNo, "appeal.delivery.received");
            }
            return null;
        });
    }

    /** When an appeal on the case is decided ({@code decidedOn} as YYYY-MM-DD). */
    public void appealConcluded(String caseNo, String kind, String outcome, String decidedOn, Date correctionDue) {
        asSystem.call(() -> {
            int open = appeals.openAppeals(caseNo);
            String process = caseProcess(caseNo);
            if (process == null) {
                // The case was closed meanwhile (only possible after a reopening); the appeal row keeps the outcome.
                appeals.recordDecidedOutsideProcess(caseNo, outcome, true);
                return null;
            }
            boolean corrected = AppealService.CORRECTED.equals(outcome);
            VariableMap result = openAppeals(open)
                    .putValue(OUTCOME.name(), outcome)
                    .putValue(KIND_DECIDED.name(), kind)
                    .putValue(DECIDED_ON_TEXT.name(), decidedOn)
                    .putValue(CORRECTION_DUE.name(), correctionDue);
            // At most one message per call: a correlation in the same command would not find the wait state an
            // earlier one created (it is not flushed yet), so the model's path is never walked twice here.
            if (waitsFor(process, APPEAL_CONCLUDED)) {
                if (open > 0 && !corrected) {
                    // Others are undecided: the case keeps waiting; this outcome only moves the window.
                    extendWindow(process, kind, decidedOn);
                    runtime.setVariable(process, OPEN_APPEALS.name(), open);
                    appeals.recordDecidedWhileOthersOpen(caseNo, outcome, open);
                } else {
                    correlate(caseNo, process, APPEAL_CONCLUDED, result, "appeal.delivery.concluded");
                }
            } else if (waitsFor(process, APPEAL_RECEIVED)) {
                // Registered while an earlier appeal held the case, which was then reopened and replied to again.
                if (open > 0 && !corrected) {
                    extendWindow(process, kind, decidedOn);
                    correlate(caseNo, process, APPEAL_RECEIVED, openAppeals(open), "appeal.delivery.concluded");
                    appeals.recordDecidedWhileOthersOpen(caseNo, outcome, open);
                } else {
                    // As if received and concluded at once: on to 是否纠正原答复？ with the outcome.
                    runtime.createProcessInstanceModification(process)
                            .cancelAllForActivity(WINDOW_GATEWAY)
                            .startBeforeActivity(OUTCOME_GATEWAY)
                            .setVariables(result)
                            .execute();
                }
            } else {
                runtime.setVariable(process, OPEN_APPEALS.name(), open);
                appeals.recordDecidedOutsideProcess(caseNo, outcome, false);
            }
            return null;
        });
    }

    /** What ExtendAppealWindow would do, for an outcome the case's process does not pass through. */
    private void extendWindow(String process, String kind, String decidedOn) {
        Date current = (Date) runtime.getVariable(process, DisclosureVars.APPEAL_WINDOW_ENDS.name());
        appeals.windowAfterDecision(kind, decidedOn == null ? null : LocalDate.parse(decidedOn),
                        current == null ? null : StatutoryDeadlines.toLocalDate(current))
                .ifPresent(end -> runtime.setVariable(process, DisclosureVars.APPEAL_WINDOW_ENDS.name(),
                        StatutoryDeadlines.endOfDay(end)));
    }

    private String caseProcess(String caseNo) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(DisclosureVars.PROCESS_KEY)
                .processInstanceBusinessKey(caseNo).singleResult();
        return pi == null ? null : pi.getId();
    }

    private boolean waitsFor(String processInstanceId, String message) {
        return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
                .eventName(message).count() > 0;
    }

    private void correlate(String caseNo, String processInstanceId, String message, VariableMap variables,
                           String what) {
        boolean delivered = !runtime.createMessageCorrelation(message).processInstanceId(processInstanceId)
                .setVariables(variables).correlateAllWithResult().isEmpty();
        if (!delivered) {
            throw failed(caseNo, what);
        }
    }

    private static VariableMap openAppeals(int open) {
        return Variables.createVariables().putValue(OPEN_APPEALS.name(), open);
    }

    private static InvalidInputException failed(String caseNo, String what) {
        return new InvalidInputException("caseNo", Texts.get("appeal.delivery.failed", caseNo, Texts.get(what)));
    }
}
