package cn.gov.disclosure.workflow.disclosure;

import static cn.gov.disclosure.workflow.disclosure.DisclosureVars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.correction.AwaitedCorrections;
import cn.gov.disclosure.workflow.AsSystem;

/**
 * The task 等待申请人补正 as the correction feature sees it: the portal's online correction completes it (the
 * task's complete listener, {@link CorrectionSteps#received}, then applies the correction).
 */
@Component
class AwaitCorrectionTask implements AwaitedCorrections {

    static final String TASK_KEY = "AwaitCorrection";

    private final TaskService tasks;
    private final AsSystem asSystem;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.camunda.bpm.engine.ManagementService management;

    AwaitCorrectionTask(TaskService tasks, AsSystem asSystem, org.camunda.bpm.engine.RuntimeService runtime,
                        org.camunda.bpm.engine.ManagementService management) {
        this.tasks = tasks;
        this.asSystem = asSystem;
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public boolean isAwaited(String caseNo) {
        return waiting(caseNo) != null;
    }

    @Override
    public java.util.Optional<OpenRequest> openRequest(String caseNo) {
        return asSystem.call(() -> {
            Task task = waiting(caseNo);
            if (task == null) {
                return java.util.Optional.<OpenRequest>empty();
            }
            java.util.Map<String, Object> v = tasks.getVariables(task.getId(),
                    java.util.List.of(REVIEW_NOTES.name(), CORRECT_BY_TEXT.name()));
            Object by = v.get(CORRECT_BY_TEXT.name());
            Object items = v.get(REVIEW_NOTES.name());
            return java.util.Optional.of(new OpenRequest(items == null ? null : items.toString(),
                    by == null ? null : LocalDate.parse(by.toString())));
        });
    }

    @Override
    public void complete(String caseNo, String correctedDescription, LocalDate on) {
        Task task = waiting(caseNo);
        if (task == null) {
            throw new IllegalStateException("No correction awaited for " + caseNo);
        }
        // The applicant has no engine identity; the decision to accept an online correction is the law's.
        asSystem.call(() -> {
            tasks.complete(task.getId(), Variables.createVariables()
                    .putValue(CORRECTED_DESCRIPTION.name(), correctedDescription)
                    .putValue(CORRECTION_RECEIVED_ON.name(), on.toString())
                    .putValue(CORRECTION_CHANNEL.name(), "ONLINE"));
            return null;
        });
    }

    @Override
    public Period period(String caseNo) {
        Task task = waiting(caseNo);
        if (task == null) {
            throw new IllegalStateException("No correction awaited for " + caseNo);
        }
        return asSystem.call(() -> new Period(
                LocalDate.parse((String) tasks.getVariable(task.getId(), CORRECTION_NOTICE_ON.name())),
                LocalDate.parse((String) tasks.getVariable(task.getId(), CORRECT_BY_TEXT.name()))));
    }

    @Override
    public void periodChanged(String caseNo, LocalDate noticeReceivedOn, LocalDate correctBy) {
        Task task = waiting(caseNo);
        if (task == null) {
            throw new IllegalStateException("No correction awaited for " + caseNo);
        }
        java.util.Date due = StatutoryDeadlines.endOfDay(correctBy);
        asSystem.call(() -> {
            runtime.setVariable(task.getExecutionId(), CORRECTION_NOTICE_RECEIVED_ON.name(), noticeReceivedOn.toString());
            runtime.setVariable(task.getExecutionId(), CORRECT_BY_TEXT.name(), correctBy.toString());
            runtime.setVariable(task.getExecutionId(), CORRECT_BY.name(), due);
            task.setDueDate(due);
            tasks.saveTask(task);
            for (Job job : management.createJobQuery().processInstanceId(task.getProcessInstanceId())
                    .activityId("CorrectionOverdue").list()) {
                management.setJobDuedate(job.getId(), due);
            }
            return null;
        });
    }

    private Task waiting(String caseNo) {
        return asSystem.call(() -> tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(caseNo).taskDefinitionKey(TASK_KEY).singleResult());
    }
}
