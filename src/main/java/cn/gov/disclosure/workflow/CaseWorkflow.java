package cn.gov.disclosure.workflow;

import cn.gov.disclosure.common.Texts;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
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
    private final StatutoryDeadlines deadlines;

    public CaseWorkflow(CaseFileService caseFiles, IdentityService identity, StatutoryDeadlines deadlines) {
        this.caseFiles = caseFiles;
        this.identity = identity;
        this.deadlines = deadlines;
    }

    /** Moves the case to {@code status} (no event if it is there already). */
    public void status(DelegateExecution execution, String status) {
        caseFiles.changeStatus(caseNo(execution), CaseStatus.valueOf(status), Actors.current(identity),
                execution.getCurrentActivityName());
    }

    /** Records what a clerk or officer decided in a task (called on task completion). */
    public void recordOutcome(DelegateTask task, String variable) {
        recordOutcome(task, variable, null);
    }

    /** The same, with the comment the officer gave (e.g. the legal review's reasons for a return). */
    public void recordOutcome(DelegateTask task, String variable, String commentVariable) {
        Object value = task.getVariable(variable);
        Object comment = commentVariable == null ? null : task.getVariable(commentVariable);
        String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity);
        caseFiles.recordChange(caseNo(task.getExecution()), "TASK_COMPLETED", variable,
                value == null ? null : value.toString(), actor,
                comment == null || comment.toString().isBlank() ? task.getName()
                        : Texts.get("workflow.task.completedWithComment", task.getName(), comment));
    }

    /**
     * Sets the task's follow-up date three working days before it is due, which is how the shared filter
     * 三个工作日内到期 finds it (filters cannot count working days themselves).
     */
    public void setFollowUp(DelegateTask task) {
        if (task.getDueDate() != null) {
            task.setFollowUpDate(StatutoryDeadlines.atStartOfDay(deadlines.calendar().workingDaysBefore(
                    StatutoryDeadlines.toLocalDate(task.getDueDate()), 3)));
        }
    }

    /** The head refused an extension: the due date stays, the refusal is on the record. */
    public void recordExtensionRefused(DelegateExecution execution) {
        caseFiles.recordEvent(caseNo(execution), "EXTENSION_REFUSED", "extensionDays", null,
                String.valueOf(execution.getVariable("extensionDays")), Actors.current(identity),
                Texts.get("workflow.extension.refused", execution.getVariable("headComment")));
    }

    private static String caseNo(DelegateExecution execution) {
        return CaseVars.CASE_NO.get(execution);
    }
}
