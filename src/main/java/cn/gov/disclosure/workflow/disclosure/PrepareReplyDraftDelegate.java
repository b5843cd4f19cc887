package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeIncompleteException;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.notice.ReplyDraft;

/**
 * 生成并核验答复书草稿: renders the reply as a draft for the clerk (and legal) to read. A draft the notice
 * checker refuses goes back to the clerk with the problems listed (BPMN error {@code NOTICE_INCOMPLETE}).
 */
@Component("prepareReplyDraft")
public class PrepareReplyDraftDelegate implements JavaDelegate {

    static final String ERROR_CODE = "NOTICE_INCOMPLETE";

    private final NoticeService notices;
    private final ReplyCatalogue catalogue;

    public PrepareReplyDraftDelegate(NoticeService notices, ReplyCatalogue catalogue) {
        this.notices = notices;
        this.catalogue = catalogue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        try {
            ReplyDraft decision = ReplyDrafts.from(execution, catalogue);
            if (Boolean.TRUE.equals(execution.getVariable("thirdPartyObjectionUpheld"))
                    && catalogue.type(decision.replyType()).map(t -> t.code().equals("DISCLOSED")).orElse(false)) {
                // Art. 32: a reasoned objection stands unless the head decided to disclose in the public interest.
                throw new NoticeIncompleteException(java.util.List.of("第三方不同意公开且未经负责人决定因公共利益公开，"
                        + "不得全部公开；请选择部分公开或不予公开，并以保护第三方合法权益为理由（第十五条、第三十二条）"));
            }
            Notice draft = notices.draftReply(caseNo, decision);
            execution.setVariable("checkerProblems", null);
            execution.setVariable("draftNoticeUrl", "/staff/notices/" + draft.id() + ".pdf");
            ReplyCatalogue.ReplyType type = catalogue.require(DisclosureVars.REPLY_TYPE.get(execution));
            execution.setVariable("replyTypeLabel", type.label());
            execution.setVariable("replyNeedsLegalReview", type.legalReview());
            execution.setVariable("replyNeedsSecrecyReview", type.secrecyReview());
        } catch (NoticeIncompleteException e) {
            execution.setVariable("checkerProblems", "答复书未通过核验，请修改后重新提交：\n· "
                    + String.join("\n· ", e.problems()));
            throw new BpmnError(ERROR_CODE, e.getMessage());
        }
    }
}
