package cn.gov.disclosure.workflow.appeal;

import static cn.gov.disclosure.workflow.appeal.AppealVars.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.appeal.AppealService;
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
 *       counted ({@code openAppeals}); the case keeps waiting;</li>
 *   <li>each outcome is delivered as it comes; if others are still undecided and the outcome sent the case
 *       back to the window gateway, {@code AppealReceived} follows at once, so the case waits for them and
 *       the window timer cannot close it;</li>
 *   <li>an outcome arriving while the case is handled again after a correcting decision is only recorded
 *       (the new reply is under way; its own window follows);</li>
 *   <li>anything else means the process is not where an appeal can reach it: the step fails with a field
 *       error and nothing of it is stored.</li>
 * </ul>
 * Runs with the system's rights: a legal officer may register an appeal without rights on the case's process.
 */
@Component
public class CaseAppealLink {

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
            VariableMap result = openAppeals(open)
                    .putValue(OUTCOME.name(), outcome)
                    .putValue(KIND_DECIDED.name(), kind)
                    .putValue(DECIDED_ON_TEXT.name(), decidedOn)
                    .putValue(CORRECTION_DUE.name(), correctionDue);
            if (process == null) {
                // The case was closed meanwhile (only possible after a reopening); the appeal row keeps the outcome.
                appeals.recordDecidedOutsideProcess(caseNo, outcome, true);
                return null;
            }
            if (!waitsFor(process, APPEAL_CONCLUDED) && waitsFor(process, APPEAL_RECEIVED)) {
                // Registered while an earlier appeal held the case, which was then reopened and replied to again.
                correlate(caseNo, process, APPEAL_RECEIVED, openAppeals(open + 1), "appeal.delivery.concluded");
            }
            if (waitsFor(process, APPEAL_CONCLUDED)) {
                correlate(caseNo, process, APPEAL_CONCLUDED, result, "appeal.delivery.concluded");
                if (open > 0 && waitsFor(process, APPEAL_RECEIVED)) {
                    correlate(caseNo, process, APPEAL_RECEIVED, openAppeals(open), "appeal.delivery.concluded");
                }
            } else {
                runtime.setVariable(process, OPEN_APPEALS.name(), open);
                appeals.recordDecidedOutsideProcess(caseNo, outcome, false);
            }
            return null;
        });
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
