package cn.gov.disclosure.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.NotFoundException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.delivery.DeliveryChannel;
import cn.gov.disclosure.delivery.DeliveryService;
import cn.gov.disclosure.items.CaseItem;
import cn.gov.disclosure.items.CaseItems;
import cn.gov.disclosure.items.ItemFiles;
import cn.gov.disclosure.notice.NoticeFonts;
import cn.gov.disclosure.seal.Fingerprints;

/**
 * Responsive records of a case: upload (type from the bytes, limits, all or nothing), cuts with their grounds,
 * the copy that would go out (made again after every change), the release set and its Art. 17 approval, and the
 * release with the reply. Every change is a case event; any change after an approval withdraws it.
 */
@Service
public class RecordsService implements ItemFiles {

    private static final Logger log = LoggerFactory.getLogger(RecordsService.class);
    public static final int MAX_ITEM = 30;

    /** One file of an upload. */
    public record Upload(String fileName, byte[] content) {
    }

    /** A file of the release set: the record and the copy that would go out. */
    public record SetEntry(RecordFile record, String fileName, Integer pages, String sha256, long sizeBytes,
                           long copyId) {
    }

    /** What was withheld from one item, and why (for the partial-disclosure notice). */
    public record Withheld(int itemNo, String fileName, String what, String groundLabel, String article) {
    }

    private final RecordRepository repo;
    private final CaseFileService caseFiles;
    private final RecordSettings settings;
    private final RedactionGrounds grounds;
    private final ObjectProvider<ItemOutcomes> outcomes;
    private final Clock clock;
    private final PdfRedactor redactor;
    private final DeliveryService deliveries;
    private final CaseItems items;

    public RecordsService(RecordRepository repo, CaseFileService caseFiles, RecordSettings settings,
                          RedactionGrounds grounds, ObjectProvider<ItemOutcomes> outcomes, Clock clock,
                          DeliveryService deliveries, CaseItems items, NoticeFonts fonts) {
        this.deliveries = deliveries;
        this.items = items;
        this.repo = repo;
        this.caseFiles = caseFiles;
        this.settings = settings;
        this.grounds = grounds;
        this.outcomes = outcomes;
        this.clock = clock;
        this.redactor = new PdfRedactor(fonts, settings.redactionDpi(), settings.rasteriseAllPages());
    }

    // ---- upload ----

