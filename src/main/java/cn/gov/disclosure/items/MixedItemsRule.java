package cn.gov.disclosure.items;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.gov.disclosure.notice.ReplyCatalogue;

/**
 * How one case-level outcome follows from items that ended differently. The case-level reply type is what the
 * rest of the system counts: the annual report (one application, one 件, one row), the clocks and the notices'
 * remedies. Items that all end alike give that outcome under every rule.
 * Set with {@code disclosure.report.mixed-items}.
 */
public enum MixedItemsRule {

    /**
     * Default. Something provided (an item 予以公开, 已主动公开 or 部分公开) and something withheld, not held or not
     * processed: the application was answered in part, so it counts as 部分公开 — the national format counts a
     * separated (区分处理) application there. Nothing provided: the outcome that comes first in the catalogue,
     * which follows the order of Table 3 (不予公开 before 无法提供 before 不予处理 before 其他处理).
     */
    PARTIAL_IF_ANY_PROVIDED,

    /** The outcome of the applicant's first remaining item decides (the 主要诉求 reading some offices use). */
    FIRST_ITEM;

    /** A case-level reply type and the withholding grounds counted for it, in item order. */
    public record CaseOutcome(String replyType, List<String> reasonCodes) {
    }

    /**
     * @param decisions the decisions of the open items, in item order (none may be null)
     */
    public CaseOutcome derive(List<ItemDecision> decisions, ReplyCatalogue catalogue) {
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("No decided item");
        }
        Set<String> types = new LinkedHashSet<>();
        decisions.forEach(d -> types.add(d.replyType()));
        String type;
        if (types.size() == 1) {
            type = decisions.get(0).replyType();
        } else if (this == FIRST_ITEM) {
            type = decisions.get(0).replyType();
        } else {
            boolean anyProvided = decisions.stream().anyMatch(d -> provides(catalogue, d.replyType()));
            boolean allProvidedInFull = decisions.stream().allMatch(d -> providesInFull(catalogue, d.replyType()));
            if (anyProvided && !allProvidedInFull) {
                type = "PARTIALLY_DISCLOSED";
            } else {
                // All provided in full (已主动公开 and 予以公开 mixed), or nothing provided: catalogue order, except
                // that 予以公开 outranks 已主动公开 when both occur (something was handed over).
                type = catalogue.types().stream().map(ReplyCatalogue.ReplyType::code)
                        .filter(types::contains)
                        .sorted((a, b) -> Boolean.compare("ALREADY_PUBLIC".equals(a), "ALREADY_PUBLIC".equals(b)))
                        .findFirst().orElseThrow();
            }
        }
        ReplyCatalogue.ReplyType chosen = catalogue.require(type);
        Set<String> reasons = new LinkedHashSet<>();
        for (ItemDecision d : decisions) {
            for (String r : d.reasonCodes()) {
                if (chosen.reasonsAllowed().contains(r)) {
                    reasons.add(r);
                }
            }
        }
        return new CaseOutcome(type, new ArrayList<>(reasons));
    }

    private static boolean provides(ReplyCatalogue catalogue, String type) {
        String row = catalogue.require(type).annualReportRow();
        return "DISCLOSED".equals(row) || "PARTIALLY_DISCLOSED".equals(row);
    }

    private static boolean providesInFull(ReplyCatalogue catalogue, String type) {
        return "DISCLOSED".equals(catalogue.require(type).annualReportRow());
    }
}
