package cn.gov.disclosure.security;

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
            CLERK, "经办人",
            LEGAL, "法制审核",
            HEAD, "工作机构负责人",
            SECRECY, "保密审查");

    public static final String ADMIN_NAME = "系统管理员";

    private Groups() {
    }
}
