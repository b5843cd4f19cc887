package cn.gov.disclosure.records;

import java.time.Instant;

/** A responsive record as uploaded (its content is read separately; the original is staff-only). */
public record RecordFile(long id, String caseNo, int itemNo, String fileName, RecordKind kind, String mediaType,
                         long sizeBytes, String sha256, Integer pages, boolean internalOnly, String withheldGround,
                         String uploadedBy, Instant uploadedAt) {
}
