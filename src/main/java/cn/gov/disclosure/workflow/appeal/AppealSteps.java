package cn.gov.disclosure.workflow.appeal;

import static cn.gov.disclosure.workflow.appeal.AppealVars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.appeal.AppealService;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * The engine side of reconsideration and lawsuits, bean {@code appeals}: the steps of appeal.bpmn and the
 * appeal steps and conditions of disclosure-application.bpmn (its two appeal event subprocesses and window). Each reads the typed
 * variables, calls {@link AppealService} with plain values and writes the result back; what the case's own
 * process must learn goes through {@link CaseAppealLink}.
 */
@Component("appeals")
public class AppealSteps {

    private final AppealService appeals;
    private final CaseAppealLink caseProcess;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final java.time.Clock clock;

    public AppealSteps(AppealService appeals, CaseAppealLink caseProcess, RuntimeService runtime,
                       IdentityService identity, java.time.Clock clock) {
        this.clock = clock;
        this.appeals = appeals;
        this.caseProcess = caseProcess;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** 登记复议或诉讼 (appeal.bpmn): store it, date its deadlines, and tell the case's process. */
    public void register(DelegateExecution execution) {
        AppealService.Registered r = appeals.register(new AppealService.Registration(CASE_NO.text(execution),
                KIND.text(execution), BODY.text(execution), REFERENCE.text(execution), dateText(execution, RECEIVED_ON),
                SIMPLIFIED.isTrue(execution), AFTER_RECONSIDERATION.isTrue(execution), APPELLANT_TYPE.text(execution),
                APPELLANT_NAME.text(execution)),
                Actors.current(identity, "system"));
        execution.setProcessBusinessKey(r.caseNo());
        CASE_NO.set(execution, r.caseNo());
        APPEAL_ID.set(execution, r.appealId());
        LABEL.set(execution, r.label());
        APPLICANT_NAME.set(execution, r.applicantName());
        ANSWER_DUE.set(execution, StatutoryDeadlines.endOfDay(r.answerDue()));
        ANSWER_DUE_TEXT.set(execution, r.answerDue().toString());
        DUE_ON.set(execution, StatutoryDeadlines.endOfDay(r.answerDue()));
        DECISION_DUE.set(execution, StatutoryDeadlines.endOfDay(r.decisionDue()));
        // The case stays open while the appeal runs.
        caseProcess.appealReceived(r.caseNo());
    }

    /** On completing 登记审理情况和结果: a hearing noted, or the outcome. */
    public void record(DelegateTask task) {
        AppealService.Decision d = appeals.record(APPEAL_ID.get(task), CASE_NO.get(task),
                new AppealService.Progress(OUTCOME.text(task), dateText(task, DECIDED_ON), workingDays(task),
                        HEARING_NOTES.text(task)),
                task.getAssignee() != null ? task.getAssignee() : Actors.current(identity, "system"));
        DelegateExecution execution = task.getExecution();
        DECIDED_ON_TEXT.set(execution, d.decidedOn() == null ? null : d.decidedOn().toString());
        CORRECTION_DUE.set(execution, d.correctionDue() == null ? null : StatutoryDeadlines.endOfDay(d.correctionDue()));
    }

    /** Two working days before the answer is due: e-mail the legal officers. */
    public void remind(DelegateExecution execution) {
        List<String> recipients = new ArrayList<>();
        for (User user : identity.createUserQuery().memberOfGroup("legal").list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                recipients.add(user.getEmail());
            }
        }
        appeals.remind(CASE_NO.get(execution), LABEL.get(execution),
                LocalDate.parse(ANSWER_DUE_TEXT.get(execution)), recipients);
    }

    /** On the due day: the head supervises (process deadline-escalation). */
    public void escalate(DelegateExecution execution) {
        String caseNo = CASE_NO.get(execution);
        runtime.startProcessInstanceByKey("deadline-escalation", caseNo, Variables.createVariables()
                .putValue(CASE_NO.name(), caseNo)
                .putValue(APPLICANT_NAME.name(), APPLICANT_NAME.get(execution))
                .putValue(DisclosureVars.DUE_ON_TEXT.name(), ANSWER_DUE_TEXT.get(execution))
                .putValue(DisclosureVars.DUE_ON.name(), ANSWER_DUE.get(execution))
                .putValue("openTasks", appeals.escalationTask(LABEL.get(execution))));
        appeals.recordEscalation(caseNo);
    }

    /** 办结复议或诉讼: the case's process learns the outcome. */
    public void conclude(DelegateExecution execution) {
        caseProcess.appealConcluded(CASE_NO.get(execution), APPEAL_ID.get(execution), OUTCOME.get(execution));
    }

    // ---- disclosure-application.bpmn: the event subprocesses and the appeal window ----

    /** CountOpenAppeals: the case's process learns how many of its appeals are undecided. */
    public void caseAppealReceived(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        int open = appeals.openAppeals(caseNo);
        OPEN_APPEALS.set(execution, open);
        appeals.recordHeldWithOthers(caseNo, open);
    }

