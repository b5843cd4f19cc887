package cn.gov.disclosure.delivery;

import java.util.List;

/**
 * The records released to the applicant (files of a disclosure, redacted where needed), as PDFs, in the order
 * they go into the print package posted with the reply. Implemented by the records feature; without it the
 * package holds the notices only.
 */
public interface ReleasedRecords {

    List<byte[]> pdfsFor(String caseNo);

    /** Nothing released (the default while no records feature is present). */
    ReleasedRecords NONE = caseNo -> List.of();
}
