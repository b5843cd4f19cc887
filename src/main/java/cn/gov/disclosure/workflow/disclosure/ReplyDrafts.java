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

    static final String REASON_PREFIX = "withhold_";

    private ReplyDrafts() {
    }

    static ReplyDraft from(VariableScope vars, ReplyCatalogue catalogue) {
        List<String> reasons = catalogue.reasons().stream().map(ReplyCatalogue.WithholdingReason::code)
                .filter(code -> Boolean.TRUE.equals(vars.getVariable(REASON_PREFIX + code)))
                .toList();
        return new ReplyDraft(text(vars, DisclosureVars.REPLY_TYPE.name()), reasons, text(vars, DisclosureVars.REASONING.name()),
                text(vars, DisclosureVars.DISCLOSURE_DETAILS.name()), text(vars, "referralAgency"),
                text(vars, "referralContact"));
    }

    private static String text(VariableScope vars, String name) {
        Object v = vars.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }
}
