package cn.gov.disclosure.notice;

import java.time.LocalDate;

/** A notice as listed (without its PDF bytes). */
public record Notice(long id, long caseId, String type, String title, LocalDate issuedOn) {
}
