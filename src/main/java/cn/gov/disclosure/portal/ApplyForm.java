package cn.gov.disclosure.portal;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.intake.ApplicationSubmission;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;

import java.util.ArrayList;
import java.util.List;

/** The fields of the web application form, as typed (bound by Spring MVC, shown back on errors). */
public class ApplyForm {

    private String applicantType = "NATURAL_PERSON";
    private String name;
    private String idType = "RESIDENT_ID_CARD";
    private String idNumber;
    private String contactPerson;
    private String phone;
    private String email;
    private String address;
    private String postalCode;
    private String description;
    private String documentNumber;
    private String form = "ELECTRONIC";
    private String delivery = "EMAIL";
    private String feeWaiverReason;
    /** Items 2, 3, … (item 1 is description and documentNumber, as before items existed). */
    private List<ItemRow> more = new ArrayList<>();

    /** One more requested item row of the page. */
    public static class ItemRow {
        private String description;
        private String documentNumber;

        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getDocumentNumber() { return documentNumber; }
        public void setDocumentNumber(String v) { documentNumber = v; }

        boolean blank() {
            return (description == null || description.isBlank()) && (documentNumber == null || documentNumber.isBlank());
        }
    }

    public ApplicationSubmission toSubmission() {
        List<ItemRow> extra = more.stream().filter(r -> r != null && !r.blank()).toList();
        ApplicationSubmission.Request request;
        if (extra.isEmpty()) {
            request = new ApplicationSubmission.Request(description, documentNumber, parse(InformationForm.class, form),
                    parse(Delivery.class, delivery), feeWaiverReason);
        } else {
            // Rows left empty are dropped; the others are numbered in the order shown.
            List<ApplicationSubmission.Item> items = new ArrayList<>();
            items.add(new ApplicationSubmission.Item(description, documentNumber));
            extra.forEach(r -> items.add(new ApplicationSubmission.Item(r.getDescription(), r.getDocumentNumber())));
            request = new ApplicationSubmission.Request(null, null, parse(InformationForm.class, form),
                    parse(Delivery.class, delivery), feeWaiverReason, items);
        }
        return new ApplicationSubmission(Channel.ONLINE, null,
                new ApplicationSubmission.Applicant(parse(ApplicantType.class, applicantType), name,
                        parse(IdType.class, idType), idNumber, contactPerson, phone, email, address, postalCode),
                request, false);
    }

    /** Adds an empty row (the page's 增加一项 button). */
    void addRow() {
        more.add(new ItemRow());
    }

    /** Removes item {@code no} (2-based: item 1 cannot be removed, only emptied); the rows below move up. */
    void removeRow(int no) {
        if (no >= 2 && no - 2 < more.size()) {
            more.remove(no - 2);
        }
    }

    /** Rows without any text are dropped before the page is shown again, so numbers match what is sent. */
    void dropBlankRows() {
        more.removeIf(r -> r == null || r.blank());
    }

    /** How many item rows the page shows. */
    public int rows() {
        return 1 + more.size();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getApplicantType() { return applicantType; }
    public void setApplicantType(String v) { applicantType = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getIdType() { return idType; }
    public void setIdType(String v) { idType = v; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String v) { idNumber = v; }
    public String getContactPerson() { return contactPerson; }
    public void setContactPerson(String v) { contactPerson = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v; }
    public String getForm() { return form; }
    public void setForm(String v) { form = v; }
    public String getDelivery() { return delivery; }
    public void setDelivery(String v) { delivery = v; }
    public List<ItemRow> getMore() { return more; }
    public void setMore(List<ItemRow> v) { more = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public String getFeeWaiverReason() { return feeWaiverReason; }
    public void setFeeWaiverReason(String v) { feeWaiverReason = v; }
}
