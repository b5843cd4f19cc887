package cn.gov.disclosure.workflow.delivery;

import java.util.Date;

import cn.gov.disclosure.workflow.CaseVars;
import cn.gov.disclosure.workflow.VarKey;

/** The variables of process {@code delivery} (送达文书); the names are the form fields' keys. */
public final class DeliveryVars {

    public static final String PROCESS_KEY = "delivery";

    public static final VarKey<String> CASE_NO = CaseVars.CASE_NO;
    public static final VarKey<Long> DELIVERY_ID = VarKey.of("deliveryId", Long.class);
    /** POST, COLLECTION, ON_THE_SPOT, EXCHANGE, or FALLBACK (e-mail failed: the clerk chooses). */
    public static final VarKey<String> DELIVERY_CHANNEL = VarKey.of("deliveryChannel", String.class);
    public static final VarKey<Date> PRESUMED_AT = VarKey.of("presumedAt", Date.class);
    public static final VarKey<Date> DELIVERY_DUE = VarKey.of("deliveryDue", Date.class);

    // display
    public static final VarKey<String> NOTICE_TITLE = VarKey.of("noticeTitle", String.class);
    public static final VarKey<String> ADDRESSEE_TEXT = VarKey.of("addresseeText", String.class);
    public static final VarKey<String> PACKAGE_URL = VarKey.of("packageUrl", String.class);
    public static final VarKey<String> FAILURE_TEXT = VarKey.of("failureText", String.class);
    public static final VarKey<String> PRESUMED_ON_TEXT = VarKey.of("presumedOnText", String.class);

    // the clerk's input
    public static final VarKey<String> REGISTERED_NO = VarKey.of("registeredNo", String.class);
    public static final VarKey<String> POSTED_ON = VarKey.of("postedOn", String.class);
    public static final VarKey<String> RECEIPT_ON = VarKey.of("receiptOn", String.class);
    public static final VarKey<String> FALLBACK_CHANNEL = VarKey.of("fallbackChannel", String.class);
    public static final VarKey<String> PHONE_NOTE = VarKey.of("phoneNote", String.class);
    public static final VarKey<String> COLLECTION_KIND = VarKey.of("collectionKind", String.class);
    public static final VarKey<String> APPOINTMENT_AT = VarKey.of("appointmentAt", String.class);
    public static final VarKey<String> APPOINTMENT_PLACE = VarKey.of("appointmentPlace", String.class);
    public static final VarKey<String> HANDED_OVER_ON = VarKey.of("handedOverOn", String.class);
    public static final VarKey<String> SIGNED_BY = VarKey.of("signedBy", String.class);

    private DeliveryVars() {
    }
}
