package cn.gov.disclosure.items;

import java.time.Instant;
import java.util.List;

/**
 * The clerk's decision on one item: a reply type of the catalogue, the withholding grounds, the reasoning (说理),
 * what is provided, and where to turn instead (Art. 36(5)).
 */
public record ItemDecision(String replyType, List<String> reasonCodes, String reasoning, String details,
                           String referralAgency, String referralContact, String decidedBy, Instant decidedAt) {

    public ItemDecision {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    }
}
