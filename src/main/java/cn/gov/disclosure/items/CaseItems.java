package cn.gov.disclosure.items;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.NotFoundException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.notice.ReplyCatalogue;

/**
 * The requested items of a case (issue 13): stored at intake, split or merged by staff during review, each
 * decided on its own with its search record (检索记录), and the case-level outcome that follows from them.
 * Items are identified by case number and item number; see {@link CaseItem} for the numbering rule. Every change
 * is a case event with old and new values.
 */
@Service
public class CaseItems {

    public static final int DESCRIPTION_MIN = 5;
    public static final int DESCRIPTION_MAX = 2000;

    private final CaseItemRepository items;
    private final CaseFileService caseFiles;
    private final ReplyCatalogue catalogue;
    private final Clock clock;
    private final int maxItems;
    private final Set<String> searchRequiredFor;
    private final MixedItemsRule mixedRule;
    private ObjectProvider<ItemFiles> files;

    public CaseItems(CaseItemRepository items, CaseFileService caseFiles, ReplyCatalogue catalogue, Clock clock,
                     @Value("${disclosure.items.max:30}") int maxItems,
                     @Value("${disclosure.items.search-record-required-for:NOT_HELD}") List<String> searchRequiredFor,
                     @Value("${disclosure.report.mixed-items:PARTIAL_IF_ANY_PROVIDED}") MixedItemsRule mixedRule) {
        this.items = items;
        this.caseFiles = caseFiles;
        this.catalogue = catalogue;
        this.clock = clock;
        this.maxItems = maxItems;
        this.searchRequiredFor = Set.copyOf(searchRequiredFor);
        this.mixedRule = mixedRule;
    }

    /** The records feature's files per item (looked up late: that feature itself asks which items are open). */
    @org.springframework.beans.factory.annotation.Autowired
    void setFiles(ObjectProvider<ItemFiles> files) {
        this.files = files;
    }

    private ItemFiles files() {
        return files == null ? ItemFiles.NONE : files.getIfAvailable(() -> ItemFiles.NONE);
    }

    public int maxItems() {
        return maxItems;
    }

    public MixedItemsRule mixedRule() {
        return mixedRule;
    }

    /** Whether a reply of this type needs a search record for the item first. */
    public boolean searchRecordRequired(String replyType) {
        return replyType != null && searchRequiredFor.contains(replyType);
    }

    /** Stores the items of a newly registered case, numbered 1..n in the applicant's order (caller's transaction). */
    @Transactional
    public void create(String caseNo, List<ItemRequest> requested, String actor) {
        ApplicationCase c = caseFiles.get(caseNo);
        int no = 1;
        for (ItemRequest r : requested) {
            items.insert(c.id(), no++, r.description(), r.documentNumber(), List.of(), clock.instant());
        }
        if (requested.size() > 1) {
            caseFiles.recordEvent(caseNo, "ITEMS_RECEIVED", "items", null, String.valueOf(requested.size()), actor,
                    Texts.get("items.event.received", requested.size()));
        }
    }

    /** Every item of the case, retired ones included, by number. */
    public List<CaseItem> list(String caseNo) {
        ApplicationCase c = caseFiles.find(caseNo).orElseThrow(NotFoundException::new);
        return items.list(c.id(), c.caseNo());
    }

    /** The items the reply answers. */
    public List<CaseItem> open(String caseNo) {
        return list(caseNo).stream().filter(CaseItem::open).toList();
    }

    public Optional<CaseItem> find(String caseNo, int no) {
        return list(caseNo).stream().filter(i -> i.no() == no).findFirst();
    }

