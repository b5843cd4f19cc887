package cn.gov.disclosure.consultation;

import java.time.LocalDate;

/** A consultation letter that went out: the consultation it opened, to whom, the answer day and the PDF. */
public record ConsultationLetter(long consultationId, String party, LocalDate answerBy, long noticeId) {
}
