package cn.gov.disclosure.items;

/** One requested item as the applicant gave it: a description and, where known, the document number (文号). */
public record ItemRequest(String description, String documentNumber) {
}
