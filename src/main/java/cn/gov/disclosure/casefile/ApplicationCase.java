package cn.gov.disclosure.casefile;

import java.time.Instant;
import java.time.LocalDate;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.IdentityNumbers;
import cn.gov.disclosure.casefile.InformationForm;

/** One application (申请) as stored in {@code application_case}. */
public record ApplicationCase(
        long id,
        String caseNo,
        Channel channel,
        LocalDate receivedOn,
        ApplicantType applicantType,
        String applicantName,
        IdType idType,
        String idNumber,
        String contactPerson,
        String phone,
        String email,
        String address,
        String postalCode,
        String description,
        String documentNumber,
        InformationForm form,
        Delivery delivery,
        String feeWaiverReason,
        boolean filledInByStaff,
        CaseStatus status,
        LocalDate dueOn,
        String replyType,
        LocalDate repliedOn,
        Instant createdAt,
        String createdBy) {

    /** The identity number as lists and logs may show it. */
    public String maskedIdNumber() {
        return IdentityNumbers.mask(idNumber);
    }

    @Override
    public String toString() {
        // Never let the full identity number reach a log through string concatenation.
        return "ApplicationCase[" + caseNo + ", " + applicantType + ", id=" + maskedIdNumber() + ", " + status + "]";
    }
}
