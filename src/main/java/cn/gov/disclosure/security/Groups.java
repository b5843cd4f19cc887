package cn.gov.disclosure.security;

import cn.gov.disclosure.common.Texts;

import java.util.Map;

/** The Camunda groups of the office and their Chinese names. */
public final class Groups {

    public static final String CLERK = "clerk";
    public static final String LEGAL = "legal";
    public static final String HEAD = "head";
    public static final String SECRECY = "secrecy";
    public static final String ADMIN = "camunda-admin";

    /** Workflow groups in the order Tasklist shows them. */
    public static final Map<String, String> WORKFLOW = Map.of(
            CLERK, Texts.get("security.group.clerk"),
            LEGAL, Texts.get("security.group.legal"),
            HEAD, Texts.get("security.group.head"),
            SECRECY, Texts.get("security.group.secrecy"));

    public static final String ADMIN_NAME = Texts.get("security.group.admin");

    private Groups() {
    }
}
