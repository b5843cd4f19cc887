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
 * The engine side of reconsideration and lawsuits, bean {@code appeals}: the steps of appeal.bpmn and the two
 * appeal steps of disclosure-application.bpmn (ReopenCase, ExtendAppealWindow). Each reads the typed
 * variables, calls {@link AppealService} with plain values and writes the result back; what the case's own
 * process must learn goes through {@link CaseAppealLink}.
 */
@Component("appeals")
public class AppealSteps {

    private final AppealService appeals;
    private final CaseAppealLink caseProcess;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public AppealSteps(AppealService appeals, CaseAppealLink caseProcess, RuntimeService runtime,
                       IdentityService identity) {
        this.appeals = appeals;
        this.caseProcess = caseProcess;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** 登记复议或诉讼 (appeal.bpmn): store it, date its deadlines, and tell the case's process. */
    public void register(DelegateExecution execution) {
        AppealService.Registered r = appeals.register(new AppealService.Registration(CASE_NO.text(execution),
                KIND.text(execution), BODY.text(execution), REFERENCE.text(execution), dateText(execution, RECEIVED_ON),
                SIMPLIFIED.isTrue(execution), AFTER_RECONSIDERATION.isTrue(execution)),
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
        caseProcess.appealConcluded(CASE_NO.get(execution), KIND.get(execution), OUTCOME.get(execution),
                DECIDED_ON_TEXT.get(execution), CORRECTION_DUE.get(execution));
    }

    /** ReopenCase (disclosure-application.bpmn): a new reply is due within the period the decision set. */
    public void reopen(DelegateExecution execution) {
        java.util.Date due = CORRECTION_DUE.get(execution);
        LocalDate newDue = StatutoryDeadlines.toLocalDate(due);
        appeals.reopen(CASE_NO.get(execution), newDue);
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
        appeals.windowAfterDecision(KIND_DECIDED.get(execution), parse(DECIDED_ON_TEXT.get(execution)),
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
