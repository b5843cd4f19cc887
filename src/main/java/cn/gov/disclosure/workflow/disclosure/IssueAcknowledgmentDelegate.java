package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.acknowledgment.AcknowledgmentService;

/**
 * 出具受理回执: the acknowledgment PDF and its e-mail (Arts. 31, 33), as a retried job after the intake committed;
 * nothing happens if a clerk's receipt request issued it first.
 */
@Component("issueAcknowledgment")
public class IssueAcknowledgmentDelegate implements JavaDelegate {

    private final AcknowledgmentService acknowledgments;

    public IssueAcknowledgmentDelegate(AcknowledgmentService acknowledgments) {
        this.acknowledgments = acknowledgments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        acknowledgments.yieldToIntake();
        acknowledgments.issue(DisclosureVars.CASE_NO.get(execution));
    }
}
