package cn.gov.disclosure.items;

import java.util.List;

/**
 * One requested item of a case, identified by case number and item number (1-based, stable: a split or merge
 * retires items and appends new numbers, it never renumbers). {@code decision} and {@code search} are null
 * until the clerk records them; {@code replacedBy} names the items that took over a retired one, and
 * {@code derivedFrom} the items a split or merge made this one from.
 */
public record CaseItem(String caseNo, int no, String description, String documentNumber, ItemState state,
                       List<Integer> replacedBy, List<Integer> derivedFrom, ItemDecision decision,
                       SearchRecord search) {

    public CaseItem {
        replacedBy = replacedBy == null ? List.of() : List.copyOf(replacedBy);
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
    }

    public boolean open() {
        return state == ItemState.OPEN;
    }

    public String replyType() {
        return decision == null ? null : decision.replyType();
    }
}
