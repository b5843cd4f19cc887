package cn.gov.disclosure.workflow.extension;

import cn.gov.disclosure.workflow.VarKey;

/** The variables of process {@code extension-request} (Art. 33(2)); also the keys of its two forms. */
public final class ExtensionVars {

    public static final String PROCESS_KEY = "extension-request";

    public static final VarKey<Integer> DAYS = VarKey.of("extensionDays", Integer.class);
    public static final VarKey<String> REASON = VarKey.of("extensionReason", String.class);
    public static final VarKey<String> DECISION = VarKey.of("extensionDecision", String.class);
    public static final VarKey<String> HEAD_COMMENT = VarKey.of("headComment", String.class);
    public static final VarKey<String> NEW_DUE_ON_TEXT = VarKey.of("newDueOnText", String.class);

    private ExtensionVars() {
    }
}
