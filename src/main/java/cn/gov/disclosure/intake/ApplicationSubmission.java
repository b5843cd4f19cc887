package cn.gov.disclosure.intake;

import java.time.LocalDate;

/** The JSON body of {@code POST /api/applications} (DESIGN.md). Validated by {@link ApplicationValidator}. */
public record ApplicationSubmission(Channel channel, LocalDate receivedOn, Applicant applicant, Request request,
                                    Boolean filledInByStaff) {

    public record Applicant(ApplicantType type, String name, IdType idType, String idNumber, String contactPerson,
                            String phone, String email, String address, String postalCode) {
    }

    public record Request(String description, String documentNumber, InformationForm form, Delivery delivery,
                         String feeWaiverReason) {
    }
}
