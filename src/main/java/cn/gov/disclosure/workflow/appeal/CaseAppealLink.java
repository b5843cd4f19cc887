package cn.gov.disclosure.workflow.appeal;

import static cn.gov.disclosure.workflow.appeal.AppealVars.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.appeal.AppealService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.workflow.AsSystem;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * Tells the case's process (disclosure-application) about its appeals. That model takes them in two
 * non-interrupting event subprocesses at process level, 登记案件的复议、诉讼 ({@code AppealReceived}) and
 * 登记复议、诉讼结果 ({@code AppealConcluded}), which are listening for as long as the case's process runs —
 * while the application is handled (an appeal against the failure to reply in time), after the reply, and any
 * number of times. So a message can only miss the case when its process has ended (the case is closed):
 * registration is then refused with a field error and nothing is stored; a decision is kept on the appeal row
 * and recorded on the case.
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
            String process = caseProcess(caseNo);
            if (process == null) {
                throw failed(caseNo, "appeal.delivery.received");
            }
            correlate(caseNo, process, APPEAL_RECEIVED, null, "appeal.delivery.received");
            return null;
        });
    }

    /** When an appeal on the case is decided. */
    public void appealConcluded(String caseNo, long appealId, String outcome) {
        asSystem.call(() -> {
            String process = caseProcess(caseNo);
            if (process == null) {
                appeals.recordDecidedOutsideProcess(caseNo, outcome);
            } else {
                correlate(caseNo, process, APPEAL_CONCLUDED, appealId, "appeal.delivery.concluded");
            }
            return null;
        });
    }

    private String caseProcess(String caseNo) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(DisclosureVars.PROCESS_KEY)
                .processInstanceBusinessKey(caseNo).singleResult();
        return pi == null ? null : pi.getId();
    }

    /** The appeal's id goes to the event subprocess it starts only, so two decisions never share it. */
    private void correlate(String caseNo, String processInstanceId, String message, Long appealId, String what) {
        var correlation = runtime.createMessageCorrelation(message).processInstanceId(processInstanceId);
        if (appealId != null) {
            correlation.setVariablesToTriggeredScope(Variables.createVariables().putValue(APPEAL_ID.name(), appealId));
        }
        if (correlation.correlateAllWithResult().isEmpty()) {
            throw failed(caseNo, what);
        }
    }

    private static InvalidInputException failed(String caseNo, String what) {
        return new InvalidInputException("caseNo", Texts.get("appeal.delivery.failed", caseNo, Texts.get(what)));
    }
}
