package cn.gov.disclosure.workflow.fees;

import static cn.gov.disclosure.workflow.fees.FeeVars.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.fees.FeeService;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.workflow.CaseVars;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * The engine side of the information processing fee, bean {@code fees}: the assessment when 检索查找政府信息 is
 * completed (disclosure-application.bpmn) and the steps of fee.bpmn. Each reads typed variables, calls
 * {@link FeeService} with plain values and writes the result back.
 */
@Component("fees")
public class FeeSteps {

    private final FeeService fees;
    private final IdentityService identity;

    public FeeSteps(FeeService fees, IdentityService identity) {
        this.fees = fees;
        this.identity = identity;
    }

    /** On completing 检索查找政府信息: the clerk's method (and pages); a refused input keeps the task open. */
    public void assess(DelegateTask task) {
        var assessment = fees.assess(CaseVars.CASE_NO.get(task), METHOD.text(task), PAGES.get(task),
                actor(task));
        DelegateExecution execution = task.getExecution();
        CHARGED.set(execution, assessment.isPresent());
        assessment.ifPresent(a -> {
            FEE_ID.set(execution, a.feeId());
            WAIVER_REQUESTED.set(execution, a.waiverRequested());
            SUMMARY.set(execution, cn.gov.disclosure.common.Texts.get("fees.summary", a.method().label(), a.quantity(),
                    a.amount()));
        });
    }

    /** On completing 决定是否减免信息处理费. */
    public void decideWaiver(DelegateTask task) {
        boolean waived = fees.decideWaiver(FEE_ID.get(task), WAIVER_DECISION.text(task), WAIVER_REASONS.text(task),
                actor(task));
        if (waived) {
            OUTCOME.set(task.getExecution(), FeeService.WAIVED);
        }
    }

    /** 发出收费通知. */
    public void issueNotice(DelegateExecution execution) {
        LocalDate payBy = fees.issueNotice(FEE_ID.get(execution));
        PAY_BY.set(execution, StatutoryDeadlines.endOfDay(payBy));
        PAY_BY_TEXT.set(execution, payBy.toString());
    }

    /** On completing 登记缴费. */
    public void recordPayment(DelegateTask task) {
        fees.recordPayment(FEE_ID.get(task), PAID_ON.text(task), PAYMENT_REFERENCE.text(task), actor(task));
        OUTCOME.set(task.getExecution(), FeeService.PAID);
    }

    /** 告知不再处理: the 20 working days ended without payment. */
    public void notPaid(DelegateExecution execution) {
        fees.notPaid(FEE_ID.get(execution));
        OUTCOME.set(execution, FeeService.NOT_PAID);
        DisclosureVars.REPLY_TYPE.set(execution, "FEE_NOT_PAID");
    }

    private String actor(DelegateTask task) {
        return task.getAssignee() != null ? task.getAssignee() : Actors.current(identity, "system");
    }
}
