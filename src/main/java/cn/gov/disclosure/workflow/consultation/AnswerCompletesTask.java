package cn.gov.disclosure.workflow.consultation;

import static cn.gov.disclosure.workflow.consultation.ConsultationVars.*;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.consultation.Consultation;
import cn.gov.disclosure.consultation.ConsultationAnswered;
import cn.gov.disclosure.workflow.AsSystem;

/**
 * An answer that came through the one-time link completes the clerk's waiting answer task, in the answering
 * transaction. Branches of one consultation meet in the engine (the multi-instance counters, the join), so
 * a concurrent answer on the same case may have committed first: that is reported as Spring's concurrency
 * failure, which the caller answers by trying again in a fresh transaction.
 */
@Component
public class AnswerCompletesTask {

    private final TaskService tasks;
    private final AsSystem asSystem;

    public AnswerCompletesTask(TaskService tasks, AsSystem asSystem) {
        this.tasks = tasks;
        this.asSystem = asSystem;
    }

    @EventListener
    public void on(ConsultationAnswered answer) {
        String taskKey = Consultation.AGENCY.equals(answer.partyKind()) ? RECORD_AGENCY_ANSWER
                : RECORD_THIRD_PARTY_ANSWER;
        try {
            asSystem.call(() -> {
                for (Task t : tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                        .processInstanceBusinessKey(answer.caseNo()).taskDefinitionKey(taskKey).list()) {
                    if (tasks.getVariable(t.getId(), CONSULTATION_ID.name()) instanceof Number id
                            && id.longValue() == answer.consultationId()) {
                        VariableMap values = Variables.createVariables();
                        ANSWER_OUTCOME.put(values, answer.outcome().name());
                        ANSWER_OPINION.put(values, answer.opinion());
                        tasks.complete(t.getId(), values);
                    }
                }
                return null;
            });
        } catch (OptimisticLockingException e) {
            throw new OptimisticLockingFailureException(e.getMessage(), e);
        } catch (ProcessEngineException e) {
            if (lostToAConcurrentTransaction(e)) {
                throw new PessimisticLockingFailureException(e.getMessage(), e);
            }
            throw e;
        }
    }

    /** A deadlock or serialization failure (SQLSTATE class 40) in the engine's own statements. */
    private static boolean lostToAConcurrentTransaction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
