package cn.gov.disclosure.workflow.mail;

import java.time.Clock;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.mail.MailUndeliverable;

/**
 * An e-mail the outbox gave up becomes a clerk's task: deliver it another way (post, in person). A standalone
 * task (no process), so it needs no BPMN and shows in the clerks' "本组待办" filter like any other. Runs inside
 * the transaction that marks the message FAILED: the task exists exactly when the message is given up.
 */
@Component
public class UndeliverableMailTasks {

    /** The clerks' group, as the BPMN models name it (security/Groups imports workflow, so no import back). */
    static final String CLERK_GROUP = "clerk";

    /** Working days the clerk has to arrange the other delivery. */
    static final int DUE_IN_WORKING_DAYS = 2;

    private final TaskService tasks;
    private final CaseRepository cases;
    private final StatutoryDeadlines deadlines;
    private final Clock clock;
    private final cn.gov.disclosure.delivery.DeliveryService deliveries;

    public UndeliverableMailTasks(TaskService tasks, CaseRepository cases, StatutoryDeadlines deadlines, Clock clock,
                                  cn.gov.disclosure.delivery.DeliveryService deliveries) {
        this.deliveries = deliveries;
        this.tasks = tasks;
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventListener
    public void on(MailUndeliverable mail) {
        // A notice being served: its delivery fails and 送达文书 asks the clerk for another way (delivery.bpmn).
        if (deliveries.emailFailed(mail)) {
            return;
        }
        String caseNo = mail.caseId() == null ? null : cases.caseNoOf(mail.caseId());
        String reason = Texts.get("mail.reason." + mail.reason().name());
        Task task = tasks.newTask();
        task.setName(Texts.get("mail.task.name"));
        task.setDescription(Texts.get("mail.task.description", caseNo == null ? Texts.get("mail.task.noCase") : caseNo,
                mail.recipient(), mail.subject(), reason, mail.lastError()));
        task.setDueDate(StatutoryDeadlines.endOfDay(
                deadlines.calendar().addWorkingDays(deadlines.today(), DUE_IN_WORKING_DAYS).due()));
        task.setPriority(60);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), CLERK_GROUP);
        // Shown with the case's history, and findable by case number in Tasklist.
        if (caseNo != null) {
            tasks.setVariableLocal(task.getId(), "caseNo", caseNo);
            tasks.setVariableLocal(task.getId(), "outboxId", mail.outboxId());
            cases.insertEvent(mail.caseId(), clock.instant(), "system", "MAIL_UNDELIVERABLE", null, null, null,
                    Texts.get("mail.event.note", mail.recipient(), mail.subject(), reason));
        }
    }
}
