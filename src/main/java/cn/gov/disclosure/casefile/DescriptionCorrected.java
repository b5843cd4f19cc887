package cn.gov.disclosure.casefile;

/** Published when a correction (Art. 30) replaced a case's description, in the same transaction. */
public record DescriptionCorrected(String caseNo, String description) {
}
