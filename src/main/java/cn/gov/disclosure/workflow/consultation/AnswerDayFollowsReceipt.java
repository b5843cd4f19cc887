package cn.gov.disclosure.workflow.consultation;

import static cn.gov.disclosure.workflow.consultation.ConsultationVars.*;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.consultation.Consultation;
import cn.gov.disclosure.consultation.ConsultationAnswerDayChanged;
import cn.gov.disclosure.workflow.AsSystem;

/**
 * A letter's receipt day was recorded (Arts. 32, 34): the branch waiting for that party's answer gets the new
 * answer day — its task's due date, the silence timer (十五个工作日届满) and the answer day its forms show — in
 * the recording transaction.
 */
@Component
public class AnswerDayFollowsReceipt {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final AsSystem asSystem;

    public AnswerDayFollowsReceipt(TaskService tasks, RuntimeService runtime, ManagementService management,
                                   AsSystem asSystem) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.asSystem = asSystem;
    }

    @EventListener
    public void on(ConsultationAnswerDayChanged changed) {
        boolean agency = Consultation.AGENCY.equals(changed.partyKind());
        String taskKey = agency ? RECORD_AGENCY_ANSWER : RECORD_THIRD_PARTY_ANSWER;
        String timerId = agency ? "AgencyAnswerOverdue" : "ThirdPartyAnswerOverdue";
        Date due = StatutoryDeadlines.endOfDay(changed.answerBy());
        asSystem.call(() -> {
            for (Task t : tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(changed.caseNo()).taskDefinitionKey(taskKey).list()) {
                if (!(tasks.getVariable(t.getId(), CONSULTATION_ID.name()) instanceof Number id)
                        || id.longValue() != changed.consultationId()) {
                    continue;
                }
                t.setDueDate(due);
                tasks.saveTask(t);
                // Set where the branch declared them (local to it), so parallel branches keep their own.
                runtime.setVariable(t.getExecutionId(), ANSWER_BY.name(), due);
                runtime.setVariable(t.getExecutionId(), ANSWER_BY_TEXT.name(), changed.answerBy().toString());
                for (Job job : management.createJobQuery().processInstanceId(t.getProcessInstanceId())
                        .activityId(timerId).list()) {
                    if (t.getExecutionId().equals(job.getExecutionId())) {
                        management.setJobDuedate(job.getId(), due);
                    }
                }
            }
            return null;
        });
    }
}
