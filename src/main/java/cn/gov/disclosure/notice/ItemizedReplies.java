package cn.gov.disclosure.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.common.Texts;

/**
 * A reply to several requested items (issue 13): one notice that answers every item with its own outcome,
 * grounds, articles and reasoning. Each item is checked as if it were a reply of its own, so the law's
 * requirements (grounds for a refusal, the agency for a referral, what is provided) hold per item; the remedies
 * follow the strictest item (reconsideration first as soon as one item needs it).
 */
final class ItemizedReplies {

    private ItemizedReplies() {
    }

    static List<String> checkDraft(NoticeChecker checker, ApplicationCase c, ReplyDraft draft) {
        Set<String> problems = new LinkedHashSet<>();
        for (ReplyDraft.Item item : draft.items()) {
            List<String> own = checker.checkDraft(c, item.asDraft());
            List<String> general = checker.checkDraft(c, new ReplyDraft("DISCLOSED", List.of(), null, null, null, null));
            for (String p : own) {
                // Problems of the case (agency profile) once, without an item number.
                problems.add(general.contains(p) ? p : Texts.get("notice.items.problem", item.no(), p));
            }
        }
        return new ArrayList<>(problems);
    }

    static List<String> checkRendered(NoticeChecker checker, ReplyCatalogue catalogue, String text, ApplicationCase c,
                                      ReplyDraft draft, String issuedOnText) {
        boolean reconsiderationFirst = reconsiderationFirst(draft, catalogue);
        Set<String> problems = new LinkedHashSet<>();
        for (ReplyDraft.Item item : draft.items()) {
            ReplyCatalogue.ReplyType t = catalogue.require(item.replyType());
            // The remedies paragraph is the notice's, not the item's.
            ReplyCatalogue.ReplyType asRendered = new ReplyCatalogue.ReplyType(t.code(), t.label(), t.articles(),
                    t.decision(), t.detailsLabel(), t.detailsRequired(), t.legalReview(), t.reasonsAllowed(),
                    t.reasonsRequired(), t.referral(), reconsiderationFirst, t.annualReportRow(), t.selectable(),
                    t.secrecyReview());
            problems.addAll(checker.checkRenderedText(text, c, asRendered, item.asDraft(), issuedOnText));
        }
        return new ArrayList<>(problems);
    }

    static boolean reconsiderationFirst(ReplyDraft draft, ReplyCatalogue catalogue) {
        return draft.items().stream().map(i -> catalogue.type(i.replyType())).flatMap(Optional::stream)
                .anyMatch(ReplyCatalogue.ReplyType::reconsiderationFirst);
    }

    /** The template's item list (templates/notices/item-list.html). */
    static void addTo(Map<String, Object> model, ReplyDraft draft, ReplyCatalogue catalogue, String deliveryText) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReplyDraft.Item item : draft.items()) {
            ReplyCatalogue.ReplyType t = catalogue.require(item.replyType());
            Map<String, Object> m = new HashMap<>();
            m.put("no", item.no());
            m.put("description", item.description());
            m.put("type", t);
            m.put("reasons", item.reasonCodes().stream().map(catalogue::reason).flatMap(Optional::stream).toList());
            m.put("reasoning", blankToNull(item.reasoning()));
            m.put("details", t.detailsLabel() == null ? null : blankToNull(item.details()));
            m.put("detailsLabel", t.detailsLabel());
            m.put("deliveryText", "DISCLOSED".equals(t.code()) ? deliveryText : null);
            m.put("referralAgency", t.referral() ? blankToNull(item.referralAgency()) : null);
            m.put("referralContact", t.referral() ? blankToNull(item.referralContact()) : null);
            m.put("searchSummary", blankToNull(item.searchSummary()));
            items.add(m);
        }
        model.put("items", items);
        model.put("reconsiderationFirst", reconsiderationFirst(draft, catalogue));
        // The case-level decision, grounds and details are not printed: each item carries its own.
        model.put("reasons", List.of());
        model.put("details", null);
        model.put("deliveryText", null);
        model.put("referralAgency", null);
        model.put("reasoning", null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
