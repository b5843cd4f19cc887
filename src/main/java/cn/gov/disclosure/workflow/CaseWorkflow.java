package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;

/**
 * Small hooks the BPMN calls by expression: status changes on entering a stage, and the outcome of a
 * user task recorded as a case event with old and new values.
 */
@Component("caseWorkflow")
public class CaseWorkflow {

    private final CaseFileService caseFiles;
    private final IdentityService identity;

    public CaseWorkflow(CaseFileService caseFiles, IdentityService identity) {
        this.caseFiles = caseFiles;
        this.identity = identity;
    }

    /** Moves the case to {@code status} (no event if it is there already). */
    public void status(DelegateExecution execution, String status) {
        caseFiles.changeStatus(caseNo(execution), CaseStatus.valueOf(status), Actors.current(identity),
                execution.getCurrentActivityName());
    }

    /** Records what a clerk or officer decided in a task (called on task completion). */
    public void recordOutcome(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity);
        caseFiles.recordChange(caseNo(task.getExecution()), "TASK_COMPLETED", variable,
                value == null ? null : value.toString(), actor, task.getName());
    }

    private static String caseNo(DelegateExecution execution) {
        return (String) execution.getVariable(ProcessVariables.CASE_NO);
    }
}
