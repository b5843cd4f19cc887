package cn.gov.disclosure.workflow.repeats;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.repeats.RepeatApplications;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.workflow.VarKey;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/** Art. 36(6) on 拟定答复意见 (disclosure-application.bpmn), bean {@code repeats}. */
@Component("repeats")
public class RepeatSteps {

    /** Form decide-reply: the applicant's likely earlier applications (display only). */
    public static final VarKey<String> CANDIDATES_TEXT = VarKey.of("repeatCandidatesText", String.class);
    /** Form decide-reply: the earlier case a repeat application is linked to. */
    public static final VarKey<String> EARLIER_CASE_NO = VarKey.of("earlierCaseNo", String.class);
    static final String REPEAT = "REPEAT";

    private final RepeatApplications repeats;
    private final IdentityService identity;

    public RepeatSteps(RepeatApplications repeats, IdentityService identity) {
        this.repeats = repeats;
        this.identity = identity;
    }

    /** When 拟定答复意见 is created: the earlier applications that look the same. */
    public void offer(DelegateTask task) {
        var found = repeats.candidates(DisclosureVars.CASE_NO.get(task));
        StringBuilder sb = new StringBuilder();
        for (var c : found) {
            sb.append(Texts.get("repeats.candidates.line", c.caseNo(), c.receivedOn(), c.repliedOn(), c.description()))
                    .append('\n');
        }
        CANDIDATES_TEXT.set(task.getExecution(), found.isEmpty() ? Texts.get("repeats.candidates.none")
                : sb.toString().strip());
    }

    /**
     * On completing it: a 重复申请 is linked to the earlier case, and the reply's 此前答复情况 names it (the clerk's own
     * words follow).
     */
    public void onDecision(DelegateTask task) {
        if (!REPEAT.equals(DisclosureVars.REPLY_TYPE.text(task))) {
            return;
        }
        String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity, "system");
        String reference = repeats.link(DisclosureVars.CASE_NO.get(task), EARLIER_CASE_NO.text(task), actor);
        String details = DisclosureVars.DISCLOSURE_DETAILS.text(task);
        if (details == null || !details.startsWith(reference)) {
            DisclosureVars.DISCLOSURE_DETAILS.set(task.getExecution(),
                    details == null ? reference : reference + details);
        }
    }
}
