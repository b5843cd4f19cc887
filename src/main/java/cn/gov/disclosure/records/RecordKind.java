package cn.gov.disclosure.records;

/** What an uploaded record is, by its bytes. */
public enum RecordKind {
    /** Released as a PDF, redacted when it has cuts. */
    PDF,
    /** PNG or JPEG: converted to PDF for release (which also drops its EXIF data). */
    IMAGE,
    /** Word, Excel, PowerPoint or OpenDocument file: kept and released as the original; cannot be cut. */
    OFFICE
}
