package cn.gov.disclosure.workflow.disclosure;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.notice.NoticeIncompleteException;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.notice.ReplyDraft;
import cn.gov.disclosure.workflow.Actors;

/**
 * The notice checker on the clerk's submit of 拟定答复意见 (issue 16): the decision is checked, rendered and read back
 * while the form is still open, and a refusal is thrown as the clerk's input error, so Tasklist shows what to fix in
 * the same form, the task stays open with the values typed, and the whole completion (items, events) is rolled back.
 * 生成并核验答复书草稿 checks again when it renders the stored draft: a safety net for what changes after the submit
 * (an item edited on the items page, a record's cut removed) before that job runs.
 */
@Component("replyCheck")
public class ReplyCheck {

    /** The form field the refusal is filed under; the form labels it 答复书核验发现的问题. */
    static final String FIELD = DisclosureVars.CHECKER_PROBLEMS.name();

    private final ItemReplies items;
    private final ReplyCatalogue catalogue;
    private final ReleaseSetSteps releaseSet;
    private final NoticeService notices;
    private final IdentityService identity;

    ReplyCheck(ItemReplies items, ReplyCatalogue catalogue, ReleaseSetSteps releaseSet, NoticeService notices,
               IdentityService identity) {
        this.items = items;
        this.catalogue = catalogue;
        this.releaseSet = releaseSet;
        this.notices = notices;
        this.identity = identity;
    }

    /** Task listener (complete) of 拟定答复意见. */
    public void onDecision(DelegateTask task) {
        String caseNo = DisclosureVars.CASE_NO.get(task);
        String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity);
        List<String> problems;
        try {
            // Stored in the completing transaction: a refusal rolls the item's decision back with everything else.
            items.storeFormDecision(task, caseNo, actor);
            ReplyDraft decision = items.draft(task, caseNo);
            problems = new ArrayList<>(before(task, decision, caseNo));
            if (problems.isEmpty()) {
                problems.addAll(notices.checkReply(caseNo, decision));
            }
        } catch (NoticeIncompleteException e) {
            problems = e.problems();
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldError(FIELD, p)).toList());
        }
    }

    /** What the reply must meet before it is rendered: the third party's standing objection, the records' cuts. */
    List<String> before(VariableScope vars, ReplyDraft decision, String caseNo) {
        List<String> problems = new ArrayList<>();
        if (DisclosureVars.THIRD_PARTY_OBJECTION_UPHELD.isTrue(vars)
                && catalogue.type(decision.replyType()).map(t -> t.code().equals("DISCLOSED")).orElse(false)) {
            // Art. 32: a reasoned objection stands unless the head decided to disclose in the public interest.
            problems.add(Texts.get("workflow.reply.thirdPartyObjectionStands"));
        }
        // A partial item whose records carry no cut would go out whole: the clerk marks the cuts first.
        problems.addAll(releaseSet.draftProblems(caseNo));
        return problems;
    }
}
