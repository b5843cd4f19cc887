package cn.gov.disclosure.workflow.extension;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.CaseClocks;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * On completing 审查延长答复期限: an approval given after the reply period ended is refused in the head's form
 * (Art. 33(2)), so nothing is stored and the head can only refuse; a refusal is always possible.
 */
@Component("extensionApproval")
public class ExtensionApproval {

    static final String APPROVED = "APPROVED";

    private final CaseClocks clocks;

    public ExtensionApproval(CaseClocks clocks) {
        this.clocks = clocks;
    }

    public void check(DelegateTask task) {
        if (APPROVED.equals(ExtensionVars.DECISION.text(task))) {
            clocks.requireNotExpired(DisclosureVars.CASE_NO.get(task), ExtensionVars.DECISION.name());
        }
    }
}
