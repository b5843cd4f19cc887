package cn.gov.disclosure.intake;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.IdentityNumbers;
import cn.gov.disclosure.casefile.InformationForm;

import java.time.LocalDate;

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
                TextNormalizer.clean(request.feeWaiverReason()));
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

    public record Request(String description, String documentNumber, InformationForm form, Delivery delivery,
                         String feeWaiverReason) {
    }
}
