package cn.gov.disclosure.workflow.fees;

import java.util.Date;

import cn.gov.disclosure.workflow.VarKey;

/**
 * The variables of process {@code fee} (收取信息处理费) and of its call from disclosure-application; the names are
 * the keys of the forms search-information (method, pages), decide-fee-waiver and record-fee-payment.
 */
public final class FeeVars {

    public static final String PROCESS_KEY = "fee";

    // 检索查找政府信息 (disclosure-application)
    public static final VarKey<String> METHOD = VarKey.of("feeMethod", String.class);
    /** Number field; text typed through the API counts too. */
    public static final VarKey<Object> PAGES = VarKey.of("feePages", Object.class);
    /** Set on completing the search: whether a fee is charged (amount above nil). */
    public static final VarKey<Boolean> CHARGED = VarKey.of("feeCharged", Boolean.class);
    public static final VarKey<Long> FEE_ID = VarKey.of("feeId", Long.class);
    public static final VarKey<Boolean> WAIVER_REQUESTED = VarKey.of("feeWaiverRequested", Boolean.class);
    public static final VarKey<String> SUMMARY = VarKey.of("feeSummary", String.class);

    // 决定是否减免信息处理费 (head)
    public static final VarKey<String> WAIVER_DECISION = VarKey.of("feeWaiverDecision", String.class);
    public static final VarKey<String> WAIVER_REASONS = VarKey.of("feeWaiverReasons", String.class);

    // 发出收费通知 → 登记缴费
    public static final VarKey<Date> PAY_BY = VarKey.of("feePayBy", Date.class);
    public static final VarKey<String> PAY_BY_TEXT = VarKey.of("feePayByText", String.class);
    public static final VarKey<String> PAID_ON = VarKey.of("feePaidOn", String.class);
    public static final VarKey<String> PAYMENT_REFERENCE = VarKey.of("feePaymentReference", String.class);

    /** Handed back to disclosure-application: WAIVED, PAID or NOT_PAID (FeeService). */
    public static final VarKey<String> OUTCOME = VarKey.of("feeOutcome", String.class);

    private FeeVars() {
    }
}
