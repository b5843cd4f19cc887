package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.notice.NoticeService;

/** 制作并送达予以公开答复书, Art. 36(2): renders the reply and queues it to the applicant. */
@Component("sendDisclosureReply")
public class SendDisclosureReplyDelegate implements JavaDelegate {

    private final NoticeService notices;

    public SendDisclosureReplyDelegate(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.issueDisclosureReply((String) execution.getVariable(ProcessVariables.CASE_NO),
                (String) execution.getVariable(ProcessVariables.DISCLOSURE_DETAILS),
                (String) execution.getVariable(ProcessVariables.REASONING));
    }
}