    /**
     * Stores the files for one item, all or none: every file is checked first (size, type from its bytes,
     * readable), and every problem is reported with the file's name.
     */
    @Transactional
    public List<RecordFile> upload(String caseNo, int itemNo, List<Upload> files, boolean internalOnly, String actor) {
        List<FieldError> errors = lockCaseAndCheckItem(caseNo, itemNo);
        if (files.isEmpty()) {
            errors.add(FieldError.of("files", "records.upload.none"));
        }
        record Checked(Upload upload, String name, ContentTypes.Detected type, Integer pages, byte[] copy) {
        }
        List<Checked> checked = new ArrayList<>();
        long total = repo.storedBytes(caseNo);
        // The same content twice in one item (a double click, a resent form) is stored once.
        Map<String, String> seen = new LinkedHashMap<>();
        for (RecordFile r : repo.forCase(caseNo)) {
            if (r.itemNo() == itemNo) {
                seen.putIfAbsent(r.sha256(), r.fileName());
            }
        }
        for (Upload u : files) {
            String name = cleanName(u.fileName());
            byte[] bytes = u.content();
            if (bytes.length == 0) {
                errors.add(FieldError.of("files", "records.upload.empty", name));
                continue;
            }
            String earlier = bytes.length <= settings.maxFileBytes() ? seen.putIfAbsent(Fingerprints.sha256(bytes), name)
                    : null;
            if (earlier != null) {
                errors.add(FieldError.of("files", "records.upload.duplicate", name, itemNo, earlier));
                continue;
            }
            if (bytes.length > settings.maxFileBytes()) {
                errors.add(FieldError.of("files", "records.upload.tooLarge", name,
                        RecordSettings.megabytes(bytes.length), RecordSettings.megabytes(settings.maxFileBytes())));
                continue;
            }
            total += bytes.length;
            try {
                ContentTypes.Detected type = ContentTypes.detect("files", name, bytes);
                Integer pages = null;
                byte[] copy = null;
                switch (type.kind()) {
                    case PDF -> {
                        pages = readablePdf(name, bytes);
                        copy = internalOnly ? null : redactor.redact(bytes, List.of());
                    }
                    case IMAGE -> {
                        copy = ImagePdf.toPdf(readableImage(name, bytes));
                        pages = 1;
                    }
                    case OFFICE -> copy = internalOnly ? null : bytes;
                }
                checked.add(new Checked(u, name, type, pages, copy));
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            } catch (IOException | RuntimeException e) {
                // A file our PDF or image reader trips over is a bad file, not a fault of the server.
                log.warn("Upload refused for case {}: {} could not be read: {}", caseNo, name, e.toString());
                errors.add(FieldError.of("files", "records.upload.corrupt", name));
            }
        }
        if (errors.isEmpty() && total > settings.maxCaseBytes()) {
            errors.add(FieldError.of("files", "records.upload.caseFull", RecordSettings.megabytes(settings.maxCaseBytes()),
                    RecordSettings.megabytes(repo.storedBytes(caseNo))));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        List<RecordFile> stored = new ArrayList<>();
        for (Checked c : checked) {
            byte[] bytes = c.upload().content();
            String sha = Fingerprints.sha256(bytes);
            long id = repo.insertFile(caseNo, itemNo, c.name(), c.type().kind(), c.type().mediaType(), bytes.length, sha,
                    c.pages(), internalOnly, bytes, actor, now);
            if (c.copy() != null && !internalOnly) {
                storeCopy(id, c.name(), c.type().kind(), c.copy());
            }
            caseFiles.recordEvent(caseNo, "RECORD_UPLOADED", "record", null, c.name(), actor,
                    Texts.get("records.event.uploaded", itemNo, c.name(), bytes.length, sha,
                            Texts.get(internalOnly ? "records.purpose.internal" : "records.purpose.responsive")));
            stored.add(repo.find(id).orElseThrow());
        }
        changed(caseNo, actor);
        return stored;
    }

    /** Files belong to an item the reply answers: not to one that does not exist or was split or merged away. */
    private Optional<FieldError> openItemProblem(String caseNo, int itemNo) {
        List<CaseItem> all = items.list(caseNo);
        if (all.isEmpty()) {
            // A case registered before items existed is its own single item.
            return itemNo == 1 ? Optional.empty() : Optional.of(FieldError.of("itemNo", "records.upload.itemUnknown", itemNo));
        }
        Optional<CaseItem> item = all.stream().filter(i -> i.no() == itemNo).findFirst();
        if (item.isEmpty()) {
            return Optional.of(FieldError.of("itemNo", "records.upload.itemUnknown", itemNo));
        }
        if (!item.get().open()) {
            return Optional.of(FieldError.of("itemNo", "records.upload.itemRetired", itemNo,
                    item.get().replacedBy().stream().map(String::valueOf)
                            .reduce((a, b) -> a + Texts.get("records.listSeparator") + b).orElse("")));
        }
        return Optional.empty();
    }

    // ---- items (port for split and merge) ----

    @Override
    public List<String> names(String caseNo, int itemNo) {
        return repo.forCase(caseNo).stream().filter(r -> r.itemNo() == itemNo).map(RecordFile::fileName).toList();
    }

    /**
     * Merge: the duplicate's files go to the item kept (each a case event); a file whose content the kept item
     * already holds is removed instead, so the applicant does not get it twice. Any approval of the set is withdrawn.
     */
    @Override
    public void move(String caseNo, int from, int to, String actor) {
        List<RecordFile> all = repo.forCase(caseNo);
        List<RecordFile> moving = all.stream().filter(r -> r.itemNo() == from).toList();
        if (moving.isEmpty()) {
            return;
        }
        java.util.Set<String> held = new java.util.HashSet<>();
        all.stream().filter(r -> r.itemNo() == to).forEach(r -> held.add(r.sha256() + r.internalOnly()));
        for (RecordFile r : moving) {
            if (!held.add(r.sha256() + r.internalOnly())) {
                repo.markDeleted(r.id(), actor, clock.instant());
                caseFiles.recordEvent(caseNo, "RECORD_REMOVED", "record", r.fileName(), null, actor,
                        Texts.get("records.event.mergedDuplicate", from, r.fileName(), to, r.sha256()));
                continue;
            }
            repo.moveToItem(r.id(), to);
            caseFiles.recordEvent(caseNo, "RECORD_MOVED", "record." + r.id() + ".item", String.valueOf(from),
                    String.valueOf(to), actor, Texts.get("records.event.moved", r.fileName(), from, to));
        }
        changed(caseNo, actor);
    }

    private static int readablePdf(String name, byte[] bytes) throws IOException {
        try {
            int pages = PdfRedactor.pages(bytes);
            if (pages < 1) {
                throw new IOException("no pages");
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException(FieldError.of("files", "records.upload.encrypted", name));
        }
    }

    private static java.awt.image.BufferedImage readableImage(String name, byte[] bytes) throws IOException {
        return ImagePdf.read(bytes);
    }

    /** Keeps only the last path segment and printable characters of a browser's file name. */
    static String cleanName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|*?:]", "_").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    @Transactional
    public void delete(long recordId, String actor) {
        RecordFile r = require(recordId);
        repo.markDeleted(recordId, actor, clock.instant());
        caseFiles.recordEvent(r.caseNo(), "RECORD_REMOVED", "record", r.fileName(), null, actor,
                Texts.get("records.event.removed", r.itemNo(), r.fileName(), r.sha256()));
        changed(r.caseNo(), actor);
    }

    /** Withholds a whole record (ground given) or releases it again (ground null). */
    @Transactional
    public void withhold(long recordId, String ground, String actor) {
        RecordFile r = require(recordId);
        if (ground != null && grounds.find(ground).isEmpty()) {
            throw new InvalidInputException(FieldError.of("ground", "records.cut.ground"));
        }
        repo.setWithheld(recordId, ground);
        caseFiles.recordEvent(r.caseNo(), "RECORD_WITHHELD", "withheldGround", r.withheldGround(), ground, actor,
                Texts.get(ground == null ? "records.event.unwithheld" : "records.event.withheld", r.itemNo(),
                        r.fileName(), ground == null ? "" : grounds.find(ground).get().label()));
        changed(r.caseNo(), actor);
    }

    // ---- redaction ----

    /** A cut: page from 1, rectangle in points from the top left corner of the displayed page. */
    @Transactional
    public Redaction addCut(long recordId, int page, double x, double y, double width, double height, String ground,
                            String actor) {
        RecordFile r = cuttable(recordId);
        RedactionGrounds.Ground g = ground(ground);
        byte[] base = basePdf(r);
        List<FieldError> errors = new ArrayList<>();
        if (page < 1 || r.pages() == null || page > r.pages()) {
            throw new InvalidInputException(FieldError.of("page", "records.cut.page", r.pages()));
        }
        double[] size = pageSize(base, page);
        if (width <= 0 || height <= 0 || x < 0 || y < 0 || x + width > size[0] + 0.5 || y + height > size[1] + 0.5) {
            errors.add(FieldError.of("region", "records.cut.region", mm(size[0]), mm(size[1])));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = repo.insertCut(recordId, page, x, y, width, height, null, g.code(), actor, clock.instant());
        logCut(r, page, x, y, width, height, null, g, actor);
        regenerate(r);
        changed(r.caseNo(), actor);
        return repo.cut(id).orElseThrow();
    }

    /** Cuts every place where {@code text} appears (text layer only: a scan has none). */
    @Transactional
    public List<Redaction> cutText(long recordId, String text, String ground, String actor) {
        RecordFile r = cuttable(recordId);
        RedactionGrounds.Ground g = ground(ground);
        if (text == null || text.isBlank() || text.length() > 400) {
            throw new InvalidInputException(FieldError.of("text", "records.cut.textMissing"));
        }
        List<PdfRedactor.Region> found;
        try {
            found = PdfRedactor.find(basePdf(r), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(FieldError.of("text", "records.cut.textNotFound", text.strip(), r.fileName()));
        }
        List<Redaction> cuts = new ArrayList<>();
        for (PdfRedactor.Region f : found) {
            long id = repo.insertCut(recordId, f.page(), f.x(), f.y(), f.width(), f.height(), text.strip(), g.code(),
                    actor, clock.instant());
            logCut(r, f.page(), f.x(), f.y(), f.width(), f.height(), text.strip(), g, actor);
            cuts.add(repo.cut(id).orElseThrow());
        }
        regenerate(r);
        changed(r.caseNo(), actor);
        return cuts;
    }

    @Transactional
    public void removeCut(long cutId, String actor) {
        Redaction cut = repo.cut(cutId).orElseThrow(NotFoundException::new);
        RecordFile r = require(cut.recordId());
        repo.removeCut(cutId, actor, clock.instant());
        caseFiles.recordEvent(r.caseNo(), "RECORD_CUT_REMOVED", "redaction", region(cut), null, actor,
                Texts.get("records.event.cutRemoved", r.itemNo(), r.fileName(), cut.page()));
        regenerate(r);
        changed(r.caseNo(), actor);
    }

    private void logCut(RecordFile r, int page, double x, double y, double w, double h, String text,
                        RedactionGrounds.Ground g, String actor) {
        caseFiles.recordEvent(r.caseNo(), "RECORD_REDACTED", "redaction", null,
                region(page, x, y, w, h), actor, Texts.get("records.event.cut", r.itemNo(), r.fileName(), page,
                        region(page, x, y, w, h), g.label(), g.article(), text == null ? "" : text));
    }

    private static String region(Redaction c) {
        return region(c.page(), c.x(), c.y(), c.width(), c.height());
    }

    private static String region(int page, double x, double y, double w, double h) {
        return Texts.get("records.region", page, mm(x), mm(y), mm(w), mm(h));
    }

    static String mm(double points) {
        return String.format(Locale.ROOT, "%.1f", points / 72 * 25.4);
    }

    private RedactionGrounds.Ground ground(String code) {
        return grounds.find(code == null ? "" : code)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("ground", "records.cut.ground")));
    }

    private RecordFile cuttable(long recordId) {
        RecordFile r = require(recordId);
        if (r.kind() == RecordKind.OFFICE) {
            throw new InvalidInputException(FieldError.of("record", "records.cut.office", r.fileName()));
        }
        return r;
    }

    /** The PDF the cuts apply to: the PDF itself, or the picture as a PDF. */
    private byte[] basePdf(RecordFile r) {
        byte[] original = repo.content(r.id());
        try {
            return r.kind() == RecordKind.IMAGE ? ImagePdf.toPdf(ImagePdf.read(original)) : original;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] pageSize(byte[] pdf, int page) {
        try {
            return PdfRedactor.pageSize(pdf, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the copy that would go out again, from the untouched original and the current cuts. */
    private void regenerate(RecordFile r) {
        if (r.internalOnly()) {
            return;
        }
        List<PdfRedactor.Cut> cuts = repo.cuts(r.id()).stream()
                .map(c -> new PdfRedactor.Cut(c.page(), c.x(), c.y(), c.width(), c.height(),
                        grounds.find(c.ground()).map(RedactionGrounds.Ground::shortText).orElse("")))
                .toList();
        byte[] copy = r.kind() == RecordKind.OFFICE ? repo.content(r.id()) : redactor.redact(basePdf(r), cuts);
        storeCopy(r.id(), r.fileName(), r.kind(), copy);
    }

    private void storeCopy(long recordId, String name, RecordKind kind, byte[] copy) {
        Integer pages = null;
        String fileName = name;
        String mediaType;
        if (kind == RecordKind.OFFICE) {
            mediaType = repo.find(recordId).map(RecordFile::mediaType).orElse("application/octet-stream");
        } else {
            mediaType = "application/pdf";
            int dot = name.lastIndexOf('.');
            fileName = (dot > 0 ? name.substring(0, dot) : name) + ".pdf";
            try {
                pages = PdfRedactor.pages(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        repo.replaceCopy(recordId, fileName, mediaType, copy, Fingerprints.sha256(copy), pages, clock.instant());
    }

    // ---- reading ----

    public List<RecordFile> records(String caseNo) {
        return repo.forCase(caseNo);
    }

    public RecordFile require(long recordId) {
        return repo.find(recordId).orElseThrow(NotFoundException::new);
    }

    public List<Redaction> cuts(long recordId) {
        return repo.cuts(recordId);
    }

    /** Staff only: the untouched original. */
    public byte[] original(long recordId) {
        require(recordId);
        return repo.content(recordId);
    }

    /** The copy that would go out now (staff, and the confidentiality reviewer). */
    public Optional<RecordRepository.Copy> currentCopy(long recordId) {
        return repo.currentCopy(recordId);
    }

    public byte[] copyContent(long copyId) {
        return repo.copyContent(copyId);
    }

    /** The PDF the clerk marks cuts on (original PDF, or the picture as PDF). */
    public byte[] markingBase(long recordId) {
        return basePdf(cuttable(recordId));
    }

    public RedactionGrounds grounds() {
        return grounds;
    }

    // ---- release set and approval ----

    private Optional<String> outcomeOf(String caseNo, int itemNo) {
        ItemOutcomes port = outcomes.getIfAvailable();
        return port == null ? Optional.empty() : port.outcome(caseNo, itemNo);
    }

    /** Whether the item's outcome releases information (予以公开, 部分公开). */
    public boolean releasesItem(String caseNo, int itemNo) {
        return outcomeOf(caseNo, itemNo).map(settings::releases).orElse(false);
    }

    /**
     * What would go to the applicant now: the copies of the responsive records of items whose outcome releases
     * information, neither internal nor withheld. Never an original, never an internal file.
     */
    public List<SetEntry> releaseSet(String caseNo) {
        List<SetEntry> set = new ArrayList<>();
        Map<Integer, Boolean> releasing = new LinkedHashMap<>();
        for (RecordFile r : repo.forCase(caseNo)) {
            if (r.internalOnly() || r.withheldGround() != null) {
                continue;
            }
            boolean item = releasing.computeIfAbsent(r.itemNo(),
                    n -> outcomeOf(caseNo, n).map(settings::releases).orElse(false));
            if (!item) {
                continue;
            }
            repo.currentCopy(r.id()).ifPresent(c -> set.add(new SetEntry(r, c.fileName(), c.pages(), c.sha256(),
                    c.sizeBytes(), c.id())));
        }
        set.sort(Comparator.comparingInt((SetEntry e) -> e.record().itemNo()).thenComparingLong(e -> e.record().id()));
        return set;
    }

    /** SHA-256 over the set (record, item, name and content of each copy), so any change gives a new value. */
    public static String fingerprint(List<SetEntry> set) {
        StringBuilder s = new StringBuilder();
        for (SetEntry e : set) {
            s.append(e.record().id()).append('|').append(e.record().itemNo()).append('|').append(e.fileName())
                    .append('|').append(e.sha256()).append('\n');
        }
        return Fingerprints.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Problems that stop the reply, per item answered 部分公开: records (those held here) with neither a cut nor a
     * withheld record would go out whole; no record at all, without a recorded reason (e.g. the information exists
     * on paper only), would leave the applicant with nothing. Empty when none.
     */
    public List<String> redactionProblems(String caseNo) {
        Map<Integer, List<RecordFile>> byItem = new LinkedHashMap<>();
        for (RecordFile r : repo.forCase(caseNo)) {
            if (!r.internalOnly()) {
                byItem.computeIfAbsent(r.itemNo(), n -> new ArrayList<>()).add(r);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, String> reasons = latestNoFilesReasons(caseNo);
        for (int item : answeredItems(caseNo)) {
            if (outcomeOf(caseNo, item).filter("PARTIALLY_DISCLOSED"::equals).isEmpty()) {
                continue;
            }
            List<RecordFile> files = byItem.getOrDefault(item, List.of());
            if (files.isEmpty()) {
                if (!reasons.containsKey(item)) {
                    problems.add(Texts.get("records.check.partialWithoutFiles", item));
                }
            } else if (files.stream().noneMatch(f -> f.withheldGround() != null || !repo.cuts(f.id()).isEmpty())) {
                problems.add(Texts.get("records.check.partialWithoutCut", item));
            }
        }
        return problems;
    }

    /** The numbers of the items the reply answers (a case registered before items existed is item 1). */
    private List<Integer> answeredItems(String caseNo) {
        List<CaseItem> all = items.list(caseNo);
        return all.isEmpty() ? List.of(1) : all.stream().filter(CaseItem::open).map(CaseItem::no).toList();
    }

    private static String noFilesField(int itemNo) {
        return "item." + itemNo + ".noFiles";
    }

    /** Why an item has no file to upload (e.g. 信息仅有纸质件，以纸质复印件提供), as last recorded; empty when none. */
    public Optional<String> noFilesReason(String caseNo, int itemNo) {
        return Optional.ofNullable(latestNoFilesReasons(caseNo).get(itemNo));
    }

    /** The reasons recorded for the items the reply answers, by item number. */
    public Map<Integer, String> noFilesReasons(String caseNo) {
        Map<Integer, String> all = latestNoFilesReasons(caseNo);
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int item : answeredItems(caseNo)) {
            if (all.containsKey(item)) {
                out.put(item, all.get(item));
            }
        }
        return out;
    }

    /** Every item's reason as last recorded (a withdrawn one absent), from one read of the case's events. */
    private Map<Integer, String> latestNoFilesReasons(String caseNo) {
        Map<Integer, String> latest = new HashMap<>();
        for (cn.gov.disclosure.casefile.CaseEvent e : caseFiles.events(caseNo)) {
            String field = e.field();
            if (field == null || !field.startsWith("item.") || !field.endsWith(".noFiles")) {
                continue;
            }
            int item = Integer.parseInt(field.substring("item.".length(), field.length() - ".noFiles".length()));
            if (e.newValue() == null || e.newValue().isBlank()) {
                latest.remove(item);
            } else {
                latest.put(item, e.newValue());
            }
        }
        return latest;
    }

    /** Locks the case (404 if there is none) and lists what is wrong with the item number given. */
    private List<FieldError> lockCaseAndCheckItem(String caseNo, int itemNo) {
        if (!repo.lockCase(caseNo)) {
            throw new NotFoundException();
        }
        List<FieldError> errors = new ArrayList<>();
        if (itemNo < 1 || itemNo > MAX_ITEM) {
            errors.add(FieldError.of("itemNo", "records.upload.itemNo", MAX_ITEM));
        } else {
            openItemProblem(caseNo, itemNo).ifPresent(errors::add);
        }
        return errors;
    }

    /**
     * Records (blank: withdraws) why an item has no file to upload, so a 部分公开 reply for it can go out without
     * one; a case event with the old and the new reason. Any approval of the set is withdrawn.
     */
    @Transactional
    public void explainNoFiles(String caseNo, int itemNo, String reason, String actor) {
        List<FieldError> errors = lockCaseAndCheckItem(caseNo, itemNo);
        String text = reason == null ? "" : reason.strip();
        if (text.length() > 500 || text.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n')) {
            errors.add(FieldError.of("reason", "records.noFiles.reason"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String old = noFilesReason(caseNo, itemNo).orElse(null);
        String now = text.isEmpty() ? null : text;
        if (java.util.Objects.equals(old, now)) {
            return;
        }
        caseFiles.recordEvent(caseNo, "RECORDS_NONE_EXPLAINED", noFilesField(itemNo), old, now, actor,
                now == null ? Texts.get("records.event.noFilesWithdrawn", itemNo)
                        : Texts.get("records.event.noFiles", itemNo, now));
        changed(caseNo, actor);
    }

    /** Empty when the set is empty or approved as it is now; otherwise what is missing. */
    public Optional<String> approvalProblem(String caseNo) {
        List<SetEntry> set = releaseSet(caseNo);
        if (set.isEmpty()) {
            return Optional.empty();
        }
        String now = fingerprint(set);
        Optional<RecordRepository.Approval> approval = repo.validApproval(caseNo);
        if (approval.isEmpty()) {
            return Optional.of(repo.everApproved(caseNo) ? Texts.get("records.check.changedSinceApproval")
                    : Texts.get("records.check.notApproved", set.size()));
        }
        if (!approval.get().fingerprint().equals(now)) {
            return Optional.of(Texts.get("records.check.changedSinceApproval"));
        }
        return Optional.empty();
    }

    /** The Art. 17 reviewer approves the set as it is now; refused while a partial item has no cut. */
    @Transactional
    public String approve(String caseNo, String actor) {
        List<String> problems = redactionProblems(caseNo);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldError("secrecyOutcome", p)).toList());
        }
        List<SetEntry> set = releaseSet(caseNo);
        String fingerprint = fingerprint(set);
        if (set.isEmpty()) {
            // Nothing goes out with this reply: nothing to approve (a file added later needs a review).
            return fingerprint;
        }
        repo.invalidateApprovals(caseNo, actor, clock.instant());
        String list = listing(set);
        repo.insertApproval(caseNo, fingerprint, list.length() > 8000 ? list.substring(0, 8000) : list, actor,
                clock.instant());
        caseFiles.recordEvent(caseNo, "RELEASE_APPROVED", "releaseSet", null, fingerprint, actor,
                truncate(Texts.get("records.event.approved", set.size(), list)));
        return fingerprint;
    }

    /** One line per file: item, name, pages, SHA-256. */
    public static String listing(List<SetEntry> set) {
        StringBuilder s = new StringBuilder();
        for (SetEntry e : set) {
            s.append(Texts.get("records.setLine", e.record().itemNo(), e.fileName(),
                    e.pages() == null ? "—" : e.pages(), e.sha256())).append('\n');
        }
        return s.toString().strip();
    }

    /** After any change: an approval given before no longer holds (the set goes back to review). */
    private void changed(String caseNo, String actor) {
        if (repo.invalidateApprovals(caseNo, actor, clock.instant()) > 0) {
            caseFiles.recordEvent(caseNo, "RELEASE_APPROVAL_WITHDRAWN", "releaseSet", null, null, actor,
                    Texts.get("records.event.approvalWithdrawn"));
        }
    }

    // ---- release ----

    /**
     * Releases the approved set with the reply notice {@code noticeId}: each copy recorded with its expiry; attached
     * to the e-mail when the notice goes by e-mail and the total stays under the limit.
     *
     * @throws IllegalStateException when the set is not approved as it is (callers check first)
     */
    @Transactional
    public List<RecordRepository.Release> release(String caseNo, long noticeId, String actor) {
        approvalProblem(caseNo).ifPresent(p -> {
            throw new IllegalStateException(p);
        });
        List<SetEntry> set = releaseSet(caseNo);
        if (set.isEmpty()) {
            return List.of();
        }
        boolean byMail = attachable(caseNo, noticeId, set);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.downloadPeriod());
        for (SetEntry e : set) {
            repo.insertRelease(caseNo, noticeId, new RecordRepository.Copy(e.copyId(), e.record().id(), e.fileName(),
                    null, e.sizeBytes(), e.sha256(), e.pages()), e.record().itemNo(), byMail, now, expires);
        }
        caseFiles.recordEvent(caseNo, "RECORDS_RELEASED", "releaseSet", null, fingerprint(set), actor,
                truncate(Texts.get(byMail ? "records.event.releasedByMail" : "records.event.released", set.size(),
                        expires.toString(), listing(set))));
        return repo.releasesOfNotice(noticeId);
    }

    /**
     * Whether the set rides along with the notice's e-mail: only when the notice is actually served by e-mail (not
     * when the applicant, having an address, asked for post or collection) and the total stays under the limit.
     */
    boolean attachable(String caseNo, Long noticeId, List<SetEntry> set) {
        long total = set.stream().mapToLong(SetEntry::sizeBytes).sum();
        return !set.isEmpty() && total <= settings.mailAttachmentBytes()
                && deliveries.applicantChannel(caseNo, noticeId) == DeliveryChannel.EMAIL;
    }

    /** The files that went to the applicant: name, pages, SHA-256 and content of the released copies. */
    public List<ReleasedFile> releasedCopies(String caseNo) {
        return repo.releases(caseNo).stream().map(this::releasedFile).toList();
    }

    /** The files released with one notice (for its print package), in the order the notice lists them. */
    public List<ReleasedFile> releasedWith(long noticeId) {
        return repo.releasesOfNotice(noticeId).stream().map(this::releasedFile).toList();
    }

    private ReleasedFile releasedFile(RecordRepository.Release r) {
        return new ReleasedFile(r.itemNo(), r.fileName(), r.pages(), r.sha256(), r.sizeBytes(),
                repo.copyMediaType(r.copyId()), repo.copyContent(r.copyId()));
    }

    public List<RecordRepository.Release> releases(String caseNo) {
        return repo.releases(caseNo);
    }

    public List<RecordRepository.Release> releasesOfNotice(long noticeId) {
        return repo.releasesOfNotice(noticeId);
    }

    /** The applicant's download: by release id, of this case, before expiry. */
    public RecordRepository.Release downloadable(String caseNo, long releaseId) {
        RecordRepository.Release r = repo.release(releaseId).filter(x -> x.caseNo().equals(caseNo))
                .orElseThrow(NotFoundException::new);
        if (!clock.instant().isBefore(r.expiresAt())) {
            throw new ReleaseExpiredException(r);
        }
        return r;
    }

    /** Per case: what was withheld (cut regions and whole records) and on which ground, item by item. */
    public List<Withheld> withheld(String caseNo) {
        List<Withheld> out = new ArrayList<>();
        for (RecordFile r : repo.forCase(caseNo)) {
            if (r.internalOnly()) {
                continue;
            }
            if (r.withheldGround() != null) {
                RedactionGrounds.Ground g = grounds.find(r.withheldGround()).orElseThrow();
                out.add(new Withheld(r.itemNo(), r.fileName(), Texts.get("records.withheld.whole"), g.label(),
                        g.article()));
                continue;
            }
            Map<String, List<Integer>> pagesByGround = new LinkedHashMap<>();
            for (Redaction c : repo.cuts(r.id())) {
                List<Integer> pages = pagesByGround.computeIfAbsent(c.ground(), k -> new ArrayList<>());
                if (!pages.contains(c.page())) {
                    pages.add(c.page());
                }
            }
            pagesByGround.forEach((code, pages) -> {
                RedactionGrounds.Ground g = grounds.find(code).orElseThrow();
                out.add(new Withheld(r.itemNo(), r.fileName(), Texts.get("records.withheld.parts",
                        pages.stream().map(String::valueOf).reduce((a, b) -> a + Texts.get("records.listSeparator") + b).orElse("")), g.label(),
                        g.article()));
            });
        }
        return out;
    }

    private static String truncate(String s) {
        return s.length() > 3900 ? s.substring(0, 3900) + "…" : s;
    }
}
