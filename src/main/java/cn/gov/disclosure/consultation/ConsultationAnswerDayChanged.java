package cn.gov.disclosure.consultation;

import java.time.LocalDate;

/** A letter's receipt day was recorded and its answer day moved: whatever waits for the answer follows. */
public record ConsultationAnswerDayChanged(String caseNo, long consultationId, String partyKind,
                                           LocalDate answerBy) {
}
