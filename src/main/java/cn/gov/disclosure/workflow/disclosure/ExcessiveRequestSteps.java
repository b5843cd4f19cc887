package cn.gov.disclosure.workflow.disclosure;

import static cn.gov.disclosure.workflow.disclosure.DisclosureVars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.excessive.ExcessiveRequestService;
import cn.gov.disclosure.workflow.Actors;

/** The Art. 35 steps of disclosure-application.bpmn, bean {@code excessiveRequest}. */
@Component("excessiveRequest")
public class ExcessiveRequestSteps {

    private final ExcessiveRequestService service;
    private final IdentityService identity;

    public ExcessiveRequestSteps(ExcessiveRequestService service, IdentityService identity) {
        this.service = service;
        this.identity = identity;
    }

    /** 要求申请人说明理由. */
    public void askForReasons(DelegateExecution execution) {
        ExcessiveRequestService.ReasonsAsked asked = service.askForReasons(CASE_NO.get(execution),
                REVIEW_NOTES.get(execution), Actors.current(identity, "system"));
        REASONS_BY_TEXT.set(execution, asked.reasonsBy().toString());
        REASONS_BY.set(execution, StatutoryDeadlines.endOfDay(asked.reasonsBy()));
        EXCESSIVE_DECISION.set(execution, null);
    }

    /** On completing 审查申请人说明的理由: continue, defer, or not processed (then the reply is drafted). */
    public void decide(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        Object days = task.getVariable(DEFERRAL_DAYS.name());
        String reasoning = service.decide(CASE_NO.get(execution), EXCESSIVE_DECISION.text(task),
                APPLICANT_REASONS.text(task), days instanceof Number n ? n : null,
                LocalDate.parse(REASONS_BY_TEXT.get(execution)),
                task.getAssignee() != null ? task.getAssignee() : Actors.current(identity, "clerk"));
        if (reasoning != null) {
            REPLY_TYPE.set(execution, ExcessiveRequestService.REPLY_TYPE);
            REASONING.set(execution, reasoning);
        }
    }

    /** 确定延迟答复期限并告知申请人. */
    public void defer(DelegateExecution execution) {
        service.defer(CASE_NO.get(execution), ((Number) execution.getVariable(DEFERRAL_DAYS.name())).intValue(),
                APPLICANT_REASONS.text(execution), Actors.current(identity, "system"));
    }

    /** On completing 拟定答复意见. */
    public void checkReplyType(DelegateTask task) {
        service.checkReplyType(REPLY_TYPE.text(task), EXCESSIVE_DECISION.text(task));
    }
}