    /**
     * ApplyAppealOutcome: the decided appeal (its id arrived with the message, local to this event subprocess)
     * read back from its row; the outcome stays local, the number still undecided goes to the case's process.
     */
    public void caseAppealDecided(DelegateExecution execution) {
        AppealService.Appeal appeal = appeals.appeal(APPEAL_ID.getLocal(execution));
        int open = appeals.openAppeals(appeal.caseNo());
        OUTCOME.setLocal(execution, appeal.outcome());
        KIND_DECIDED.setLocal(execution, appeal.kind());
        DECIDED_ON_TEXT.setLocal(execution, appeal.decidedOn() == null ? null : appeal.decidedOn().toString());
        CORRECTION_DUE.setLocal(execution, appeal.correctionDue() == null ? null
                : StatutoryDeadlines.endOfDay(appeal.correctionDue()));
        OPEN_APPEALS.set(execution, open);
        appeals.recordDecided(appeal.caseNo(), appeal.outcome(), open);
    }

    /**
     * RequestReopening: a replied case is to be handled again (the main flow takes it from 等待复议、诉讼期限届满 or
     * 等待复议、诉讼结果); one still being handled (the appeal was against the failure to reply) gets the decision's
     * period as its due date.
     */
    public void requestReopening(DelegateExecution execution) {
        long appealId = APPEAL_ID.getLocal(execution);
        LocalDate due = StatutoryDeadlines.toLocalDate(CORRECTION_DUE.getLocal(execution));
        if (!stillHandling(execution)) {
            CORRECTION_DUE.set(execution.getProcessInstance(), StatutoryDeadlines.endOfDay(due));
            REOPENING_APPEAL_ID.set(execution.getProcessInstance(), appealId);
            REOPEN_REQUESTED.set(execution.getProcessInstance(), true);
        } else {
            appeals.orderReply(DisclosureVars.CASE_NO.get(execution), appealId, due);
        }
    }

    /** Whether the case's handling (subprocess 办理申请) is under way: no reply (or none since a reopening). */
    private boolean stillHandling(DelegateExecution execution) {
        return !appeals.replied(DisclosureVars.CASE_NO.get(execution));
    }

    /** Condition of 原答复被纠正 and of 是否须重新答复？. */
    public boolean reopenRequested(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(REOPEN_REQUESTED.name()));
    }

    /** Condition of 等待复议、诉讼结果: all appeals decided, or one corrected the reply. */
    public boolean allDecidedOrReopen(DelegateExecution execution) {
        return openAppeals(execution) == 0 || reopenRequested(execution);
    }

    public int openAppeals(DelegateExecution execution) {
        Object open = execution.getVariable(OPEN_APPEALS.name());
        return open instanceof Number n ? n.intValue() : 0;
    }

    /** After the window timer: a decision meanwhile gave 15 more days to sue (行政诉讼法 Art. 45). */
    public boolean windowStillOpen(DelegateExecution execution) {
        java.util.Date ends = DisclosureVars.APPEAL_WINDOW_ENDS.get(execution);
        return ends != null && ends.toInstant().isAfter(clock.instant());
    }

    /** ReopenCase (disclosure-application.bpmn): a new reply is due within the period the decision set. */
    public void reopen(DelegateExecution execution) {
        java.util.Date due = CORRECTION_DUE.get(execution);
        LocalDate newDue = StatutoryDeadlines.toLocalDate(due);
        appeals.reopen(CASE_NO.get(execution), REOPENING_APPEAL_ID.get(execution), newDue);
        REOPEN_REQUESTED.set(execution, false);
        DisclosureVars.REOPENED.set(execution, true);
        DisclosureVars.DUE_ON.set(execution, due);
        DisclosureVars.DUE_ON_TEXT.set(execution, newDue.toString());
        // The earlier reply's reviews do not carry over to the new reply.
        DisclosureVars.LEGAL_OUTCOME.set(execution, null);
        DisclosureVars.CONFIRMATION.set(execution, null);
    }

    /** ExtendAppealWindow: after a reconsideration decision the applicant has 15 days to sue. */
    public void extendWindow(DelegateExecution execution) {
        java.util.Date current = DisclosureVars.APPEAL_WINDOW_ENDS.get(execution);
        appeals.windowAfterDecision(KIND_DECIDED.getLocal(execution), parse(DECIDED_ON_TEXT.getLocal(execution)),
                        current == null ? null : StatutoryDeadlines.toLocalDate(current))
                .ifPresent(end -> DisclosureVars.APPEAL_WINDOW_ENDS.set(execution, StatutoryDeadlines.endOfDay(end)));
    }

    /** A form date as text YYYY-MM-DD, whether the form sent text or the API sent a Date. */
    static String dateText(VariableScope scope, cn.gov.disclosure.workflow.VarKey<Object> key) {
        Object v = key.get(scope);
        if (v instanceof java.util.Date d) {
            return StatutoryDeadlines.toLocalDate(d).toString();
        }
        return v == null ? null : v.toString();
    }

    /** The number field; text typed into it through the API counts too. Null when not a whole number. */
    private static Integer workingDays(VariableScope scope) {
        Object v = CORRECTION_WORKING_DAYS.get(scope);
        if (v instanceof Number n) {
            return n.doubleValue() == n.intValue() ? n.intValue() : null;
        }
        try {
            return v == null || v.toString().isBlank() ? null : Integer.valueOf(v.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parse(String isoDate) {
        return isoDate == null || isoDate.isBlank() || "null".equals(isoDate) ? null
                : LocalDate.parse(isoDate.substring(0, 10));
    }
}
