package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;

/**
 * 制作并送达答复书: the reply of any type (Arts. 35–39), checked again, stored and e-mailed, with the released
 * records (approved in 保密审查) attached or downloadable.
 */
@Component("sendReply")
public class SendReplyDelegate implements JavaDelegate {

    private final NoticeService notices;
    private final ItemReplies items;
    private final ReleaseSetSteps releaseSet;

    public SendReplyDelegate(NoticeService notices, ItemReplies items, ReleaseSetSteps releaseSet) {
        this.notices = notices;
        this.items = items;
        this.releaseSet = releaseSet;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        ReplyDraft draft = items.draft(execution, caseNo);
        String reviewed = DisclosureVars.ITEM_DECISIONS_DIGEST.get(execution);
        if (reviewed != null && !reviewed.equals(ItemReplies.digest(draft))) {
            // Changed on the items page after the draft was checked and reviewed: never send an unreviewed reply.
            // The step fails and stays visible in Cockpit as an incident.
            throw new IllegalStateException(cn.gov.disclosure.common.Texts.get("workflow.items.changedAfterReview"));
        }
        // The records go only as approved by the Art. 17 reviewer; a changed set goes back to review.
        releaseSet.checkBeforeSending(execution);
        var reply = notices.issueReply(caseNo, draft);
        releaseSet.release(caseNo, reply.id());
    }
}
