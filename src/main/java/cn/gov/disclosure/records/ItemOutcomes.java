package cn.gov.disclosure.records;

import java.util.Optional;

/**
 * Port: the decided outcome (reply type code of the catalogue) of one requested item of a case, empty while
 * undecided. Implemented at the engine edge; the items feature supplies per-item outcomes once it is joined.
 */
public interface ItemOutcomes {

    Optional<String> outcome(String caseNo, int itemNo);
}