    /**
     * 拆分: replaces a vague item by two or more precise ones, numbered after the highest number in use.
     *
     * @return the new item numbers
     */
    @Transactional
    public List<Integer> split(String caseNo, int no, List<ItemRequest> parts, String actor) {
        ApplicationCase c = changeable(caseNo);
        items.lockCase(c.id());
        List<CaseItem> all = items.list(c.id(), caseNo);
        CaseItem item = openItem(all, no);
        List<FieldError> errors = new ArrayList<>();
        // Which found file answers which part only the clerk knows: refuse rather than guess, naming the files.
        List<String> attached = files().names(caseNo, no);
        if (!attached.isEmpty()) {
            errors.add(FieldError.of("itemNo", "items.split.hasFiles", no, attached.size(),
                    String.join(Texts.get("items.listSeparator"), attached)));
        }
        if (parts == null || parts.size() < 2) {
            errors.add(FieldError.of("parts", "items.split.tooFew"));
        } else {
            for (int i = 0; i < parts.size(); i++) {
                checkDescription(errors, "parts[" + i + "].description", Texts.get("items.label.part", i + 1),
                        parts.get(i).description());
            }
            long open = all.stream().filter(CaseItem::open).count();
            if (open - 1 + parts.size() > maxItems) {
                errors.add(FieldError.of("parts", "items.tooMany", maxItems));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int next = all.stream().mapToInt(CaseItem::no).max().orElse(0) + 1;
        List<Integer> created = new ArrayList<>();
        for (ItemRequest p : parts) {
            items.insert(c.id(), next, p.description().strip(), blankToNull(p.documentNumber()), List.of(no),
                    clock.instant());
            created.add(next++);
        }
        items.retire(c.id(), no, ItemState.SPLIT, created);
        String newValue = created.stream().map(n -> Texts.get("items.numbered", n,
                parts.get(created.indexOf(n)).description().strip())).collect(Collectors.joining("\n"));
        caseFiles.recordEvent(caseNo, "ITEM_SPLIT", "item." + no, Texts.get("items.numbered", no, item.description()),
                newValue, actor, Texts.get("items.event.split", no, numbers(created)));
        return created;
    }

    /**
     * 合并: the duplicates are answered under the item kept; their numbers stay reserved (state MERGED).
     * {@code description}, when given, replaces the kept item's wording (e.g. to cover what the duplicates added).
     */
    @Transactional
    public void merge(String caseNo, int keep, List<Integer> duplicates, String description, String actor) {
        ApplicationCase c = changeable(caseNo);
        items.lockCase(c.id());
        List<CaseItem> all = items.list(c.id(), caseNo);
        CaseItem kept = openItem(all, keep);
        Set<Integer> dups = new LinkedHashSet<>(duplicates == null ? List.of() : duplicates);
        dups.remove(keep);
        List<FieldError> errors = new ArrayList<>();
        if (dups.isEmpty()) {
            errors.add(FieldError.of("duplicates", "items.merge.none"));
        }
        List<CaseItem> merged = new ArrayList<>();
        for (int d : dups) {
            Optional<CaseItem> i = all.stream().filter(x -> x.no() == d).findFirst();
            if (i.isEmpty() || !i.get().open()) {
                errors.add(FieldError.of("duplicates", "items.notOpen", d));
            } else {
                merged.add(i.get());
            }
        }
        String newDescription = blankToNull(description);
        if (newDescription != null) {
            checkDescription(errors, "description", Texts.get("items.label.mergedDescription"), newDescription);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (CaseItem m : merged) {
            items.retire(c.id(), m.no(), ItemState.MERGED, List.of(keep));
            // The duplicate's found records are answered under the item kept, like its request.
            files().move(caseNo, m.no(), keep, actor);
        }
        List<CaseItem> before = new ArrayList<>(merged);
        before.add(0, kept);
        String oldValue = before.stream().map(i -> Texts.get("items.numbered", i.no(), i.description())).collect(Collectors.joining("\n"));
        String kept2 = newDescription == null ? kept.description() : newDescription;
        if (newDescription != null) {
            items.updateDescription(c.id(), keep, newDescription);
        }
        caseFiles.recordEvent(caseNo, "ITEMS_MERGED", "item." + keep, oldValue, Texts.get("items.numbered", keep, kept2),
                actor, Texts.get("items.event.merged", numbers(new ArrayList<>(dups)), keep));
    }

    /** The clerk's decision on one open item (not yet sent: the applicant sees it once the reply is). */
    @Transactional
    public void decide(String caseNo, int no, ItemDecision decision, String actor) {
        ApplicationCase c = changeable(caseNo);
        CaseItem item = openItem(items.list(c.id(), caseNo), no);
        List<FieldError> errors = new ArrayList<>();
        String field = "items[" + no + "]";
        ReplyCatalogue.ReplyType type = catalogue.type(decision.replyType()).orElse(null);
        if (type == null || !type.selectable()) {
            errors.add(FieldError.of(field + ".replyType", "items.decision.typeMissing", no));
        } else {
            for (String r : decision.reasonCodes()) {
                if (!type.reasonsAllowed().contains(r)) {
                    errors.add(FieldError.of(field + ".reasons", "items.decision.groundNotApplicable", no,
                            catalogue.reason(r).map(ReplyCatalogue.WithholdingReason::label).orElse(r), type.label()));
                }
            }
        }
        length(errors, field + ".reasoning", no, Texts.get("items.label.reasoning"), decision.reasoning(), 2000);
        length(errors, field + ".details", no, Texts.get("items.label.details"), decision.details(), 2000);
        length(errors, field + ".referralAgency", no, Texts.get("items.label.referralAgency"),
                decision.referralAgency(), 200);
        length(errors, field + ".referralContact", no, Texts.get("items.label.referralContact"),
                decision.referralContact(), 200);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ItemDecision stored = new ItemDecision(decision.replyType(), decision.reasonCodes(),
                blankToNull(decision.reasoning()), blankToNull(decision.details()),
                blankToNull(decision.referralAgency()), blankToNull(decision.referralContact()), actor, clock.instant());
        if (stored.equals(withStamp(item.decision(), actor, stored))) {
            return; // the same decision again (a retried step, a double click): nothing changed
        }
        items.decide(c.id(), no, stored);
        caseFiles.recordEvent(caseNo, "ITEM_DECIDED", "item." + no + ".decision", describe(item.decision()),
                describe(stored), actor, Texts.get("items.event.decided", no));
    }

    /**
     * An outcome the process reached for the whole application (no correction in time, fee not paid): every
     * open item not decided gets it, so the applicant's view shows it per item.
     */
    @Transactional
    public void closeUndecided(String caseNo, String replyType, String actor) {
        ApplicationCase c = caseFiles.get(caseNo);
        for (CaseItem i : items.list(c.id(), caseNo)) {
            if (i.open() && i.decision() == null) {
                items.decide(c.id(), i.no(), new ItemDecision(replyType, List.of(), null, null, null, null, actor,
                        clock.instant()));
            }
        }
    }

    /** 检索记录 of one item: where and how it was searched. */
    @Transactional
    public void recordSearch(String caseNo, int no, SearchRecord search, String actor) {
        ApplicationCase c = changeable(caseNo);
        CaseItem item = openItem(items.list(c.id(), caseNo), no);
        List<FieldError> errors = new ArrayList<>();
        String field = "items[" + no + "].search";
        required(errors, field + ".places", no, Texts.get("items.label.search.places"), search.places(), 2000);
        required(errors, field + ".keywords", no, Texts.get("items.label.search.keywords"), search.keywords(), 1000);
        required(errors, field + ".searchedBy", no, Texts.get("items.label.search.searchedBy"), search.searchedBy(),
                100);
        LocalDate today = LocalDate.now(clock);
        if (search.searchedOn() == null) {
            errors.add(FieldError.of(field + ".searchedOn", "items.text.required", no,
                    Texts.get("items.label.search.searchedOn")));
        } else if (search.searchedOn().isAfter(today) || search.searchedOn().isBefore(c.receivedOn())) {
            errors.add(FieldError.of(field + ".searchedOn", "items.search.dateOutOfRange", no, c.receivedOn(), today));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SearchRecord stored = new SearchRecord(search.places().strip(), search.keywords().strip(), search.searchedOn(),
                search.searchedBy().strip());
        if (stored.equals(item.search())) {
            return;
        }
        items.recordSearch(c.id(), no, stored);
        caseFiles.recordEvent(caseNo, "SEARCH_RECORDED", "item." + no + ".search", describe(item.search()),
                describe(stored), actor, Texts.get("items.event.searchRecorded", no));
    }

    /**
     * A case whose description was corrected (Art. 30): a single open item follows the case; several items stay
     * as they are for the clerk to split or merge (the corrected text is in the case and its event).
     */
    @org.springframework.context.event.EventListener
    public void onCorrected(cn.gov.disclosure.casefile.DescriptionCorrected e) {
        String caseNo = e.caseNo();
        String description = e.description();
        ApplicationCase c = caseFiles.get(caseNo);
        List<CaseItem> open = items.list(c.id(), caseNo).stream().filter(CaseItem::open).toList();
        if (open.size() == 1) {
            items.updateDescription(c.id(), open.get(0).no(), description);
        }
    }

    /**
     * What stops the reply from going out, worded for the clerk: an open item without a decision, or a
     * 本机关不掌握 item without a complete search record. Empty when the reply may go out.
     */
    public List<String> problemsBeforeReply(String caseNo) {
        List<String> problems = new ArrayList<>();
        for (CaseItem i : open(caseNo)) {
            if (i.decision() == null) {
                problems.add(Texts.get("items.problem.undecided", i.no()));
            } else if (searchRecordRequired(i.replyType()) && (i.search() == null || !i.search().complete())) {
                problems.add(Texts.get("items.problem.searchMissing", i.no(),
                        catalogue.type(i.replyType()).map(ReplyCatalogue.ReplyType::label).orElse(i.replyType())));
            }
        }
        if (open(caseNo).isEmpty()) {
            problems.add(Texts.get("items.problem.none"));
        }
        return problems;
    }

    /** The case-level outcome that follows from the open items' decisions ({@code disclosure.report.mixed-items}). */
    public MixedItemsRule.CaseOutcome outcome(String caseNo) {
        List<ItemDecision> decisions = open(caseNo).stream().map(CaseItem::decision).toList();
        if (decisions.contains(null)) {
            throw new IllegalStateException("Case " + caseNo + " has an undecided item");
        }
        return mixedRule.derive(decisions, catalogue);
    }

    /** For Tasklist cards: the description of a single-item case, or 共3项：1. …；2. … */
    public String summary(String caseNo) {
        List<CaseItem> open = open(caseNo);
        if (open.size() <= 1) {
            return open.isEmpty() ? null : open.get(0).description();
        }
        return Texts.get("items.summary", open.size(), open.stream()
                .map(i -> Texts.get("items.numbered", i.no(), i.description())).collect(Collectors.joining("；")));
    }

    /** A short line on how an item was searched, for the reply notice. */
    public static String searchSummary(SearchRecord s) {
        if (s == null) {
            return null;
        }
        String on = s.searchedOn() == null ? "" : Texts.get("items.search.date", String.valueOf(s.searchedOn().getYear()),
                s.searchedOn().getMonthValue(), s.searchedOn().getDayOfMonth());
        return Texts.get("items.search.summary", on, s.places(), s.keywords());
    }

    private ApplicationCase changeable(String caseNo) {
        ApplicationCase c = caseFiles.find(caseNo).orElseThrow(NotFoundException::new);
        if (c.repliedOn() != null) {
            throw new InvalidInputException(FieldError.of("caseNo", "items.replied", caseNo));
        }
        return c;
    }

    private static CaseItem openItem(List<CaseItem> all, int no) {
        CaseItem item = all.stream().filter(i -> i.no() == no).findFirst()
                .orElseThrow(() -> new InvalidInputException(FieldError.of("itemNo", "items.unknown", no)));
        if (!item.open()) {
            throw new InvalidInputException(FieldError.of("itemNo", "items.notOpen", no));
        }
        return item;
    }

    private static ItemDecision withStamp(ItemDecision d, String actor, ItemDecision stamp) {
        return d == null ? null : new ItemDecision(d.replyType(), d.reasonCodes(), d.reasoning(), d.details(),
                d.referralAgency(), d.referralContact(), stamp.decidedBy(), stamp.decidedAt());
    }

    private String describe(ItemDecision d) {
        if (d == null) {
            return null;
        }
        String type = catalogue.type(d.replyType()).map(ReplyCatalogue.ReplyType::label).orElse(d.replyType());
        String grounds = d.reasonCodes().stream()
                .map(r -> catalogue.reason(r).map(ReplyCatalogue.WithholdingReason::label).orElse(r))
                .collect(Collectors.joining("、"));
        return Texts.get("items.decision.describe", type, grounds, d.reasoning() == null ? "" : d.reasoning());
    }

    private static String describe(SearchRecord s) {
        return s == null ? null
                : Texts.get("items.search.describe", s.searchedOn(), s.searchedBy(), s.places(), s.keywords());
    }

    static void checkDescription(List<FieldError> errors, String field, String label, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "intake.text.required", label));
            return;
        }
        int length = value.strip().codePointCount(0, value.strip().length());
        if (length < DESCRIPTION_MIN) {
            errors.add(FieldError.of(field, "intake.text.tooShort", label, DESCRIPTION_MIN));
        } else if (length > DESCRIPTION_MAX) {
            errors.add(FieldError.of(field, "intake.text.tooLong", label, DESCRIPTION_MAX, length));
        }
    }

    private static void required(List<FieldError> errors, String field, int no, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "items.text.required", no, label));
        } else {
            length(errors, field, no, label, value, max);
        }
    }

    private static void length(List<FieldError> errors, String field, int no, String label, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(FieldError.of(field, "items.text.tooLong", no, label, max));
        }
    }

    private static String numbers(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
