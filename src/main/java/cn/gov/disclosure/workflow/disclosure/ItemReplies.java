package cn.gov.disclosure.workflow.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.items.CaseItem;
import cn.gov.disclosure.items.CaseItems;
import cn.gov.disclosure.items.ItemDecision;
import cn.gov.disclosure.items.MixedItemsRule;
import cn.gov.disclosure.items.SearchRecord;
import cn.gov.disclosure.notice.NoticeIncompleteException;
import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.notice.ReplyDraft;

/**
 * The reply as decided item by item (issue 13). A case with one open item is decided in the 拟定答复意见 form as
 * before; the form's decision (and search record) is stored as that item's. A case with several open items is
 * decided on the staff page linked from the form ({@code /staff/cases/{caseNo}/items}); the case-level reply
 * type then follows from the items ({@code disclosure.report.mixed-items}).
 */
@Component
class ItemReplies {

    private final CaseItems items;
    private final ReplyCatalogue catalogue;

    ItemReplies(CaseItems items, ReplyCatalogue catalogue) {
        this.items = items;
        this.catalogue = catalogue;
    }

    /** Stores the form's decision on a single-item case; does nothing for several items (decided on the page). */
    void storeFormDecision(VariableScope vars, String caseNo, String actor) {
        List<CaseItem> open = items.open(caseNo);
        if (open.size() != 1) {
            return;
        }
        int no = open.get(0).no();
        ReplyDraft form = ReplyDrafts.from(vars, catalogue);
        try {
            items.decide(caseNo, no, new ItemDecision(form.replyType(), form.reasonCodes(), form.reasoning(),
                    form.details(), form.referralAgency(), form.referralContact(), actor, null), actor);
            String places = DisclosureVars.SEARCH_PLACES.text(vars);
            String keywords = DisclosureVars.SEARCH_KEYWORDS.text(vars);
            String on = DisclosureVars.SEARCHED_ON.text(vars);
            String by = DisclosureVars.SEARCHED_BY.text(vars);
            if (!blank(places) || !blank(keywords) || !blank(on) || !blank(by)) {
                items.recordSearch(caseNo, no, new SearchRecord(places, keywords, date(on, no), by), actor);
            }
        } catch (InvalidInputException e) {
            throw new NoticeIncompleteException(e.errors().stream().map(FieldError::message).toList());
        }
    }

    /**
     * The reply to send: the form's for a single item, else every open item with its decision.
     *
     * @throws NoticeIncompleteException naming each item still undecided or without its search record
     */
    ReplyDraft draft(VariableScope vars, String caseNo) {
        List<String> problems = items.problemsBeforeReply(caseNo);
        if (!problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        List<CaseItem> open = items.open(caseNo);
        if (open.size() == 1) {
            ReplyDraft form = ReplyDrafts.from(vars, catalogue);
            CaseItem only = open.get(0);
            if (only.search() == null || !items.searchRecordRequired(only.replyType())) {
                return form;
            }
            // The notice says briefly what was searched; a single item answers as before, plus that line.
            return new ReplyDraft(form.replyType(), form.reasonCodes(), form.reasoning(), form.details(),
                    form.referralAgency(), form.referralContact(), List.of(item(only)));
        }
        MixedItemsRule.CaseOutcome outcome = items.outcome(caseNo);
        return new ReplyDraft(outcome.replyType(), outcome.reasonCodes(), null, null, null, null,
                open.stream().map(this::item).toList());
    }

    /**
     * The outcome to record on the case: the items' for a case of several decided items; otherwise the process
     * variables', which also carry the outcomes the process itself reaches (no correction, fee not paid). Those
     * become the outcome of every item not decided.
     */
    ReplyDraft recorded(VariableScope vars, String caseNo, String actor) {
        if (items.open(caseNo).size() > 1 && items.problemsBeforeReply(caseNo).isEmpty()) {
            MixedItemsRule.CaseOutcome outcome = items.outcome(caseNo);
            return new ReplyDraft(outcome.replyType(), outcome.reasonCodes(), null, null, null, null);
        }
        ReplyDraft draft = ReplyDrafts.from(vars, catalogue);
        catalogue.type(draft.replyType()).filter(t -> !t.selectable())
                .ifPresent(t -> items.closeUndecided(caseNo, t.code(), actor));
        return draft;
    }

    /** Whether some open item needs legal review (every refusal, not-held, not-processed item does). */
    boolean needsLegalReview(String caseNo) {
        return items.open(caseNo).stream().map(i -> catalogue.type(i.replyType()))
                .anyMatch(t -> t.map(ReplyCatalogue.ReplyType::legalReview).orElse(false));
    }

    boolean needsSecrecyReview(String caseNo) {
        return items.open(caseNo).stream().map(i -> catalogue.type(i.replyType()))
                .anyMatch(t -> t.map(ReplyCatalogue.ReplyType::secrecyReview).orElse(false));
    }

    /** The whole set as the legal officer reads it in Tasklist, one item per paragraph. */
    String text(String caseNo) {
        List<String> lines = new ArrayList<>();
        for (CaseItem i : items.open(caseNo)) {
            ItemDecision d = i.decision();
            String type = d == null ? "" : catalogue.type(d.replyType()).map(t -> t.label() + "（"
                    + String.join("、", t.articles()) + "）").orElse(d.replyType());
            String grounds = d == null || d.reasonCodes().isEmpty() ? "" : Texts.get("workflow.items.grounds",
                    d.reasonCodes().stream()
                            .map(r -> catalogue.reason(r).map(x -> x.label() + "（" + x.article() + "）").orElse(r))
                            .collect(Collectors.joining("、")));
            lines.add(Texts.get("workflow.items.line", i.no(), i.description(), type, grounds,
                    d == null || d.reasoning() == null ? "" : d.reasoning(),
                    i.search() == null ? "" : Texts.get("workflow.items.search", CaseItems.searchSummary(i.search()))));
        }
        return String.join("\n\n", lines);
    }

    private ReplyDraft.Item item(CaseItem i) {
        ItemDecision d = i.decision();
        String search = items.searchRecordRequired(d.replyType()) ? CaseItems.searchSummary(i.search()) : null;
        return new ReplyDraft.Item(i.no(), i.description(), d.replyType(), d.reasonCodes(), d.reasoning(),
                d.details(), d.referralAgency(), d.referralContact(), search);
    }

    /** A fingerprint of everything the reply says, to notice a change after it was checked and reviewed. */
    static String digest(ReplyDraft draft) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(draft.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String text, int no) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip().length() >= 10 ? text.strip().substring(0, 10) : text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of(DisclosureVars.SEARCHED_ON.name(), "workflow.items.dateFormat", no));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
