package cn.gov.disclosure.notice;

import java.util.List;

/**
 * What the clerk decided for a reply: the type, the grounds chosen for withholding, their own reasoning
 * (说理), what is provided, and where to turn instead (Art. 36(5)).
 */
public record ReplyDraft(String replyType, List<String> reasonCodes, String reasoning, String details,
                         String referralAgency, String referralContact) {

    public ReplyDraft {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    }
}
