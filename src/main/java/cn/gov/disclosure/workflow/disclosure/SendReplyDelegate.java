package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyCatalogue;

/** 制作并送达答复书: the reply of any type (Arts. 35–39), checked again, stored and e-mailed. */
@Component("sendReply")
public class SendReplyDelegate implements JavaDelegate {

    private final NoticeService notices;
    private final ReplyCatalogue catalogue;

    public SendReplyDelegate(NoticeService notices, ReplyCatalogue catalogue) {
        this.notices = notices;
        this.catalogue = catalogue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.issueReply(DisclosureVars.CASE_NO.get(execution),
                ReplyDrafts.from(execution, catalogue));
    }
}
