package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
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

    private final CaseFileService caseFiles;
    private final NoticeTemplates templates;
    private final PdfRenderer renderer;
    private final NoticeRepository notices;
    private final MailOutbox outbox;
    private final AgencyProfile agency;
    private final Clock clock;
    private final ReplyCatalogue catalogue;
    private final NoticeChecker checker;
    private final SealImage seal;
    private final SealKeys keys;
    private final PdfSigner signer;
    private final String verifyUrl;
    private final String trackUrl;

    public NoticeService(CaseFileService caseFiles, NoticeTemplates templates, PdfRenderer renderer,
                         NoticeRepository notices, MailOutbox outbox, AgencyProfile agency, Clock clock,
                         ReplyCatalogue catalogue, NoticeChecker checker, SealImage seal, SealKeys keys,
                         PdfSigner signer,
                         @Value("${disclosure.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.seal = seal;
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

    /** 受理回执. The tracking code is printed on it only when the intake step still has it in hand. */
    @Transactional
    public Notice issueAcknowledgment(String caseNo, String trackingCode) {
        Map<String, Object> model = new HashMap<>();
        model.put("trackingCode", trackingCode);
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
        List<String> problems = checker.checkDraft(c, draft);
        if (!problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        ReplyCatalogue.ReplyType type = catalogue.require(draft.replyType());
        Map<String, Object> model = model(c, NoticeType.REPLY, replyModel(c, type, draft));
        model.put("draft", NoticeRepository.DRAFT.equals(status));
        byte[] pdf = renderer.render(templates.notice(NoticeType.REPLY.template(), model), NoticeType.REPLY.title());
        problems = checker.checkRendered(pdf, c, type, draft, (String) model.get("issuedOnText"));
        if (!problems.isEmpty()) {
            throw new NoticeIncompleteException(problems);
        }
        return store(c, NoticeType.REPLY, status, pdf, model);
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
        model.put("referralAgency", type.referral() ? blankToNull(draft.referralAgency()) : null);
        model.put("referralContact", type.referral() ? blankToNull(draft.referralContact()) : null);
        model.put("reconsiderationFirst", type.reconsiderationFirst());
        return model;
    }

    /** 延期告知书 (Art. 33(2)): the new due date, the reason and that the head approved it. */
    @Transactional
    public Notice issueExtension(String caseNo, int days, String reason) {
        Map<String, Object> model = new HashMap<>();
        model.put("extensionDays", days);
        model.put("actName", Texts.get("notice.act.extension"));
        model.put("reason", blankToNull(reason));
        return issue(caseNo, NoticeType.EXTENSION, model);
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
        Map<String, Object> extra = new HashMap<>();
        extra.put("reason", reason);
        extra.put("actName", Texts.get("notice.act.publicInterest"));
        return issueLetter(caseNo, NoticeType.PUBLIC_INTEREST_DISCLOSURE, thirdParty, email, information, null,
                extra);
    }

    /** 收费通知 (Art. 42): basis, rate, amount, how and by when to pay. */
    @Transactional
    public Notice issueFeeNotice(String caseNo, FeeCalculator.Method method, int quantity, LocalDate payBy) {
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
        return issue(caseNo, NoticeType.FEE, model);
    }

    private Notice issueLetter(String caseNo, NoticeType type, String addressee, String email,
                               String informationConcerned, LocalDate answerBy, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("addressee", addressee);
        model.put("informationConcerned", informationConcerned);
        model.put("answerByText", answerBy == null ? null : chineseDate(answerBy));
        ApplicationCase c = caseFiles.get(caseNo);
        Map<String, Object> full = model(c, type, model);
        byte[] pdf = renderer.render(templates.notice(type.template(), full), type.title());
        return store(c, type, NoticeRepository.ISSUED, pdf, full, email);
    }

    private Notice issue(String caseNo, NoticeType type, Map<String, Object> extra) {
        ApplicationCase c = caseFiles.get(caseNo);
        Map<String, Object> model = model(c, type, extra);
        byte[] pdf = renderer.render(templates.notice(type.template(), model), type.title());
        return store(c, type, NoticeRepository.ISSUED, pdf, model);
    }

    private Notice store(ApplicationCase c, NoticeType type, String status, byte[] pdf, Map<String, Object> model) {
        return store(c, type, status, pdf, model, c.email());
    }

    /** Keeps the notice with the case, records it, and (once issued) queues it to {@code recipient}. */
    private Notice store(ApplicationCase c, NoticeType type, String status, byte[] pdf, Map<String, Object> model,
                         String recipient) {
        LocalDate today = LocalDate.now(clock);
        boolean issued = NoticeRepository.ISSUED.equals(status);
        String sha256 = null;
        if (issued && keys.enabled()) {
            // Signed only now, after every check: what is stored is exactly what is sent and downloaded.
            pdf = signer.sign(pdf, Texts.get("notice.seal.reason", type.title(), c.caseNo()), clock.instant());
            sha256 = Fingerprints.sha256(pdf);
        }
        long id = notices.insert(c.id(), type, status, today, clock.instant(), pdf, sha256);
        caseFiles.recordEvent(c.caseNo(), issued ? "NOTICE_ISSUED" : "NOTICE_DRAFTED", "notice", null, type.name(),
                "system", Texts.get(issued ? "notice.event.issued" : "notice.event.drafted", type.title(), id));
        if (issued && recipient != null) {
            String subject = Texts.get("notice.mail.subject", type.title(), c.caseNo());
            outbox.enqueue(c.id(), recipient, subject, templates.mail(type.mailTemplate(), model), id);
        }
        return new Notice(id, c.id(), type.name(), type.title(), today);
    }

    private Map<String, Object> model(ApplicationCase c, NoticeType type, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("title", type.title());
        model.put("c", c);
        model.put("agency", agency);
        model.put("receivedOnText", chineseDate(c.receivedOn()));
        model.put("dueOnText", chineseDate(c.dueOn()));
        model.put("issuedOnText", chineseDate(LocalDate.now(clock)));
        model.put("sealImage", seal.dataUri());
        model.put("verifyUrl", keys.enabled() ? verifyUrl : null);
        for (String optional : new String[] {"trackingCode", "addressee", "answerByText", "correctByText",
                "payByText", "abandonment", "actName", "reconsiderationFirst", "answerLink", "draft"}) {
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
