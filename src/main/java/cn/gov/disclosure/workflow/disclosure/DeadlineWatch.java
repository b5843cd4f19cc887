package cn.gov.disclosure.workflow.disclosure;

import cn.gov.disclosure.common.Texts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClockRepository;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.mail.MailOutbox;

/**
 * Reminders before the reply is due and escalation on the due day (bean {@code deadlineWatch}, called by
 * the timer event subprocesses of the handling stage). Reminders go by e-mail to whoever holds the open
 * tasks (the assignee, or the members of the candidate group) and show in Tasklist as a raised priority
 * and the process variable {@code deadlineFlag}.
 */
@Component("deadlineWatch")
public class DeadlineWatch {

    /** Tasklist shows the priority on every task card; the default is 50. */
    public static final int PRIORITY_FIRST_REMINDER = 70;
    public static final int PRIORITY_SECOND_REMINDER = 90;
    public static final int PRIORITY_DUE_TODAY = 100;

    private final CaseFileService caseFiles;
    private final CaseClockRepository clocks;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final MailOutbox outbox;

    public DeadlineWatch(CaseFileService caseFiles, CaseClockRepository clocks, TaskService tasks,
                         IdentityService identity, RuntimeService runtime, MailOutbox outbox) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.tasks = tasks;
        this.identity = identity;
        this.runtime = runtime;
        this.outbox = outbox;
    }

    /** {@code kind} is FIRST or SECOND. */
    public void remind(DelegateExecution execution, String kind) {
        ApplicationCase c = caseFiles.get(DisclosureVars.CASE_NO.get(execution));
        boolean first = "FIRST".equals(kind);
        String flag = Texts.get(first ? "workflow.reminder.flag.first" : "workflow.reminder.flag.second");
        flagOpenTasks(execution, first ? PRIORITY_FIRST_REMINDER : PRIORITY_SECOND_REMINDER, flag);
        List<Task> open = openTasks(execution);
        String subject = Texts.get("workflow.reminder.subject", flag, c.caseNo(), c.dueOn());
        String body = Texts.get("workflow.reminder.body", c.caseNo(), c.applicantName(), c.dueOn(),
                String.join("、", open.stream().map(Task::getName).toList()));
        for (String email : recipients(open)) {
            outbox.enqueue(c.id(), email, subject, body, null);
        }
        caseFiles.recordEvent(c.caseNo(), "REMINDER_SENT", "deadlineFlag", null, flag, "system",
                Texts.get("workflow.reminder.event", String.join("、", recipients(open))));
    }

    /** On the due day: flag the case, raise its tasks, and open a supervision task for the head. */
    public void escalate(DelegateExecution execution) {
        ApplicationCase c = caseFiles.get(DisclosureVars.CASE_NO.get(execution));
        clocks.markOverdue(c.id(), true);
        flagOpenTasks(execution, PRIORITY_DUE_TODAY, Texts.get("workflow.reminder.flag.dueToday"));
        caseFiles.recordEvent(c.caseNo(), "ESCALATED", "overdue", "false", "true", "system",
                Texts.get("workflow.escalation.event", c.dueOn()));
        runtime.startProcessInstanceByKey("deadline-escalation", c.caseNo(), Variables.createVariables()
                .putValue(DisclosureVars.CASE_NO.name(), c.caseNo())
                .putValue(DisclosureVars.APPLICANT_NAME.name(), c.applicantName())
                .putValue(DisclosureVars.DUE_ON_TEXT.name(), c.dueOn().toString())
                .putValue(DisclosureVars.DUE_ON.name(), DisclosureVars.DUE_ON.get(execution))
                .putValue("openTasks", String.join("、", openTasks(execution).stream().map(Task::getName).toList())));
    }

    private void flagOpenTasks(DelegateExecution execution, int priority, String flag) {
        DisclosureVars.DEADLINE_FLAG.set(execution, flag);
        for (Task t : openTasks(execution)) {
            if (t.getPriority() < priority) {
                t.setPriority(priority);
                tasks.saveTask(t);
            }
        }
    }

    private List<Task> openTasks(DelegateExecution execution) {
        return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list();
    }

    private Set<String> recipients(List<Task> open) {
        Set<String> emails = new LinkedHashSet<>();
        for (Task t : open) {
            if (t.getAssignee() != null) {
                addEmail(emails, identity.createUserQuery().userId(t.getAssignee()).singleResult());
                continue;
            }
            for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
                if (link.getGroupId() != null) {
                    identity.createUserQuery().memberOfGroup(link.getGroupId()).list()
                            .forEach(u -> addEmail(emails, u));
                }
            }
        }
        return emails;
    }

    private static void addEmail(Set<String> emails, User user) {
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            emails.add(user.getEmail());
        }
    }
}
