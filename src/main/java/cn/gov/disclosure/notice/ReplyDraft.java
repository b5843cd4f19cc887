package cn.gov.disclosure.notice;

import java.util.List;

/**
 * What the clerk decided for a reply: the type, the grounds chosen for withholding, their own reasoning
 * (说理), what is provided, and where to turn instead (Art. 36(5)). A reply to several requested items carries
 * each item's own decision in {@code items}; the case-level fields then hold the outcome that follows from them
 * (items/MixedItemsRule) and the notice lists every item.
 */
public record ReplyDraft(String replyType, List<String> reasonCodes, String reasoning, String details,
                         String referralAgency, String referralContact, List<Item> items) {

    public ReplyDraft {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A reply to one request, as before items existed. */
    public ReplyDraft(String replyType, List<String> reasonCodes, String reasoning, String details,
                      String referralAgency, String referralContact) {
        this(replyType, reasonCodes, reasoning, details, referralAgency, referralContact, List.of());
    }

    /** Whether the notice answers item by item. */
    public boolean itemized() {
        return !items.isEmpty();
    }

    /**
     * One requested item and its decision. {@code searchSummary}: a line on where and how it was searched
     * (for 本机关不掌握), or null.
     */
    public record Item(int no, String description, String replyType, List<String> reasonCodes, String reasoning,
                       String details, String referralAgency, String referralContact, String searchSummary) {

        public Item {
            reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        }

        /** The item's decision as a reply of its own, for the checker. */
        public ReplyDraft asDraft() {
            return new ReplyDraft(replyType, reasonCodes, reasoning, details, referralAgency, referralContact);
        }
    }
}
