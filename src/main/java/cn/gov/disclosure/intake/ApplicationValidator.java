package cn.gov.disclosure.intake;

import cn.gov.disclosure.common.Texts;

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
    /** Issue 13: an application lists 1–30 items; more belong in separate applications. */
    static final int ITEMS_MAX = 30;
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
     * @return every problem, Art. 29 content and data entry alike (the web form and anonymous callers)
     */
    public static List<FieldError> validate(ApplicationSubmission s, boolean staff, LocalDate today) {
        Checked checked = check(s, staff, today);
        List<FieldError> all = new ArrayList<>(checked.refusals());
        all.addAll(checked.missing());
        return all;
    }

    /**
     * The problems split in two (不拒收): {@code missing} is Art. 29 content the applicant left out or made
     * unclear (name, identity, contact, description, form, delivery) — a staff registration stores the case
     * and asks for it in a correction notice (Art. 30); {@code refusals} are faults of the entry itself (no
     * body, no or wrong channel, date of receipt, applicant type, over-long text, control characters), which
     * even staff must fix before anything is stored.
     */
    public record Checked(List<FieldError> refusals, List<FieldError> missing) {
    }

    public static Checked check(ApplicationSubmission s, boolean staff, LocalDate today) {
        Checked p = new Checked(new ArrayList<>(), new ArrayList<>());
        if (s == null) {
            p.refusals().add(FieldError.of("body", "intake.body.missing"));
            return p;
        }
        if (s.channel() == null) {
            p.refusals().add(FieldError.of("channel", "intake.channel.missing"));
        } else if (!staff && s.channel() != Channel.ONLINE) {
            p.refusals().add(FieldError.of("channel", "intake.channel.onlineOnly"));
        }
        if (staff && s.receivedOn() != null) {
            if (s.receivedOn().isAfter(today)) {
                p.refusals().add(FieldError.of("receivedOn", "intake.receivedOn.future"));
            } else if (s.receivedOn().isBefore(today.minusYears(1))) {
                p.refusals().add(FieldError.of("receivedOn", "intake.receivedOn.tooOld"));
            }
        }
        validateApplicant(s.applicant(), p);
        validateRequest(s.request(), s.applicant(), p);
        return p;
    }

    private static void validateApplicant(ApplicationSubmission.Applicant a, Checked p) {
        List<FieldError> missing = p.missing();
        if (a == null) {
            // Without the applicant's type the office cannot even classify the case (annual report): an entry fault.
            p.refusals().add(FieldError.of("applicant", "intake.applicant.missing"));
            return;
        }
        if (a.type() == null) {
            p.refusals().add(FieldError.of("applicant.type", "intake.applicant.type.missing"));
        }
        text(p, "applicant.name", a.name(), true, 1, NAME_MAX);
        if (a.idType() == null) {
            missing.add(FieldError.of("applicant.idType", "intake.applicant.idType.missing"));
        }
        boolean idPresent = text(p, "applicant.idNumber", a.idNumber(), true, 1, 40);
        if (idPresent && a.idType() == IdType.RESIDENT_ID_CARD && !IdentityNumbers.isValidResidentId(a.idNumber())) {
            missing.add(FieldError.of("applicant.idNumber", "intake.applicant.idNumber.residentIdInvalid"));
        }
        if (idPresent && a.idType() == IdType.UNIFIED_SOCIAL_CREDIT_CODE
                && !IdentityNumbers.isValidCreditCode(a.idNumber())) {
            missing.add(FieldError.of("applicant.idNumber", "intake.applicant.idNumber.creditCodeInvalid"));
        }
        if (a.type() == ApplicantType.NATURAL_PERSON && a.idType() == IdType.UNIFIED_SOCIAL_CREDIT_CODE) {
            missing.add(FieldError.of("applicant.idType", "intake.applicant.idType.personNeedsPersonalId"));
        }
        if (a.type() != null && a.type().isOrganisation() && a.idType() == IdType.RESIDENT_ID_CARD) {
            missing.add(FieldError.of("applicant.idType", "intake.applicant.idType.organisationNeedsCode"));
        }
        if (a.type() != null && a.type().isOrganisation()) {
            text(p, "applicant.contactPerson", a.contactPerson(), true, 1, 50);
        } else {
            text(p, "applicant.contactPerson", a.contactPerson(), false, 0, 50);
        }
        if (text(p, "applicant.phone", a.phone(), false, 0, 20) && !isPhone(a.phone())) {
            missing.add(FieldError.of("applicant.phone", "intake.applicant.phone.format"));
        }
        if (text(p, "applicant.email", a.email(), false, 0, 254) && !isEmail(a.email())) {
            missing.add(FieldError.of("applicant.email", "intake.applicant.email.format"));
        }
        boolean hasAddress = text(p, "applicant.address", a.address(), false, 0, 200);
        if (text(p, "applicant.postalCode", a.postalCode(), false, 0, 6) && !isPostalCode(a.postalCode())) {
            missing.add(FieldError.of("applicant.postalCode", "intake.applicant.postalCode.format"));
        }
        if (isBlank(a.email()) && !hasAddress) {
            missing.add(FieldError.of("applicant.email", "intake.applicant.email.orAddress"));
        }
    }

    private static void validateRequest(ApplicationSubmission.Request r, ApplicationSubmission.Applicant a,
                                        Checked p) {
        List<FieldError> missing = p.missing();
        if (r == null) {
            missing.add(FieldError.of("request", "intake.request.missing"));
            return;
        }
        if (r.itemized()) {
            validateItems(r, p);
        } else {
            text(p, "request.description", r.description(), true, DESCRIPTION_MIN, DESCRIPTION_MAX);
            text(p, "request.documentNumber", r.documentNumber(), false, 0, 100);
        }
        text(p, "request.feeWaiverReason", r.feeWaiverReason(), false, 0, 1000);
        if (r.form() == null) {
            missing.add(FieldError.of("request.form", "intake.request.form.missing"));
        }
        if (r.delivery() == null) {
            missing.add(FieldError.of("request.delivery", "intake.request.delivery.missing"));
        } else if (a != null) {
            if (r.delivery() == Delivery.EMAIL && isBlank(a.email())) {
                missing.add(FieldError.of("applicant.email", "intake.applicant.email.neededForEmailDelivery"));
            }
            if (r.delivery() == Delivery.POST && isBlank(a.address())) {
                missing.add(FieldError.of("applicant.address", "intake.applicant.address.neededForPost"));
            }
        }
    }

    static boolean isEmail(String s) {
        return s != null && EMAIL.matcher(s).matches();
    }

    static boolean isPhone(String s) {
        return s != null && PHONE.matcher(s).matches();
    }

    static boolean isPostalCode(String s) {
        return s != null && POSTAL_CODE.matcher(s).matches();
    }

    /**
     * Several items: each is checked like a lone description, and named by its number (第3项 申请内容). Items and a
     * lone description together, or more items than allowed, are faults of the entry itself.
     */
    private static void validateItems(ApplicationSubmission.Request r, Checked p) {
        if (!isBlank(r.description()) || !isBlank(r.documentNumber())) {
            p.refusals().add(FieldError.of("request.description", "intake.request.itemsAndDescription"));
        }
        if (r.items().size() > ITEMS_MAX) {
            p.refusals().add(FieldError.of("request.items", "intake.request.items.tooMany", ITEMS_MAX, r.items().size()));
            return;
        }
        for (int i = 0; i < r.items().size(); i++) {
            ApplicationSubmission.Item item = r.items().get(i);
            String prefix = "request.items[" + i + "].";
            textLabelled(p, prefix + "description", Texts.get("intake.label.item", i + 1,
                    Texts.get("intake.label.item.description")), item == null ? null : item.description(), true,
                    DESCRIPTION_MIN, DESCRIPTION_MAX);
            if (item != null) {
                textLabelled(p, prefix + "documentNumber", Texts.get("intake.label.item", i + 1,
                        Texts.get("intake.label.item.documentNumber")), item.documentNumber(), false, 0, 100);
            }
        }
    }

    /**
     * Checks presence, length and stray control characters; returns whether a value is present. Absent or too
     * short is missing content; too long or control characters is an entry fault.
     */
    private static boolean text(Checked p, String field, String value, boolean required, int min, int max) {
        return textLabelled(p, field, Texts.get("intake.label." + field), value, required, min, max);
    }

    private static boolean textLabelled(Checked p, String field, String label, String value,
                                        boolean required, int min, int max) {
        if (isBlank(value)) {
            if (required) {
                p.missing().add(FieldError.of(field, "intake.text.required", label));
            }
            return false;
        }
        int length = value.strip().codePointCount(0, value.strip().length());
        if (length < min) {
            p.missing().add(FieldError.of(field, "intake.text.tooShort", label, min));
        } else if (length > max) {
            p.refusals().add(FieldError.of(field, "intake.text.tooLong", label, max, length));
        }
        if (CONTROL.matcher(value).find()) {
            p.refusals().add(FieldError.of(field, "intake.text.controlCharacters", label));
        }
        return true;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
