package cn.gov.disclosure.workflow.disclosure;

import cn.gov.disclosure.common.Texts;

import cn.gov.disclosure.workflow.Actors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;

/** 登记答复结果: the reply type and date go on the case, and the appeal window starts. */
@Component("recordReply")
public class RecordReplyDelegate implements JavaDelegate {

    private final CaseFileService caseFiles;
    private final StatutoryDeadlines deadlines;
    private final IdentityService identity;
    private final cn.gov.disclosure.notice.ReplyCatalogue catalogue;
    private final ItemReplies items;

    public RecordReplyDelegate(CaseFileService caseFiles, StatutoryDeadlines deadlines, IdentityService identity,
                               cn.gov.disclosure.notice.ReplyCatalogue catalogue, ItemReplies items) {
        this.catalogue = catalogue;
        this.items = items;
        this.caseFiles = caseFiles;
        this.deadlines = deadlines;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        String actor = Actors.current(identity);
        // Several items: the case-level type and grounds follow from them (items/MixedItemsRule).
        cn.gov.disclosure.notice.ReplyDraft reply = items.recorded(execution, caseNo, actor);
        caseFiles.recordReply(caseNo, reply.replyType(), reply.reasonCodes(), caseFiles.today(), actor);
        caseFiles.changeStatus(caseNo, CaseStatus.REPLIED, actor, Texts.get("workflow.reply.sent"));
        execution.setVariable(DisclosureVars.APPEAL_WINDOW_ENDS.name(),
                StatutoryDeadlines.endOfDay(deadlines.appealWindowEnds(caseFiles.today())));
    }
}
