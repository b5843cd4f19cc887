package cn.gov.disclosure.workflow.appeal;

import static cn.gov.disclosure.workflow.appeal.AppealVars.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.appeal.AppealService;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.workflow.AsSystem;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * Tells the case's process (disclosure-application) about its appeals. That model takes them in two
 * non-interrupting event subprocesses at process level, 登记案件的复议、诉讼 ({@code AppealReceived}) and
 * 登记复议、诉讼结果 ({@code AppealConcluded}), which are listening for as long as the case's process runs —
 * while the application is handled (an appeal against the failure to reply in time), after the reply, and any
 * number of times. Once the case is closed its process has ended, yet a court or reconsideration body may still
 * accept a late appeal (行政诉讼法 Arts. 46, 48; 行政复议法 Art. 20): the appeal is registered and runs on its own
 * clock in its own process; a decision ordering new handling starts the case's process again at 重新办理案件
 * (message start event {@code ClosedCaseReopened}); any other decision stays on the appeal row and the case.
 * A case that is not closed yet and has no process is broken: registration is refused and nothing is stored.
 * Runs with the system's rights: a legal officer may register an appeal without rights on the case's process.
 */
@Component
public class CaseAppealLink {

    private final RuntimeService runtime;
    private final AppealService appeals;
    private final AsSystem asSystem;
    private final CaseFileService caseFiles;
    private final StatutoryDeadlines deadlines;

    public CaseAppealLink(RuntimeService runtime, AppealService appeals, AsSystem asSystem, CaseFileService caseFiles,
                          StatutoryDeadlines deadlines) {
        this.runtime = runtime;
        this.appeals = appeals;
        this.asSystem = asSystem;
        this.caseFiles = caseFiles;
        this.deadlines = deadlines;
    }

    /** After an appeal on the case was registered. */
    public void appealReceived(String caseNo) {
        asSystem.call(() -> {
            appeals.lockCase(caseNo);
            String process = caseProcess(caseNo);
            if (process == null) {
                if (!appeals.closed(caseNo)) {
                    throw failed(caseNo, "appeal.delivery.received");
                }
                appeals.recordReceivedOnClosedCase(caseNo);
                return null;
            }
            correlate(caseNo, process, APPEAL_RECEIVED, null, "appeal.delivery.received");
            return null;
        });
    }

    /** When an appeal on the case is decided. */
    public void appealConcluded(String caseNo, long appealId, String outcome) {
        asSystem.call(() -> {
            // Under the case's lock: of two correcting decisions on a closed case, the second finds the handling
            // the first started and reaches it as an ordinary decision.
            appeals.lockCase(caseNo);
            String process = caseProcess(caseNo);
            if (process != null) {
                correlate(caseNo, process, APPEAL_CONCLUDED, appealId, "appeal.delivery.concluded");
            } else if (appeals.appeal(appealId).corrected()) {
                reopenClosedCase(caseNo, appeals.appeal(appealId));
            } else {
                appeals.recordDecidedOutsideProcess(caseNo, outcome);
            }
            return null;
        });
    }

    /**
     * The closed case is handled again: a new instance of its process starts at 重新办理案件 with the case's
     * variables, the decision's period and the appeals still undecided, and goes on as a reopened case does.
     */
    private void reopenClosedCase(String caseNo, AppealService.Appeal appeal) {
        appeals.recordReopeningAfterClose(caseNo, appeal.id(), appeal.outcome());
        VariableMap vars = DisclosureVars.forNewCase(caseFiles.get(caseNo), deadlines);
        vars.putValue(CORRECTION_DUE.name(), StatutoryDeadlines.endOfDay(appeal.correctionDue()));
        vars.putValue(REOPENING_APPEAL_ID.name(), appeal.id());
        vars.putValue(REOPEN_REQUESTED.name(), true);
        vars.putValue(OPEN_APPEALS.name(), appeals.openAppeals(caseNo));
        runtime.startProcessInstanceByMessage(CLOSED_CASE_REOPENED, caseNo, vars);
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
