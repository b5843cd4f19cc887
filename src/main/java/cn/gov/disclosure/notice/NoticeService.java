package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.seal.Fingerprints;
import cn.gov.disclosure.seal.PdfSigner;
import cn.gov.disclosure.seal.SealImage;
import cn.gov.disclosure.seal.SealKeys;

/**
 * Issues notices: fills the template, renders the PDF (with the office's seal over the date), signs it once
 * it has passed the checker, keeps the signed file and its SHA-256 with the case, records the event and
 * queues the e-mail to the applicant, all in the caller's transaction.
 */
@Service
public class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final CaseFileService caseFiles;
    private final NoticeTemplates templates;
    private final PdfRenderer renderer;
    private final NoticeRepository notices;
    private final MailOutbox outbox;
    private final AgencyProfile agency;
    private final Clock clock;
    private final ReplyCatalogue catalogue;
    private final NoticeChecker checker;
    /** The seal's {@code <img src>} in the templates (see {@link #sealSource}), or null without a seal. */
    private final String sealImage;
    private final SealKeys keys;
    private final PdfSigner signer;
    private final String verifyUrl;
    private final ApplicationEventPublisher events;
    private ReplyFiles replyFiles;
    private final DocumentNumbers numbers;
    private final NoticeRules rules;
    /**
     * Test seam: lets the checker's tests break a notice's filled HTML (drop the 文号, the seal, an article …) and
     * see the real issuing path refuse it. Identity in production.
     */
    private volatile java.util.function.BiFunction<Map<String, Object>, String, String> htmlForTests = (m, h) -> h;

    void breakHtmlForTests(java.util.function.BiFunction<Map<String, Object>, String, String> tamper) {
        this.htmlForTests = tamper == null ? (m, h) -> h : tamper;
    }
    private final String trackUrl;

    public NoticeService(CaseFileService caseFiles, NoticeTemplates templates, PdfRenderer renderer,
                         NoticeRepository notices, MailOutbox outbox, AgencyProfile agency, Clock clock,
                         ReplyCatalogue catalogue, NoticeChecker checker, SealImage seal, SealKeys keys,
                         PdfSigner signer, DocumentNumbers numbers, NoticeRules rules,
                         @Value("${disclosure.public-base-url:http://localhost:8080}") String publicBaseUrl,
                         ApplicationEventPublisher events) {
        this.events = events;
        this.numbers = numbers;
        this.rules = rules;
        this.sealImage = seal.present() ? sealSource(renderer, seal.png()) : null;
        this.keys = keys;
        this.signer = signer;
        this.verifyUrl = publicBaseUrl.replaceAll("/+$", "") + "/verify";
        this.trackUrl = publicBaseUrl.replaceAll("/+$", "") + "/track";
        this.catalogue = catalogue;
        this.checker = checker;
        this.caseFiles = caseFiles;
        this.templates = templates;
        this.renderer = renderer;
        this.notices = notices;
        this.outbox = outbox;
        this.agency = agency;
        this.clock = clock;
    }

    /**
     * The seal encoded once for all notices (PreparedImage). Should PDFBox encode an image in a form PreparedImage
     * does not know, the seal goes into each notice as it is and is encoded again every time, as before.
     */
    static String sealSource(PdfRenderer renderer, byte[] png) {
        try {
            return renderer.prepare(png).placeholderUri();
        } catch (IllegalArgumentException e) {
            log.warn("The seal image is encoded again for every notice, which costs CPU: {}", e.getMessage());
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    /** The records feature, when present, lists the released files (and what was withheld) in the reply. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setReplyFiles(ReplyFiles replyFiles) {
        this.replyFiles = replyFiles;
    }

    /** 受理回执. The tracking code is printed on it only when the intake step still has it in hand. */
    @Transactional
    public Notice issueAcknowledgment(String caseNo, String trackingCode) {
        return issueAcknowledgment(caseNo, trackingCode, null, null);
    }

    /**
     * 受理回执 of an application answered on the spot at the counter (Art. 33(1)) when {@code onSpotReply} is given:
     * it states that reply (and its type, if known) instead of promising one within twenty working days.
     */
    @Transactional
    public Notice issueAcknowledgment(String caseNo, String trackingCode, String onSpotReply, String onSpotTypeLabel) {
        Map<String, Object> model = new HashMap<>();
        model.put("trackingCode", trackingCode);
        // The template ends the sentence itself: without the clerk's closing punctuation (no "。。").
        model.put(NoticeRules.ON_THE_SPOT_REPLY, clause(onSpotReply));
        model.put("onSpotTypeLabel", onSpotReply == null ? null : clause(onSpotTypeLabel));
        // How to follow the case: the status page, where case number and tracking code are entered.
        model.put("trackUrl", trackUrl);
        return issue(caseNo, NoticeType.ACKNOWLEDGMENT, model);
    }

    /**
     * Renders a reply for the clerk and the legal officer to read before it goes out: checked like the
     * real one, kept as a DRAFT, never sent or shown to the applicant.
     *
     * @throws NoticeIncompleteException with what to correct
     */
    @Transactional(noRollbackFor = NoticeIncompleteException.class)
    public Notice draftReply(String caseNo, ReplyDraft draft) {
        return reply(caseNo, draft, NoticeRepository.DRAFT);
    }

    /** The reply (答复书) of any type, checked, stored and e-mailed. */
    @Transactional(noRollbackFor = NoticeIncompleteException.class)
    public Notice issueReply(String caseNo, ReplyDraft draft) {
        return reply(caseNo, draft, NoticeRepository.ISSUED);
    }

    private Notice reply(String caseNo, ReplyDraft draft, String status) {
        ApplicationCase c = caseFiles.get(caseNo);
        List<String> problems = draftProblems(c, draft);
        if (!problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        Map<String, Object> model = replyModel(c, draft);
        return renderCheckAndStore(c, NoticeType.REPLY, status, model, c.email(), itemChecks(c, draft, model));
    }

    /**
     * The checker's verdict on a reply as the clerk decided it, before anything is kept: the decision is checked,
     * rendered as its draft would be and read back, and nothing is stored, numbered or recorded. Lets the form that
     * decides the reply refuse a decision the checker would refuse, while the clerk still has the form open.
     *
     * @return what to correct; empty when the draft would pass
     */
    public List<String> checkReply(String caseNo, ReplyDraft draft) {
        ApplicationCase c = caseFiles.get(caseNo);
        List<String> problems = draftProblems(c, draft);
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, Object> model = replyModel(c, draft);
        model.put("draft", true);
        model.put("docNumber", null);
        byte[] pdf = renderer.render(htmlForTests.apply(model, templates.notice(NoticeType.REPLY.template(), model)),
                NoticeType.REPLY.title());
        return check(NoticeType.REPLY, pdf, model, itemChecks(c, draft, model));
    }

    private List<String> draftProblems(ApplicationCase c, ReplyDraft draft) {
        return draft.itemized() ? ItemizedReplies.checkDraft(checker, c, draft) : checker.checkDraft(c, draft);
    }

    private Map<String, Object> replyModel(ApplicationCase c, ReplyDraft draft) {
        ReplyCatalogue.ReplyType type = catalogue.require(draft.replyType());
        return model(c, NoticeType.REPLY, replyModel(c, type, draft));
    }

    /** A reply of several items: each item's decision and articles are read back from the PDF as well. */
    private java.util.function.Function<String, List<String>> itemChecks(ApplicationCase c, ReplyDraft draft,
                                                                         Map<String, Object> model) {
        return draft.itemized()
                ? text -> ItemizedReplies.checkRendered(checker, catalogue, text, c, draft,
                        (String) model.get("issuedOnText"))
                : text -> List.of();
    }

    /**
     * The checker's problems with a rendered notice, then those of {@code moreChecks} (given the notice's text) not
     * already found; the PDF is parsed once for both.
     */
    private List<String> check(NoticeType type, byte[] pdf, Map<String, Object> model,
                               java.util.function.Function<String, List<String>> moreChecks) {
        NoticeChecker.Reading reading = NoticeChecker.Reading.of(pdf);
        List<String> problems = new java.util.ArrayList<>(checker.checkRendered(type, reading, model));
        moreChecks.apply(reading.text()).stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        return problems;
    }

    private Notice renderCheckAndStore(ApplicationCase c, NoticeType type, String status, Map<String, Object> model,
                                       String recipient) {
        return renderCheckAndStore(c, type, status, model, recipient, text -> List.of());
    }

    /**
     * The one way out for every notice: an issued one gets its 文号 (reserved in a short transaction of its own, so
     * no lock is held while rendering), is rendered, read back by the checker against its {@link NoticeRules} row
     * (and any checks of its own kind), and stored with the number confirmed in the caller's transaction. A refused
     * notice gives its number back.
     */
    private Notice renderCheckAndStore(ApplicationCase c, NoticeType type, String status, Map<String, Object> model,
                                       String recipient, java.util.function.Function<String, List<String>> moreChecks) {
        boolean issued = NoticeRepository.ISSUED.equals(status);
        model.put("draft", !issued);
        DocumentNumbers.Reservation number = issued ? numbers.reserve(LocalDate.now(clock)) : null;
        byte[] pdf;
        try {
            model.put("docNumber", number == null ? null : number.text());
            String html = htmlForTests.apply(model, templates.notice(type.template(), model));
            // A notice to be signed once checked gets its empty signature field now, in the renderer's save.
            pdf = signed(status) ? renderer.render(html, type.title(), PdfSigner::addSignatureField)
                    : renderer.render(html, type.title());
            List<String> problems = check(type, pdf, model, moreChecks);
            if (!problems.isEmpty()) {
                throw new NoticeIncompleteException(problems);
            }
        } catch (RuntimeException e) {
            if (number != null) {
                numbers.release(number);
            }
            throw e;
        }
        return store(c, type, status, pdf, model, recipient, number);
    }

    /** Issued notices are signed when a seal key is configured; drafts never. */
    private boolean signed(String status) {
        return NoticeRepository.ISSUED.equals(status) && keys.enabled();
    }

    private Map<String, Object> replyModel(ApplicationCase c, ReplyCatalogue.ReplyType type, ReplyDraft draft) {
        Map<String, Object> model = new HashMap<>();
        model.put("type", type);
        model.put("reasons", draft.reasonCodes().stream().map(catalogue::reason).flatMap(java.util.Optional::stream)
                .toList());
        model.put("reasoning", blankToNull(draft.reasoning()));
        // Only reply types that provide something (or point somewhere) print the clerk's details.
        model.put("details", type.detailsLabel() == null ? null : blankToNull(draft.details()));
        model.put("detailsLabel", type.detailsLabel());
        model.put("deliveryText", "DISCLOSED".equals(type.code()) ? deliveryText(c.delivery()) : null);
        model.put("referralAgency", type.referral() ? clause(draft.referralAgency()) : null);
        model.put("referralContact", type.referral() ? clause(draft.referralContact()) : null);
        model.put("reconsiderationFirst", type.reconsiderationFirst());
        model.put("items", null);
        // One item answers in the usual layout, with what was searched where that is said (本机关不掌握).
        model.put("searchSummary", draft.items().size() == 1 ? draft.items().get(0).searchSummary() : null);
        if (draft.items().size() > 1) {
            ItemizedReplies.addTo(model, draft, catalogue, "DISCLOSED".equals(type.code()) || draft.items().stream()
                    .anyMatch(i -> "DISCLOSED".equals(i.replyType())) ? deliveryText(c.delivery()) : null);
        }
        ReplyFiles.Listing files = replyFiles == null ? null : replyFiles.forReply(c.caseNo());
        model.put("releasedFiles", files == null || files.isEmpty() ? null : files);
        model.put("remedyNote", type.remedyNote());
        return model;
    }

    /** 延期告知书 (Art. 33(2)) with the case's stored due date (only right while the clock runs). */
    @Transactional
    public Notice issueExtension(String caseNo, int days, String reason) {
        return issueExtension(caseNo, days, reason, caseFiles.get(caseNo).dueOn(), 0);
    }

    /**
     * 延期告知书 (Art. 33(2)): the reason, that the head approved it, and the new due date as the extended
     * clock reads it. While the clock stands still (Art. 33(3)) there is no date yet: {@code newDue} is null and
     * the notice states the working days that will be left when counting resumes, never the stale stored date.
     */
    @Transactional
    public Notice issueExtension(String caseNo, int days, String reason, LocalDate newDue, int workingDaysLeft) {
        Map<String, Object> model = new HashMap<>();
        model.put("extensionDays", days);
        model.put("actName", Texts.get("notice.act.extension"));
        // The template goes on "因……，本机关…": a reason typed as a full sentence must not leave "。，".
        model.put("reason", clause(reason));
        model.put("dueOnText", newDue != null ? chineseDate(newDue)
                : Texts.get("notice.extension.dueWhilePaused", workingDaysLeft));
        return issue(caseNo, NoticeType.EXTENSION, model);
    }

    /** 说明理由通知书 (Art. 35): what exceeds a reasonable range, and by when to give reasons. */
    @Transactional
    public Notice issueReasonsRequest(String caseNo, String whatIsExcessive, LocalDate reasonsBy) {
        Map<String, Object> model = new HashMap<>();
        model.put("items", whatIsExcessive);
        model.put("actName", Texts.get("notice.act.reasonsRequest"));
        model.put("reasonsByText", chineseDate(reasonsBy));
        return issue(caseNo, NoticeType.REASONS_REQUEST, model);
    }

    /**
     * 延迟答复告知书 (Art. 35): the reasons are reasonable but the normal period cannot be kept; the later
     * deadline as the clock reads it (days left if it stands still, as for an extension).
     */
    @Transactional
    public Notice issueDeferral(String caseNo, int days, LocalDate newDue, int workingDaysLeft) {
        Map<String, Object> model = new HashMap<>();
        model.put("deferralDays", days);
        model.put("actName", Texts.get("notice.act.deferral"));
        model.put("dueOnText", newDue != null ? chineseDate(newDue)
                : Texts.get("notice.extension.dueWhilePaused", workingDaysLeft));
        return issue(caseNo, NoticeType.DEFERRAL, model);
    }

    /** Renders a reply without checking, storing or sending it: for the rendering benchmark. */
    public byte[] previewReply(ApplicationCase c, ReplyDraft draft) {
        ReplyCatalogue.ReplyType type = catalogue.require(draft.replyType());
        Map<String, Object> model = model(c, NoticeType.REPLY, replyModel(c, type, draft));
        model.put("draft", false);
        return renderer.render(templates.notice(NoticeType.REPLY.template(), model), NoticeType.REPLY.title());
    }

    /** 补正告知书 (Art. 30): what to correct, once and completely, and by when. */
    @Transactional
    public Notice issueCorrectionNotice(String caseNo, String items, LocalDate correctBy) {
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("actName", Texts.get("notice.act.correction"));
        model.put("correctByText", chineseDate(correctBy));
        return issue(caseNo, NoticeType.CORRECTION, model);
    }

    /** 视为放弃申请告知书 (Art. 30). */
    @Transactional
    public Notice issueAbandonment(String caseNo, LocalDate correctionNoticeOn, LocalDate correctBy) {
        Map<String, Object> model = new HashMap<>();
        model.put("abandonment", true);
        model.put("actName", Texts.get("notice.act.abandonment"));
        model.put("correctionNoticeText", chineseDate(correctionNoticeOn));
        model.put("correctByText", chineseDate(correctBy));
        return issue(caseNo, NoticeType.ABANDONED, model);
    }

    /** 第三方意见征询函 (Art. 32), sent to the third party. */
    @Transactional
    public Notice issueThirdPartyConsultation(String caseNo, String thirdParty, String thirdPartyEmail,
                                              String informationConcerned, LocalDate answerBy) {
        return issueLetter(caseNo, NoticeType.THIRD_PARTY_CONSULTATION, thirdParty, thirdPartyEmail,
                informationConcerned, answerBy, new HashMap<>());
    }

    /** 征求意见函 (Art. 34), sent to the agency that made the information jointly. */
    @Transactional
    public Notice issueAgencyConsultation(String caseNo, String agencyName, String agencyEmail,
                                          String informationConcerned, LocalDate answerBy) {
        return issueAgencyConsultation(caseNo, agencyName, agencyEmail, informationConcerned, answerBy, null);
    }

    /** The same, with a one-time link in the e-mail through which the agency can answer. */
    @Transactional
    public Notice issueAgencyConsultation(String caseNo, String agencyName, String agencyEmail,
                                          String informationConcerned, LocalDate answerBy, String answerLink) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("answerLink", answerLink);
        return issueLetter(caseNo, NoticeType.AGENCY_CONSULTATION, agencyName, agencyEmail, informationConcerned,
                answerBy, extra);
    }

    /** Art. 32: tells a third party whose objection was overridden what will be disclosed and why. */
    @Transactional
    public Notice issuePublicInterestDisclosure(String caseNo, String thirdParty, String email, String information,
                                                String reason) {
        return issuePublicInterestDisclosure(caseNo, thirdParty, email, information, reason, false);
    }

    /** The same; {@code objectionUnreasonable}: disclosed because the objection had no reasonable grounds. */
    @Transactional
    public Notice issuePublicInterestDisclosure(String caseNo, String thirdParty, String email, String information,
                                                String reason, boolean objectionUnreasonable) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("objectionUnreasonable", objectionUnreasonable);
        extra.put("reason", reason);
        extra.put("actName", Texts.get("notice.act.publicInterest"));
        return issueLetter(caseNo, NoticeType.PUBLIC_INTEREST_DISCLOSURE, thirdParty, email, information, null,
                extra);
    }

    /** 收费通知 (Art. 42): basis, rate, amount, how and by when to pay. */
    @Transactional
    public Notice issueFeeNotice(String caseNo, FeeCalculator.Method method, int quantity, LocalDate payBy) {
        return issueFeeNotice(caseNo, method, quantity, payBy, null);
    }

    /** The same, with the head's decision on a waiver request and its reasons ({@code waiverNote}, or null). */
    @Transactional
    public Notice issueFeeNotice(String caseNo, FeeCalculator.Method method, int quantity, LocalDate payBy,
                                 String waiverNote) {
        int amount = method == FeeCalculator.Method.PER_APPLICATION ? FeeCalculator.perApplication(quantity)
                : FeeCalculator.byVolume(quantity);
        Map<String, Object> model = new HashMap<>();
        model.put("methodLabel", method.label());
        model.put("actName", Texts.get("notice.act.fee"));
        model.put("basis", method == FeeCalculator.Method.PER_APPLICATION
                ? Texts.get("notice.fee.basis.perApplication", quantity) : Texts.get("notice.fee.basis.byVolume", quantity));
        model.put("rate", method == FeeCalculator.Method.PER_APPLICATION
                ? Texts.get("notice.fee.rate.perApplication") : Texts.get("notice.fee.rate.byVolume"));
        model.put("amount", amount);
        model.put("payByText", chineseDate(payBy));
        model.put("paymentInstructions", agency.paymentInstructionsOrDefault());
        model.put("waiverNote", waiverNote);
        return issue(caseNo, NoticeType.FEE, model);
    }

    private Notice issueLetter(String caseNo, NoticeType type, String addressee, String email,
                               String informationConcerned, LocalDate answerBy, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("addressee", addressee);
        model.put("informationConcerned", informationConcerned);
        model.put("answerByText", answerBy == null ? null : chineseDate(answerBy));
        ApplicationCase c = caseFiles.get(caseNo);
        return renderCheckAndStore(c, type, NoticeRepository.ISSUED, model(c, type, model), email);
    }

    private Notice issue(String caseNo, NoticeType type, Map<String, Object> extra) {
        ApplicationCase c = caseFiles.get(caseNo);
        return renderCheckAndStore(c, type, NoticeRepository.ISSUED, model(c, type, extra), c.email());
    }

    /** Keeps the notice with the case, records it, and (once issued) queues it to {@code recipient}. */
    private Notice store(ApplicationCase c, NoticeType type, String status, byte[] pdf, Map<String, Object> model,
                         String recipient, DocumentNumbers.Reservation number) {
        LocalDate today = LocalDate.now(clock);
        boolean issued = NoticeRepository.ISSUED.equals(status);
        String sha256 = null;
        if (signed(status)) {
            // Signed only now, after every check: what is stored is exactly what is sent and downloaded.
            pdf = signer.sign(pdf, Texts.get("notice.seal.reason", type.title(), c.caseNo()), clock.instant());
            sha256 = Fingerprints.sha256(pdf);
        }
        long id = notices.insert(c.id(), type, status, today, clock.instant(), pdf, sha256,
                number == null ? null : number.text());
        if (number != null) {
            numbers.confirm(number, id);
        }
        caseFiles.recordEvent(c.caseNo(), issued ? "NOTICE_ISSUED" : "NOTICE_DRAFTED", "notice", null, type.name(),
                "system", Texts.get(issued ? "notice.event.issued" : "notice.event.drafted", type.title(), id));
        if (issued) {
            // Served by the delivery feature in this transaction, by the channel the addressee chose (e-mail via
            // the outbox, post, collection, …); a notice is never taken as delivered merely because it was made.
            String subject = Texts.get("notice.mail.subject", type.title(), c.caseNo());
            String addressee = type.addressedToApplicant() ? null : (String) model.get("addressee");
            events.publishEvent(new NoticeIssued(c.id(), c.caseNo(), id, type, addressee, recipient, subject,
                    recipient == null ? null : templates.mail(type.mailTemplate(), model)));
        }
        return new Notice(id, c.id(), type.name(), type.title(), today);
    }

    private Map<String, Object> model(ApplicationCase c, NoticeType type, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("title", type.title());
        model.put("c", c);
        model.put("agency", agency);
        model.put("receivedOnText", chineseDate(c.receivedOn()));
        // An extension notice brings its own (the clock's) due date; see issueExtension.
        model.putIfAbsent("dueOnText", chineseDate(c.dueOn()));
        model.put("issuedOnText", chineseDate(LocalDate.now(clock)));
        model.put("sealImage", sealImage);
        model.put("verifyUrl", keys.enabled() ? verifyUrl : null);
        // What the notice quotes as the request; a feature that quotes it otherwise (e.g. item lists) may set it.
        model.putIfAbsent(NoticeRules.REQUEST, c.description());
        // The row of this very notice: the acknowledgment of a reply given on the spot has its own.
        model.put("remedies", rules.rule(type, extra).map(NoticeRules.Rule::remedies).orElse(rules.remedies(type)));
        model.put("docNumberDraft", Texts.get("notice.docNumber.draft"));
        for (String optional : new String[] {"trackingCode", "addressee", "answerByText", "correctByText",
                "payByText", "abandonment", "actName", "reconsiderationFirst", "answerLink", "draft", "docNumber",
                "remedyNote", "searchDescription", NoticeRules.ON_THE_SPOT_REPLY, "onSpotTypeLabel"}) {
            model.putIfAbsent(optional, null);
        }
        return model;
    }

    static String deliveryText(Delivery delivery) {
        return switch (delivery) {
            case EMAIL, POST, PICKUP, ONLINE -> Texts.get("notice.delivery." + delivery.name());
        };
    }

    public static String chineseDate(LocalDate d) {
        return d == null ? "" : Texts.get("notice.date", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /**
     * A clerk's phrase that the template continues with its own punctuation: without trailing sentence
     * punctuation, so that "因……。，" cannot occur.
     */
    static String clause(String s) {
        String t = blankToNull(s);
        return t == null ? null : blankToNull(t.replaceAll("[。．.，,；;：:！!？?、\\s]+$", ""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
