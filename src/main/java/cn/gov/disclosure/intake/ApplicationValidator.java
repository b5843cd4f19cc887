package cn.gov.disclosure.intake;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.IdentityNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.gov.disclosure.common.FieldError;

/**
 * Checks an application against Art. 29 (who, proof of identity, contact, description, form and
 * delivery) and the office's length limits. Returns every problem at once so the applicant can fix
 * them together; the messages are Chinese and name the field.
 */
public final class ApplicationValidator {

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MIN = 5;
    static final int DESCRIPTION_MAX = 2000;
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9._%+\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+\\-() ]{5,20}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{6}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private ApplicationValidator() {
    }

    /**
     * @param staff whether a signed-in member of staff registers the application (may use any
     *              channel and give the date of receipt, Art. 31)
     */
    public static List<FieldError> validate(ApplicationSubmission s, boolean staff, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (s == null) {
            errors.add(new FieldError("body", "请提交申请内容"));
            return errors;
        }
        if (s.channel() == null) {
            errors.add(new FieldError("channel", "请选择申请渠道"));
        } else if (!staff && s.channel() != Channel.ONLINE) {
            errors.add(new FieldError("channel", "在线提交的申请渠道只能为网络（ONLINE）；信函、传真、当面申请由工作人员登记"));
        }
        if (staff && s.receivedOn() != null) {
            if (s.receivedOn().isAfter(today)) {
                errors.add(new FieldError("receivedOn", "收到日期不能晚于今天"));
            } else if (s.receivedOn().isBefore(today.minusYears(1))) {
                errors.add(new FieldError("receivedOn", "收到日期不能早于一年前，请核对"));
            }
        }
        validateApplicant(s.applicant(), errors);
        validateRequest(s.request(), s.applicant(), errors);
        return errors;
    }

    private static void validateApplicant(ApplicationSubmission.Applicant a, List<FieldError> errors) {
        if (a == null) {
            errors.add(new FieldError("applicant", "请填写申请人信息"));
            return;
        }
        if (a.type() == null) {
            errors.add(new FieldError("applicant.type", "请选择申请人类型（自然人或法人、其他组织）"));
        }
        text(errors, "applicant.name", a.name(), true, 1, NAME_MAX, "申请人姓名或名称");
        if (a.idType() == null) {
            errors.add(new FieldError("applicant.idType", "请选择身份证明类型"));
        }
        boolean idPresent = text(errors, "applicant.idNumber", a.idNumber(), true, 1, 40, "身份证明号码");
        if (idPresent && a.idType() == IdType.RESIDENT_ID_CARD && !IdentityNumbers.isValidResidentId(a.idNumber())) {
            errors.add(new FieldError("applicant.idNumber", "居民身份证号码无效：应为18位，出生日期有效，末位校验码正确"));
        }
        if (idPresent && a.idType() == IdType.UNIFIED_SOCIAL_CREDIT_CODE
                && !IdentityNumbers.isValidCreditCode(a.idNumber())) {
            errors.add(new FieldError("applicant.idNumber", "统一社会信用代码无效：应为18位，末位校验码正确"));
        }
        if (a.type() == ApplicantType.NATURAL_PERSON && a.idType() == IdType.UNIFIED_SOCIAL_CREDIT_CODE) {
            errors.add(new FieldError("applicant.idType", "自然人请提供居民身份证、护照等个人身份证件"));
        }
        if (a.type() != null && a.type().isOrganisation() && a.idType() == IdType.RESIDENT_ID_CARD) {
            errors.add(new FieldError("applicant.idType", "法人或其他组织请提供统一社会信用代码或其他证照"));
        }
        if (a.type() != null && a.type().isOrganisation()) {
            text(errors, "applicant.contactPerson", a.contactPerson(), true, 1, 50, "联系人");
        } else {
            text(errors, "applicant.contactPerson", a.contactPerson(), false, 0, 50, "联系人");
        }
        if (text(errors, "applicant.phone", a.phone(), false, 0, 20, "联系电话") && !PHONE.matcher(a.phone()).matches()) {
            errors.add(new FieldError("applicant.phone", "联系电话格式不正确"));
        }
        if (text(errors, "applicant.email", a.email(), false, 0, 254, "电子邮箱") && !EMAIL.matcher(a.email()).matches()) {
            errors.add(new FieldError("applicant.email", "电子邮箱格式不正确"));
        }
        boolean hasAddress = text(errors, "applicant.address", a.address(), false, 0, 200, "通信地址");
        if (text(errors, "applicant.postalCode", a.postalCode(), false, 0, 6, "邮政编码")
                && !POSTAL_CODE.matcher(a.postalCode()).matches()) {
            errors.add(new FieldError("applicant.postalCode", "邮政编码应为6位数字"));
        }
        if (isBlank(a.email()) && !hasAddress) {
            errors.add(new FieldError("applicant.email", "请至少提供电子邮箱或通信地址之一，以便送达答复"));
        }
    }

    private static void validateRequest(ApplicationSubmission.Request r, ApplicationSubmission.Applicant a,
                                        List<FieldError> errors) {
        if (r == null) {
            errors.add(new FieldError("request", "请填写所需政府信息的情况"));
            return;
        }
        text(errors, "request.description", r.description(), true, DESCRIPTION_MIN, DESCRIPTION_MAX,
                "所需政府信息的名称、文号或便于查询的其他特征性描述");
        text(errors, "request.documentNumber", r.documentNumber(), false, 0, 100, "文号");
        text(errors, "request.feeWaiverReason", r.feeWaiverReason(), false, 0, 1000, "减免费用理由");
        if (r.form() == null) {
            errors.add(new FieldError("request.form", "请选择所需信息的提供形式（纸质或电子）"));
        }
        if (r.delivery() == null) {
            errors.add(new FieldError("request.delivery", "请选择获取信息的方式"));
        } else if (a != null) {
            if (r.delivery() == Delivery.EMAIL && isBlank(a.email())) {
                errors.add(new FieldError("applicant.email", "选择电子邮件获取信息时，请填写电子邮箱"));
            }
            if (r.delivery() == Delivery.POST && isBlank(a.address())) {
                errors.add(new FieldError("applicant.address", "选择邮寄获取信息时，请填写通信地址"));
            }
        }
    }

    /** Checks presence, length and stray control characters; returns whether a value is present. */
    private static boolean text(List<FieldError> errors, String field, String value, boolean required,
                                int min, int max, String label) {
        if (isBlank(value)) {
            if (required) {
                errors.add(new FieldError(field, "请填写" + label));
            }
            return false;
        }
        int length = value.strip().codePointCount(0, value.strip().length());
        if (length < min) {
            errors.add(new FieldError(field, label + "过短，至少" + min + "个字"));
        } else if (length > max) {
            errors.add(new FieldError(field, label + "过长，最多" + max + "个字（现为" + length + "个）"));
        }
        if (CONTROL.matcher(value).find()) {
            errors.add(new FieldError(field, label + "含有无法识别的控制字符，请删除后重新填写"));
        }
        return true;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
