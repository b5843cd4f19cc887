package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.onthespot.OnTheSpotReplies;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.workflow.VarKey;

/** 登记当场答复 (disclosure-application.bpmn), bean {@code onTheSpot}: the start form's on-the-spot reply. */
@Component("onTheSpot")
public class OnTheSpotSteps {

    /** Start form register-application: the reply was given at the counter. */
    public static final VarKey<Boolean> REPLIED_ON_SPOT = VarKey.of("repliedOnSpot", Boolean.class);
    public static final VarKey<String> REPLY_TYPE = VarKey.of("onSpotReplyType", String.class);
    public static final VarKey<String> REPLY_GIVEN = VarKey.of("onSpotReply", String.class);

    private final OnTheSpotReplies replies;
    private final IdentityService identity;

    public OnTheSpotSteps(OnTheSpotReplies replies, IdentityService identity) {
        this.replies = replies;
        this.identity = identity;
    }

    /** Condition of 当场答复 at 是否重新答复或当场答复？ (never for a case reopened after an appeal). */
    public boolean requested(DelegateExecution execution) {
        return answeredOnTheSpot(execution);
    }

    /** Whether the reply in force is the one given at the counter (not after a reopening). */
    public static boolean answeredOnTheSpot(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(REPLIED_ON_SPOT.name()))
                && !Boolean.TRUE.equals(execution.getVariable(DisclosureVars.REOPENED.name()));
    }

    /** At 登记申请 (before the intake continues asynchronously): refuses the start form as the step would. */
    public void check(DelegateExecution execution, cn.gov.disclosure.casefile.Channel channel) {
        if (answeredOnTheSpot(execution)) {
            replies.check(channel, REPLY_TYPE.text(execution), REPLY_GIVEN.text(execution));
        }
    }

    /** At 登记申请, in the registering transaction: the counter reply recorded with the case (refused as in check). */
    public void recordAtRegistration(DelegateExecution execution, String actor) {
        if (answeredOnTheSpot(execution)) {
            DisclosureVars.REPLY_TYPE.set(execution, replies.record(DisclosureVars.CASE_NO.get(execution),
                    REPLY_TYPE.text(execution), REPLY_GIVEN.text(execution), actor));
        }
    }

    /** 登记当场答复: recorded at registration already (then only confirmed); cases registered before that record here. */
    public void record(DelegateExecution execution) {
        // Runs in the job continuing the intake: nobody signed in there, the registering clerk is recorded.
        String type = replies.record(DisclosureVars.CASE_NO.get(execution), REPLY_TYPE.text(execution),
                REPLY_GIVEN.text(execution), Actors.current(identity, null));
        DisclosureVars.REPLY_TYPE.set(execution, type);
    }
}
