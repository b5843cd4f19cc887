package cn.gov.disclosure.consultation;

/**
 * A consulted party answered outside the clerk's task list (through its one-time link), and the answer is
 * stored. Published inside the answering transaction, so whatever waits for the answer (the clerk's task)
 * follows in the same transaction or not at all.
 */
public record ConsultationAnswered(String caseNo, long consultationId, String partyKind,
                                   ConsultationOutcome outcome, String opinion) {
}
