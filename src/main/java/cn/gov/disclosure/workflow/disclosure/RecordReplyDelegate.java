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
    private final cn.gov.disclosure.delivery.Deliveries deliveries;
    private final ItemReplies items;

    public RecordReplyDelegate(CaseFileService caseFiles, StatutoryDeadlines deadlines, IdentityService identity,
                               cn.gov.disclosure.notice.ReplyCatalogue catalogue,
                               cn.gov.disclosure.delivery.Deliveries deliveries, ItemReplies items) {
        this.catalogue = catalogue;
        this.deliveries = deliveries;
        this.items = items;
        this.caseFiles = caseFiles;
        this.deadlines = deadlines;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        String actor = Actors.current(identity);
        // 当场答复: the reply was given the day the application was handed in at the counter.
        boolean onTheSpot = OnTheSpotSteps.answeredOnTheSpot(execution);
        java.time.LocalDate repliedOn = onTheSpot
                ? caseFiles.get(caseNo).receivedOn() : caseFiles.today();
        // Several items: the case-level type and grounds follow from them (items/MixedItemsRule).
        cn.gov.disclosure.notice.ReplyDraft reply = items.recorded(execution, caseNo, actor);
        caseFiles.recordReply(caseNo, reply.replyType(), reply.reasonCodes(), repliedOn, actor);
        caseFiles.changeStatus(caseNo, CaseStatus.REPLIED, actor, Texts.get("workflow.reply.sent"));
        // From the day the reply reached the applicant once that is recorded (as on the counter, or a reply given
        // on the spot at registration); until then a provisional window that AppealWindowFollowsDelivery moves when
        // the delivery is recorded.
        java.time.LocalDate ends = onTheSpot ? deadlines.periods().appealWindowEnds(repliedOn)
                : deliveries.replyDeliveredOn(caseNo)
                        .map(delivered -> deadlines.periods().appealWindowEnds(delivered))
                        .orElseGet(() -> deadlines.appealWindowEnds(repliedOn));
        execution.setVariable(DisclosureVars.APPEAL_WINDOW_ENDS.name(), StatutoryDeadlines.endOfDay(ends));
    }
}
