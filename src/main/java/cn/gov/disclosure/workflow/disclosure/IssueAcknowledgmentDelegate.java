package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.notice.NoticeService;

/** 出具受理回执: the acknowledgment PDF and its e-mail (Arts. 31, 33). */
@Component("issueAcknowledgment")
public class IssueAcknowledgmentDelegate implements JavaDelegate {

    private final NoticeService notices;

    public IssueAcknowledgmentDelegate(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.issueAcknowledgment(DisclosureVars.CASE_NO.get(execution),
                DisclosureVars.TRACKING_CODE.get(execution));
    }
}
