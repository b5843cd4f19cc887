package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.workflow.VarKey;

/**
 * Art. 17 referral (报有关主管部门或者保密行政管理部门确定), on completing 保密审查 and 登记主管部门确定结果.
 * A reviewer who cannot tell whether the information may be disclosed names the department it is referred
 * to; the referral goes on the case record and the process holds the reply until the department's answer is
 * registered. That answer must be a decision (cleared or sent back), never another referral.
 */
@Component("secrecyReferral")
public class SecrecyReferralListener implements TaskListener {

    // The form fields of secrecy-review.form and record-secrecy-determination.form.
    static final VarKey<String> OUTCOME = VarKey.of("secrecyOutcome", String.class);
    static final VarKey<String> COMMENT = VarKey.of("secrecyComment", String.class);
    static final VarKey<String> REFERRAL_BODY = VarKey.of("secrecyReferralBody", String.class);

    static final String REFERRED = "REFERRED";
    static final String DETERMINATION_TASK = "AwaitSecrecyDetermination";

    private final CaseFileService caseFiles;
    private final IdentityService identity;

    public SecrecyReferralListener(CaseFileService caseFiles, IdentityService identity) {
        this.caseFiles = caseFiles;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = OUTCOME.text(task);
        String body = REFERRAL_BODY.text(task);
        String comment = COMMENT.text(task);
        String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity);
        String caseNo = DisclosureVars.CASE_NO.get(task);
        if (DETERMINATION_TASK.equals(task.getTaskDefinitionKey())) {
            if (!"CLEARED".equals(outcome) && !"SENT_BACK".equals(outcome)) {
                throw new InvalidInputException(OUTCOME.name(), Texts.get("secrecy.determination.outcomeMissing"));
            }
            if (comment == null) {
                throw new InvalidInputException(COMMENT.name(), Texts.get("secrecy.determination.commentMissing"));
            }
            caseFiles.recordEvent(caseNo, "SECRECY_DETERMINED", OUTCOME.name(), REFERRED, outcome, actor,
                    Texts.get("secrecy.determination.note", body == null ? "" : body,
                            Texts.get("secrecy.outcome." + outcome), comment));
        } else if (REFERRED.equals(outcome)) {
            if (body == null) {
                throw new InvalidInputException(REFERRAL_BODY.name(), Texts.get("secrecy.referral.bodyMissing"));
            }
            caseFiles.recordEvent(caseNo, "SECRECY_REFERRED", REFERRAL_BODY.name(), null, body, actor,
                    Texts.get("secrecy.referral.note", body, comment == null ? "" : comment));
        }
    }
}
