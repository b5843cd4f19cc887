package cn.gov.disclosure.workflow.disclosure;

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
        String flag = first ? "临近答复期限" : "答复期限即将届满";
        flagOpenTasks(execution, first ? PRIORITY_FIRST_REMINDER : PRIORITY_SECOND_REMINDER, flag);
        List<Task> open = openTasks(execution);
        String subject = "【" + flag + "】" + c.caseNo() + " 应于" + c.dueOn() + "前答复";
        String body = "案件 " + c.caseNo() + "（申请人：" + c.applicantName() + "）的答复期限为" + c.dueOn()
                + "（《中华人民共和国政府信息公开条例》第三十三条）。\n当前待办："
                + String.join("、", open.stream().map(Task::getName).toList())
                + "\n请及时办理；确需延长答复期限的，请在期限届满前提出延期申请，经工作机构负责人同意。\n";
        for (String email : recipients(open)) {
            outbox.enqueue(c.id(), email, subject, body, null);
        }
        caseFiles.recordEvent(c.caseNo(), "REMINDER_SENT", "deadlineFlag", null, flag, "system",
                "提醒对象：" + String.join("、", recipients(open)));
    }

    /** On the due day: flag the case, raise its tasks, and open a supervision task for the head. */
    public void escalate(DelegateExecution execution) {
        ApplicationCase c = caseFiles.get(DisclosureVars.CASE_NO.get(execution));
        clocks.markOverdue(c.id(), true);
        flagOpenTasks(execution, PRIORITY_DUE_TODAY, "今日到期，已报负责人督办");
        caseFiles.recordEvent(c.caseNo(), "ESCALATED", "overdue", "false", "true", "system",
                "答复期限" + c.dueOn() + "当日仍未答复，报工作机构负责人督办");
        runtime.startProcessInstanceByKey("deadline-escalation", c.caseNo(), Variables.createVariables()
                .putValue(DisclosureVars.CASE_NO.name(), c.caseNo())
                .putValue("applicantName", c.applicantName())
                .putValue("dueOnText", c.dueOn().toString())
                .putValue(DisclosureVars.DUE_ON.name(), execution.getVariable(DisclosureVars.DUE_ON.name()))
                .putValue("openTasks", String.join("、", openTasks(execution).stream().map(Task::getName).toList())));
    }

    private void flagOpenTasks(DelegateExecution execution, int priority, String flag) {
        execution.setVariable("deadlineFlag", flag);
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
