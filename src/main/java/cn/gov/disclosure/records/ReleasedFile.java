package cn.gov.disclosure.records;

/**
 * A file that went to the applicant with the reply: item, name, pages (null for office files), SHA-256, size, the
 * media type of the released copy, content.
 */
public record ReleasedFile(int itemNo, String name, Integer pages, String sha256, long sizeBytes, String mediaType,
                           byte[] bytes) {

    /** A PDF copy can be printed; an office file released as its original cannot be merged into a print package. */
    public boolean printable() {
        return "application/pdf".equals(mediaType);
    }
}
