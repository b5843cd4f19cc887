package cn.gov.disclosure.delivery;

import java.util.List;

/**
 * The records released to the applicant with one notice (copies, redacted where needed — never the originals), as
 * PDFs in the order they go into the print package posted or handed over with the reply. Implemented by the records
 * feature; without it the package holds the notice only.
 */
public interface ReleasedRecords {

    /**
     * What goes into the envelope with the notice.
     *
     * @param files how many released files (each counted once, also one that cannot be printed)
     * @param pdfs  the PDFs to print after the notice: each printable copy, then a sheet listing the files kept in
     *              their original format (name, SHA-256, how the applicant obtains them)
     */
    record Enclosure(int files, List<byte[]> pdfs) {

        public static final Enclosure EMPTY = new Enclosure(0, List.of());
    }

    Enclosure forNotice(String caseNo, long noticeId);

    /** Nothing released (the default while no records feature is present). */
    ReleasedRecords NONE = (caseNo, noticeId) -> Enclosure.EMPTY;
}
