package cn.gov.disclosure.workflow;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Tests run without the job executor: this runs the asynchronous continuations (the retried steps that
 * render, mail or call out, {@code camunda:asyncBefore}) that are due, until none is left. Timers are left
 * alone, so a test still decides when each deadline fires.
 */
public final class AsyncJobs {

    private static final int MAX_ROUNDS = 100;

    private AsyncJobs() {
    }

    /** Runs every due asynchronous continuation of every process instance; returns how many ran. */
    public static int executeAll(ManagementService management) {
        return execute(management, () -> management.createJobQuery().messages().executable().list());
    }

    /**
     * The same for one case only (every process of a case has the case number as business key), so a test
     * sharing its database with others never runs their jobs.
     */
    public static int executeAll(ManagementService management, RuntimeService runtime, String caseNo) {
        return execute(management, () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .list().stream().flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).messages()
                        .executable().list().stream()).toList());
    }

    /**
     * Only the job that continues a case's intake after 登记申请 (asyncAfter): afterwards the clerk's first task, its
     * reminder timers and the acknowledgment's job exist, as a moment after a real intake with the job executor on;
     * the acknowledgment itself is not issued. Returns how many ran (0 or 1; 0 also if it ran already).
     */
    public static int continueIntake(ManagementService management, RuntimeService runtime, String caseNo) {
        int ran = 0;
        for (var pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey(INTAKE_PROCESS).list()) {
            for (Job job : management.createJobQuery().processInstanceId(pi.getId()).activityId(INTAKE_STEP)
                    .messages().list()) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /** The process and step whose asyncAfter ends the intake's request (disclosure-application.bpmn). */
    public static final String INTAKE_PROCESS = "disclosure-application";
    public static final String INTAKE_STEP = "RegisterApplication";

    private static int execute(ManagementService management, Supplier<List<Job>> dueJobs) {
        int ran = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = dueJobs.get();
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                // An earlier job of this round may have ended the execution this one belonged to.
                if (management.createJobQuery().jobId(job.getId()).count() == 1) {
                    management.executeJob(job.getId());
                    ran++;
                }
            }
        }
        throw new AssertionError("asynchronous jobs keep coming after " + MAX_ROUNDS + " rounds");
    }
}
