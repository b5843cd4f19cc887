package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyCatalogue;

/**
 * 制作并送达答复书: the reply of any type (Arts. 35–39), checked again, stored and e-mailed, with the released
 * records (approved in 保密审查) attached or downloadable.
 */
@Component("sendReply")
public class SendReplyDelegate implements JavaDelegate {

    private final NoticeService notices;
    private final ReplyCatalogue catalogue;
    private final ReleaseSetSteps releaseSet;

    public SendReplyDelegate(NoticeService notices, ReplyCatalogue catalogue, ReleaseSetSteps releaseSet) {
        this.notices = notices;
        this.catalogue = catalogue;
        this.releaseSet = releaseSet;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        // The records go only as approved by the Art. 17 reviewer; a changed set goes back to review.
        releaseSet.checkBeforeSending(execution);
        var reply = notices.issueReply(caseNo, ReplyDrafts.from(execution, catalogue));
        releaseSet.release(caseNo, reply.id());
    }
}
