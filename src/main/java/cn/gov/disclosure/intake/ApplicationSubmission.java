package cn.gov.disclosure.intake;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.IdentityNumbers;
import cn.gov.disclosure.casefile.InformationForm;

import java.time.LocalDate;
import java.util.List;

import cn.gov.disclosure.items.ItemRequest;

/** The JSON body of {@code POST /api/applications} (DESIGN.md). Validated by {@link ApplicationValidator}. */
public record ApplicationSubmission(Channel channel, LocalDate receivedOn, Applicant applicant, Request request,
                                    Boolean filledInByStaff) {

    /** The same submission with text trimmed, radicals replaced and the identity number upper-cased. */
    public ApplicationSubmission normalized() {
        Applicant a = applicant == null ? null : new Applicant(applicant.type(), TextNormalizer.clean(applicant.name()),
                applicant.idType(), TextNormalizer.upper(applicant.idNumber()),
                TextNormalizer.clean(applicant.contactPerson()), TextNormalizer.clean(applicant.phone()),
                TextNormalizer.clean(applicant.email()), TextNormalizer.clean(applicant.address()),
                TextNormalizer.clean(applicant.postalCode()));
        Request r = request == null ? null : new Request(TextNormalizer.clean(request.description()),
                TextNormalizer.clean(request.documentNumber()), request.form(), request.delivery(),
                TextNormalizer.clean(request.feeWaiverReason()), request.items() == null ? null
                        : request.items().stream().map(i -> i == null ? null : new Item(
                                TextNormalizer.clean(i.description()), TextNormalizer.clean(i.documentNumber())))
                        .toList());
        return new ApplicationSubmission(channel, receivedOn, a, r, filledInByStaff);
    }

    public record Applicant(ApplicantType type, String name, IdType idType, String idNumber, String contactPerson,
                            String phone, String email, String address, String postalCode) {

        /** Masked: Spring MVC logs request bodies with toString at DEBUG/TRACE. */
        @Override
        public String toString() {
            return "Applicant[" + type + ", " + idType + ", id=" + IdentityNumbers.mask(idNumber) + "]";
        }
    }

    /**
     * {@code items}: 1–30 requested items; without them, {@code description} (and {@code documentNumber}) is the
     * one item, as before items existed.
     */
    public record Request(String description, String documentNumber, InformationForm form, Delivery delivery,
                         String feeWaiverReason, List<Item> items) {

        public Request(String description, String documentNumber, InformationForm form, Delivery delivery,
                       String feeWaiverReason) {
            this(description, documentNumber, form, delivery, feeWaiverReason, null);
        }

        /** Whether the applicant listed items rather than one description. */
        public boolean itemized() {
            return items != null && !items.isEmpty();
        }

        /** The requested items in order: the listed ones, or the description as the only one. */
        public List<ItemRequest> itemRequests() {
            if (!itemized()) {
                return List.of(new ItemRequest(description, documentNumber));
            }
            return items.stream().map(i -> new ItemRequest(i.description(), i.documentNumber())).toList();
        }
    }

    /** One requested item: {@code {"description": "...", "documentNumber": null}}. */
    public record Item(String description, String documentNumber) {
    }
}
