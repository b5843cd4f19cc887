package cn.gov.disclosure.workflow.disclosure;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.notice.ReplyDraft;

/**
 * Reads the clerk's decision from the process variables of the 拟定答复意见 form. Each withholding reason
 * is a checkbox {@code withhold_<CODE>} (booleans need no JSON support in the engine).
 */
final class ReplyDrafts {

    static final String REASON_PREFIX = DisclosureVars.WITHHOLD_PREFIX;

    private ReplyDrafts() {
    }

    static ReplyDraft from(VariableScope vars, ReplyCatalogue catalogue) {
        List<String> reasons = catalogue.reasons().stream().map(ReplyCatalogue.WithholdingReason::code)
                .filter(code -> Boolean.TRUE.equals(vars.getVariable(REASON_PREFIX + code)))
                .toList();
        return new ReplyDraft(DisclosureVars.REPLY_TYPE.text(vars), reasons, DisclosureVars.REASONING.text(vars),
                DisclosureVars.DISCLOSURE_DETAILS.text(vars), DisclosureVars.REFERRAL_AGENCY.text(vars),
                DisclosureVars.REFERRAL_CONTACT.text(vars));
    }
}
