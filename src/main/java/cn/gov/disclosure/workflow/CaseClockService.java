package cn.gov.disclosure.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClockRepository;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;

/**
 * Changes to a case's reply clock — extension, pause, resumption, restart after correction — and their
 * consequences everywhere: the case record and its events, the process variable {@code dueOn}, the due
 * and follow-up dates of open tasks, and the reminder and escalation timers (recomputed from their own
 * expressions; parked at {@link #PARKED} while the clock stands still).
 */
@Service
public class CaseClockService {

    /** While the reply clock stands still, reminder and escalation timers wait at this date. */
    public static final Date PARKED = StatutoryDeadlines.atOpening(LocalDate.of(9999, 12, 31));

    /** Timer start events of the reminder and escalation event subprocesses. */
    static final Set<String> DEADLINE_TIMERS = Set.of("FirstReminderDue", "SecondReminderDue", "DeadlineDay");

    private final CaseFileService caseFiles;
    private final CaseClockRepository clocks;
    private final StatutoryDeadlines deadlines;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final AsSystem asSystem;
    private final boolean feePaymentStopsClock;

    public CaseClockService(CaseFileService caseFiles, CaseClockRepository clocks, StatutoryDeadlines deadlines,
                            RuntimeService runtime, TaskService tasks, ManagementService management,
                            AsSystem asSystem,
                            @Value("${disclosure.clock.fee-payment-stops-reply-clock:false}") boolean feePaymentStopsClock) {
        this.asSystem = asSystem;
        this.feePaymentStopsClock = feePaymentStopsClock;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    public ReplyClock clock(String caseNo) {
        return clocks.load(caseFiles.get(caseNo).id());
    }

    public ReplyClock.Reading reading(String caseNo) {
        return clock(caseNo).evaluate(deadlines.calendar());
    }

    /** Art. 33(2): after the head's approval. */
    @Transactional
    public ReplyClock.Reading extend(String caseNo, int workingDays, String actor, String reason) {
        return change(caseNo, c -> c.extendedBy(workingDays), actor, "EXTENDED",
                "延长答复期限" + workingDays + "个工作日（第三十三条第二款）：" + reason);
    }

    /** Arts. 32, 34 (and 42 if configured): the clock stops from the day after {@code from}. */
    @Transactional
    public ReplyClock.Reading pause(String caseNo, PauseReason reason, LocalDate from, String actor) {
        return change(caseNo, c -> c.pausedFrom(from, reason), actor, "CLOCK_PAUSED",
                reason.label() + "，答复期限自" + from.plusDays(1) + "起中止计算（" + reason.basis() + "）");
    }

    @Transactional
    public ReplyClock.Reading resume(String caseNo, LocalDate on, String actor) {
        return change(caseNo, c -> c.resumedOn(on), actor, "CLOCK_RESUMED",
                "答复期限自" + on.plusDays(1) + "起恢复计算");
    }

    /**
     * Art. 42: a fee notice gives the applicant 20 working days to pay. Whether the reply clock stands still
     * meanwhile is not settled in the Regulation; {@code disclosure.clock.fee-payment-stops-reply-clock}
     * (default false, the cautious reading: the clock runs on) decides.
     *
     * @return the last day for payment
     */
    @Transactional
    public LocalDate feeNoticeReceived(String caseNo, LocalDate receivedOn, String actor) {
        LocalDate payBy = deadlines.periods().feePayment(receivedOn).due();
        caseFiles.recordEvent(caseNo, "FEE_NOTICE_RECEIVED", "feePaymentDue", null, payBy.toString(), actor,
                "申请人应于" + payBy + "前缴纳信息处理费（第四十二条）；" + (feePaymentStopsClock
                        ? "缴费期间不计入答复期限" : "缴费期间计入答复期限"));
        if (feePaymentStopsClock) {
            pause(caseNo, PauseReason.FEE_PAYMENT, receivedOn, actor);
        }
        return payBy;
    }

    /** Art. 30: the full period runs again from receipt of the corrected application. */
    @Transactional
    public ReplyClock.Reading restartOnCorrection(String caseNo, LocalDate correctedOn, String actor) {
        return change(caseNo, c -> c.restartedOnCorrection(correctedOn), actor, "CLOCK_RESTARTED",
                "收到补正后的申请，答复期限自" + correctedOn.plusDays(1) + "起重新计算（第三十条）");
    }

    /**
     * While a correction is awaited the original period no longer runs (Art. 30: it starts again from the
     * corrected application), so its reminders and escalation wait; {@link #restartOnCorrection} re-dates them.
     */
    @Transactional
    public void parkTimers(String caseNo) {
        asSystem.call(() -> {
            ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                    .processDefinitionKey(IntakeService.PROCESS_KEY).singleResult();
            if (pi != null) {
                deadlineTimers(pi.getId()).forEach(j -> management.setJobDuedate(j.getId(), PARKED));
            }
            return null;
        });
    }

    private ReplyClock.Reading change(String caseNo, UnaryOperator<ReplyClock> how, String actor, String event,
                                      String note) {
        ApplicationCase c = caseFiles.get(caseNo);
        ReplyClock before = clocks.load(c.id());
        ReplyClock after = how.apply(before);
        ReplyClock.Reading reading = after.evaluate(deadlines.calendar());
        LocalDate newDue = reading.due().orElse(null);
        clocks.save(c.id(), after, newDue);
        caseFiles.recordEvent(caseNo, event, "dueOn", c.dueOn().toString(),
                newDue == null ? "中止（尚余" + reading.workingDaysLeftAtPause() + "个工作日）" : newDue.toString(),
                actor, note);
        asSystem.call(() -> {
            ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                    .processDefinitionKey(IntakeService.PROCESS_KEY).singleResult();
            if (pi != null && newDue != null) {
                moveDueDate(pi.getId(), c.dueOn(), newDue);
            } else if (pi != null) {
                // Parked rather than suspended: suspension is a bulk update that clashes with the entity
                // updates of a later recalculation in the same transaction (optimistic locking).
                deadlineTimers(pi.getId()).forEach(j -> management.setJobDuedate(j.getId(), PARKED));
            }
            return null;
        });
        return reading;
    }

    private void moveDueDate(String processInstanceId, LocalDate oldDue, LocalDate newDue) {
        Date oldDate = StatutoryDeadlines.endOfDay(oldDue);
        Date newDate = StatutoryDeadlines.endOfDay(newDue);
        runtime.setVariable(processInstanceId, ProcessVariables.DUE_ON, newDate);
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
