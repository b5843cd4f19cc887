package cn.gov.disclosure.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.Texts;

/**
 * 不拒收: a letter, fax or walk-in that lacks Art. 29 content is registered all the same. This class turns the
 * validator's content problems into the list of items the correction notice asks for (Art. 30), fills the
 * case's required columns with visible stand-ins (never a guess presented as the applicant's word), and
 * records both on the case. Read by the engine side as the event {@link #EVENT} (field {@link #FIELD}).
 */
public final class MissingContent {

    /** Case event type and field holding the items, one per line. */
    public static final String EVENT = "MISSING_ITEMS";
    public static final String FIELD = "missingItems";

    private MissingContent() {
    }

    /** The items in the order found, each once; an unusable contact detail is quoted so the clerk can see it. */
    static List<String> items(List<FieldError> missing, ApplicationSubmission s) {
        Set<String> items = new LinkedHashSet<>();
        ApplicationSubmission.Applicant a = s == null ? null : s.applicant();
        for (FieldError e : missing) {
            String written = a == null ? null : switch (e.field()) {
                case "applicant.email" -> ApplicationValidator.isBlank(a.email()) || ApplicationValidator.isEmail(a.email())
                        ? null : a.email();
                case "applicant.phone" -> a.phone();
                case "applicant.postalCode" -> a.postalCode();
                default -> null;
            };
            items.add(written == null ? e.message() : Texts.get("intake.missing.asWritten", e.message(), written));
        }
        return new ArrayList<>(items);
    }

    /**
     * The case as stored while content is missing: unusable contact details left out (they stay quoted in the
     * items), stand-ins for an absent name, identity or description, and a form and delivery that can reach the
     * applicant: the applicant's choice where it can be carried out, else e-mail, post to the address given, or
     * collection at the office when there is no contact at all.
     */
    static ApplicationCase provisionalDraft(ApplicationSubmission s, LocalDate receivedOn, LocalDate dueOn) {
        ApplicationSubmission.Applicant a = s.applicant();
        ApplicationSubmission.Request q = s.request() != null ? s.request()
                : new ApplicationSubmission.Request(null, null, null, null, null);
        String email = ApplicationValidator.isEmail(a.email()) ? a.email() : null;
        String phone = ApplicationValidator.isPhone(a.phone()) ? a.phone() : null;
        String postalCode = ApplicationValidator.isPostalCode(a.postalCode()) ? a.postalCode() : null;
        String address = ApplicationValidator.isBlank(a.address()) ? null : a.address();
        String name = ApplicationValidator.isBlank(a.name()) ? Texts.get("intake.missing.standIn.name") : a.name();
        IdType idType = a.idType() == null ? IdType.OTHER : a.idType();
        String idNumber = ApplicationValidator.isBlank(a.idNumber()) ? "" : a.idNumber();
        String description = ApplicationValidator.isBlank(q.description())
                ? Texts.get("intake.missing.standIn.description") : q.description();
        InformationForm form = q.form() != null ? q.form() : email != null ? InformationForm.ELECTRONIC
                : InformationForm.PAPER;
        return new ApplicationCase(0, null, s.channel(), receivedOn, a.type(), name, idType, idNumber,
                a.contactPerson(), phone, email, address, postalCode, description, q.documentNumber(), form,
                deliveryFor(q.delivery(), email, address), q.feeWaiverReason(), Boolean.TRUE.equals(s.filledInByStaff()),
                CaseStatus.RECEIVED, dueOn, null, null, null, null);
    }

    /** The applicant's choice if it can be carried out; otherwise e-mail, post, or collection, in that order. */
    static Delivery deliveryFor(Delivery chosen, String email, String address) {
        if (chosen == Delivery.PICKUP || (chosen == Delivery.POST && address != null)
                || ((chosen == Delivery.EMAIL || chosen == Delivery.ONLINE) && email != null)) {
            return chosen;
        }
        if (chosen == null && email != null) {
            return Delivery.EMAIL;
        }
        return address != null ? Delivery.POST : email != null ? Delivery.EMAIL : Delivery.PICKUP;
    }

    /** Records the items, and a delivery other than the one asked for, as case events of the registration. */
    static void record(CaseFileService caseFiles, ApplicationCase c, ApplicationSubmission s, List<String> items,
                       String actor) {
        caseFiles.recordEvent(c.caseNo(), EVENT, FIELD, null, String.join("\n", items), actor,
                Texts.get("intake.missing.event", items.size()));
        Delivery chosen = s.request() == null ? null : s.request().delivery();
        if (chosen != c.delivery()) {
            caseFiles.recordEvent(c.caseNo(), "DELIVERY_CHANGED", "delivery", chosen == null ? null : chosen.name(),
                    c.delivery().name(), actor, Texts.get("intake.missing.delivery", c.delivery().label()));
        }
    }
}
