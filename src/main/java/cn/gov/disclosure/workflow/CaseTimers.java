package cn.gov.disclosure.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseClockChanged;

/**
 * Keeps the engine in step with a case's reply clock: when the due day moves, the process variable
 * {@code dueOn}, the due and follow-up dates of the tasks bound to it, and the reminder and escalation timers
 * (recomputed from their own expressions) move too; while the clock stands still the timers wait at
 * {@link #PARKED}.
 */
@Component
public class CaseTimers {

    /** While the reply clock stands still, reminder and escalation timers wait at this date. */
    public static final Date PARKED = StatutoryDeadlines.atOpening(LocalDate.of(9999, 12, 31));

    /** Timer start events of the reminder and escalation event subprocesses. */
    static final Set<String> DEADLINE_TIMERS = Set.of("FirstReminderDue", "SecondReminderDue", "DeadlineDay");

    /** The application process (its key is also in {@code DisclosureVars}; kept here to stay below it). */
    private static final String APPLICATION_PROCESS = "disclosure-application";

    private final StatutoryDeadlines deadlines;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final AsSystem asSystem;

    public CaseTimers(StatutoryDeadlines deadlines, RuntimeService runtime, TaskService tasks,
                      ManagementService management, AsSystem asSystem) {
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.asSystem = asSystem;
    }

    @EventListener
    public void on(CaseClockChanged change) {
        asSystem.call(() -> {
            ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(change.caseNo())
                    .processDefinitionKey(APPLICATION_PROCESS).singleResult();
            if (pi != null && change.newDue() != null) {
                moveDueDate(pi.getId(), change.oldDue(), change.newDue());
            } else if (pi != null) {
                // Parked rather than suspended: suspension is a bulk update that clashes with the entity
                // updates of a later recalculation in the same transaction (optimistic locking).
                deadlineTimers(pi.getId()).forEach(j -> management.setJobDuedate(j.getId(), PARKED));
            }
            return null;
        });
    }

    private void moveDueDate(String processInstanceId, LocalDate oldDue, LocalDate newDue) {
        Date oldDate = StatutoryDeadlines.endOfDay(oldDue);
        Date newDate = StatutoryDeadlines.endOfDay(newDue);
        runtime.setVariable(processInstanceId, "dueOn", newDate);
        runtime.setVariable(processInstanceId, "dueOnText", newDue.toString());
        for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            // Only tasks bound to the case's reply limit move; a step with its own limit keeps it.
            if (oldDate.equals(t.getDueDate())) {
                t.setDueDate(newDate);
                t.setFollowUpDate(followUpFor(newDate));
                tasks.saveTask(t);
            }
        }
        for (Job job : deadlineTimers(processInstanceId)) {
            management.recalculateJobDuedate(job.getId(), false);
        }
    }

    private List<Job> deadlineTimers(String processInstanceId) {
        return DEADLINE_TIMERS.stream().flatMap(activity -> management.createJobQuery()
                .processInstanceId(processInstanceId).activityId(activity).timers().list().stream()).toList();
    }

    /** Tasks show up in the filter 三个工作日内到期 from three working days before they are due. */
    Date followUpFor(Date due) {
        LocalDate day = StatutoryDeadlines.toLocalDate(due);
        return StatutoryDeadlines.atStartOfDay(deadlines.calendar().workingDaysBefore(day, 3));
    }
}
