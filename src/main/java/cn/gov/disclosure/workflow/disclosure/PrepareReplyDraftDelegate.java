package cn.gov.disclosure.workflow.disclosure;

import cn.gov.disclosure.common.Texts;

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
 * 生成并核验答复书草稿: renders the reply as a draft for the clerk (and legal) to read. The clerk's submit was
 * checked already ({@link ReplyCheck}); a draft the notice checker refuses now (something changed since) goes back to
 * the clerk with the problems listed (BPMN error {@code NOTICE_INCOMPLETE}).
 */
@Component("prepareReplyDraft")
public class PrepareReplyDraftDelegate implements JavaDelegate {

    static final String ERROR_CODE = "NOTICE_INCOMPLETE";

    /** Process variables are at most 4000 characters on every database the engine supports. */
    static final int ITEM_TEXT_MAX = 3800;

    private final NoticeService notices;
    private final ReplyCatalogue catalogue;
    private final ItemReplies items;
    private final org.camunda.bpm.engine.HistoryService history;
    private final ReplyCheck check;
    private final cn.gov.disclosure.workflow.consultation.ConsultationSteps thirdParty;

    public PrepareReplyDraftDelegate(NoticeService notices, ReplyCatalogue catalogue, ItemReplies items,
                                     org.camunda.bpm.engine.HistoryService history, ReplyCheck check,
                                     cn.gov.disclosure.workflow.consultation.ConsultationSteps thirdParty) {
        this.thirdParty = thirdParty;
        this.notices = notices;
        this.catalogue = catalogue;
        this.items = items;
        this.history = history;
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        try {
            items.storeFormDecision(execution, caseNo, decidedBy(execution));
            // A case of several items: its reply type follows from the items (items/MixedItemsRule).
            ReplyDraft decision = items.draft(execution, caseNo);
            DisclosureVars.REPLY_TYPE.set(execution, decision.replyType());
            // The same rules the clerk's submit was checked against (ReplyCheck); something may have changed since.
            java.util.List<String> unmet = new java.util.ArrayList<>(check.before(execution, decision, caseNo));
            // Art. 15 with Art. 32, for an item changed to a refusal for a third party after the submit.
            unmet.addAll(thirdParty.thirdPartyGroundProblems(execution, caseNo));
            if (!unmet.isEmpty()) {
                throw new NoticeIncompleteException(unmet);
            }
            Notice draft = notices.draftReply(caseNo, decision);
            DisclosureVars.CHECKER_PROBLEMS.set(execution, null);
            DisclosureVars.DRAFT_NOTICE_URL.set(execution, "/staff/notices/" + draft.id() + ".pdf");
            ReplyCatalogue.ReplyType type = catalogue.require(DisclosureVars.REPLY_TYPE.get(execution));
            DisclosureVars.REPLY_TYPE_LABEL.set(execution, type.label());
            DisclosureVars.NEEDS_LEGAL_REVIEW.set(execution, type.legalReview() || items.needsLegalReview(caseNo));
            DisclosureVars.NEEDS_SECRECY_REVIEW.set(execution, type.secrecyReview() || items.needsSecrecyReview(caseNo));
            String text = items.text(caseNo);
            DisclosureVars.ITEM_DECISIONS.set(execution, text.length() <= ITEM_TEXT_MAX ? text
                    : text.substring(0, ITEM_TEXT_MAX) + Texts.get("workflow.items.cut"));
            DisclosureVars.ITEM_DECISIONS_DIGEST.set(execution, ItemReplies.digest(decision));
        } catch (NoticeIncompleteException e) {
            DisclosureVars.CHECKER_PROBLEMS.set(execution, Texts.get("workflow.reply.checkerRefused") + "\n· "
                    + String.join("\n· ", e.problems()));
            throw new BpmnError(ERROR_CODE, e.getMessage());
        }
    }

    /** Who completed 拟定答复意见 (or, for Art. 41, 核实并更正信息) last (this step runs as a job, without the clerk's sign-in). */
    private String decidedBy(DelegateExecution execution) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn("DecideReply", "VerifyOwnRecords").finished().orderByHistoricTaskInstanceEndTime().desc().list()
                .stream().map(t -> t.getAssignee()).filter(java.util.Objects::nonNull).findFirst().orElse("system");
    }
}
