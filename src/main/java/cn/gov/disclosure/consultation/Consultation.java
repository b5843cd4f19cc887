package cn.gov.disclosure.consultation;

import java.time.Instant;
import java.time.LocalDate;

/** One request for an opinion, to an agency ({@code AGENCY}) or a third party ({@code THIRD_PARTY}). */
public record Consultation(long id, long caseId, String partyKind, String partyCode, String partyName,
                           String partyEmail, String partyAddress, String information, LocalDate sentOn,
                           LocalDate answerBy, ConsultationOutcome outcome, String opinion, Instant answeredAt,
                           String answeredBy, boolean tokenUsed, LocalDate letterReceivedOn,
                           LetterReceipt receiptSource) {

    public static final String AGENCY = "AGENCY";
    public static final String THIRD_PARTY = "THIRD_PARTY";

    public boolean answered() {
        return outcome != null;
    }
}
