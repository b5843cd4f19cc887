package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeIncompleteException;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyCatalogue;

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
        String caseNo = (String) execution.getVariable(ProcessVariables.CASE_NO);
        try {
            Notice draft = notices.draftReply(caseNo, ReplyDrafts.from(execution, catalogue));
            execution.setVariable("checkerProblems", null);
            execution.setVariable("draftNoticeUrl", "/staff/notices/" + draft.id() + ".pdf");
            ReplyCatalogue.ReplyType type = catalogue.require((String) execution.getVariable(ProcessVariables.REPLY_TYPE));
            execution.setVariable("replyTypeLabel", type.label());
            execution.setVariable("replyNeedsLegalReview", type.legalReview());
        } catch (NoticeIncompleteException e) {
            execution.setVariable("checkerProblems", "答复书未通过核验，请修改后重新提交：\n· "
                    + String.join("\n· ", e.problems()));
            throw new BpmnError(ERROR_CODE, e.getMessage());
        }
    }
}
