package cn.gov.disclosure.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.calendar.ReceiptPresumption;
import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClocks;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.TrackingCodes;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeService;

/**
 * Consultation of other agencies (Art. 34) and third parties (Art. 32): checks the clerk's plan, sends the
 * letters (agencies get a one-time answer link), records answers and silence one row per consultation, stops
 * and restarts the reply clock, and says in one line who has and hasn't answered. Knows nothing of the
 * engine: the BPMN reaches it through {@code workflow/consultation}, and an answer through the link is
 * announced as {@link ConsultationAnswered} for whatever waits on it.
 */
@Service
public class ConsultationService {

    /** The decide-reply form's fields the Art. 15 check files its refusals under (the Art. 15 ground, the reason). */
    static final String WITHHOLD_FIELD = "withhold_THIRD_PARTY_RIGHTS";
    static final String REASON_FIELD = "thirdPartyNotConsultedReason";

    /** Tries of one link answer when a concurrent answer on the same case got there first. */
    static final int LINK_ATTEMPTS = 5;

    private final AgencyDirectory directory;
    private final ConsultationRepository consultations;
    private final CaseFileService caseFiles;
    private final CaseClocks clocks;
    private final NoticeService notices;
    private final StatutoryDeadlines deadlines;
    private final Clock clock;
    private final String publicBaseUrl;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ReceiptPresumption presumption;

    public ConsultationService(AgencyDirectory directory, ConsultationRepository consultations,
                               CaseFileService caseFiles, CaseClocks clocks, NoticeService notices,
                               StatutoryDeadlines deadlines, Clock clock,
                               @Value("${disclosure.public-base-url:http://localhost:8080}") String publicBaseUrl,
                               MailOutbox outbox, ApplicationEventPublisher events,
                               PlatformTransactionManager transactionManager, ReceiptPresumption presumption) {
        this.presumption = presumption;
        this.directory = directory;
        this.consultations = consultations;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.notices = notices;
        this.deadlines = deadlines;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.outbox = outbox;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    // ---- the plan (检索查找政府信息 form) ----

    /** The consultation plan must name known agencies, a reachable third party and the information concerned. */
    public void validatePlan(ConsultationPlan plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.consultAgencies()) {
            List<String> codes = plan.agencyCodeList();
            if (codes.isEmpty()) {
                errors.add(new FieldError("agencyCodes",
                        Texts.get("consultation.error.agencyCodesMissing", directory.describe())));
            }
            for (String code : codes) {
                if (directory.find(code).isEmpty()) {
                    errors.add(new FieldError("agencyCodes",
                            Texts.get("consultation.error.agencyUnknown", code, directory.describe())));
                }
            }
        }
        if (plan.consultThirdParty()) {
            if (plan.thirdPartyName() == null) {
                errors.add(new FieldError("thirdPartyName", Texts.get("consultation.error.thirdPartyNameMissing")));
            }
            if (plan.thirdPartyEmail() == null && plan.thirdPartyAddress() == null) {
                errors.add(new FieldError("thirdPartyEmail",
                        Texts.get("consultation.error.thirdPartyContactMissing")));
            }
        }
        if (plan.consults() && plan.informationConcerned() == null) {
            errors.add(new FieldError("informationConcerned", Texts.get("consultation.error.informationMissing")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The agency directory as the clerk reads it in the search form. */
    public String directoryText() {
        return directory.describe();
    }

    /** The agencies the clerk chooses from in the search form: code → name, in the directory's order. */
    public java.util.Map<String, String> directoryChoices() {
        java.util.Map<String, String> choices = new java.util.LinkedHashMap<>();
        directory.agencyDirectory().forEach(e -> choices.put(e.code(), e.name()));
        return choices;
    }

    // ---- the reply clock ----

    /** Arts. 32, 34: the time spent consulting is not counted; the applicant is told. */
    @Transactional
    public void pauseClock(String caseNo, boolean consultsThirdParty, String actor) {
        PauseReason reason = consultsThirdParty ? PauseReason.THIRD_PARTY_CONSULTATION
                : PauseReason.AGENCY_CONSULTATION;
        clocks.pause(caseNo, reason, today(), actor);
        tellApplicant(caseNo, Texts.get("consultation.paused.subject"),
                Texts.get("consultation.paused.text", reason.label(), reason.basis()));
    }

    /**
     * The consultation stage is over: the clock runs again with the days that were left and the applicant is
     * told the new due day.
     *
     * @return the status line of all the case's consultations
     */
    @Transactional
    public String resumeClock(String caseNo, String actor) {
        ReplyClock.Reading reading = clocks.resume(caseNo, today(), actor);
        tellApplicant(caseNo, Texts.get("consultation.resumed.subject"), reading.due()
                .map(due -> Texts.get("consultation.resumed.text", today().plusDays(1), due))
                .orElseGet(() -> Texts.get("consultation.resumed.textStillPaused")));
        return status(caseNo);
    }

    /** Stage changes the applicant cares about go to them by e-mail (the notices carry the rest). */
    private void tellApplicant(String caseNo, String subject, String text) {
        ApplicationCase c = caseFiles.get(caseNo);
        if (c.email() != null) {
            outbox.enqueue(c.id(), c.email(), Texts.get("consultation.applicant.subject", subject, caseNo),
                    Texts.get("consultation.applicant.body", c.applicantName(), caseNo, text), null);
        }
    }

    // ---- letters ----

    /** Sends one agency its 征求意见函 with a one-time answer link. */
    @Transactional
    public ConsultationLetter sendAgencyLetter(String caseNo, String agencyCode, String information, String actor) {
        AgencyDirectory.Entry agency = directory.find(agencyCode).orElseThrow(() -> new IllegalArgumentException(
                "agency not in the directory: " + agencyCode));
        ApplicationCase c = caseFiles.get(caseNo);
        LetterReceipt presumed = agency.email() != null ? LetterReceipt.PRESUMED_EMAIL : LetterReceipt.PRESUMED_POST;
        LocalDate receivedOn = presumedReceipt(presumed);
        LocalDate answerBy = deadlines.periods().consultationAnswerDue(receivedOn).due();
        String token = TrackingCodes.generate() + "-" + TrackingCodes.generate();
        long id = consultations.insert(c.id(), Consultation.AGENCY, agency.code(), agency.name(), agency.email(),
                agency.address(), information, today(), answerBy, TrackingCodes.hash(token), receivedOn, presumed);
        Notice letter = notices.issueAgencyConsultation(c.caseNo(), agency.name(), agency.email(), information,
                answerBy, publicBaseUrl + "/consultation/" + token);
        consultations.attachNotice(id, letter.id());
        caseFiles.recordEvent(c.caseNo(), "CONSULTATION_SENT", "consultation", null, agency.name(), actor,
                Texts.get("consultation.event.agencySent", agency.name(), answerBy)
                        + Texts.get("consultation.event.presumedReceipt", receivedOn, presumed.label()));
        return new ConsultationLetter(id, agency.name(), answerBy, letter.id());
    }

    /** Sends the third party its 第三方意见征询函 (by e-mail if known; otherwise the clerk posts the PDF). */
    @Transactional
    public ConsultationLetter sendThirdPartyLetter(String caseNo, ConsultationPlan plan, String actor) {
        ApplicationCase c = caseFiles.get(caseNo);
        String name = plan.thirdPartyName();
        String email = plan.thirdPartyEmail();
        LetterReceipt presumed = email != null ? LetterReceipt.PRESUMED_EMAIL : LetterReceipt.PRESUMED_POST;
        LocalDate receivedOn = presumedReceipt(presumed);
        LocalDate answerBy = deadlines.periods().consultationAnswerDue(receivedOn).due();
        long id = consultations.insert(c.id(), Consultation.THIRD_PARTY, null, name, email,
                plan.thirdPartyAddress(), plan.informationConcerned(), today(), answerBy, null, receivedOn, presumed);
        Notice letter = notices.issueThirdPartyConsultation(c.caseNo(), name, email, plan.informationConcerned(),
                answerBy);
        consultations.attachNotice(id, letter.id());
        caseFiles.recordEvent(c.caseNo(), "CONSULTATION_SENT", "consultation", null, name, actor,
                Texts.get("consultation.event.thirdPartySent", name,
                        Texts.get(email != null ? "consultation.delivery.email" : "consultation.delivery.post"),
                        answerBy) + Texts.get("consultation.event.presumedReceipt", receivedOn, presumed.label()));
        return new ConsultationLetter(id, name, answerBy, letter.id());
    }

    /**
     * Arts. 32, 34: until someone says when the letter arrived, it is presumed to arrive under the one rule for
     * every notice ({@link ReceiptPresumption}). The answer period counts from that day.
     */
    private LocalDate presumedReceipt(LetterReceipt how) {
        return presumption.receivedOn(today(), how == LetterReceipt.PRESUMED_EMAIL ? ReceiptPresumption.Means.EMAIL
                : ReceiptPresumption.Means.POST);
    }

    // ---- receipt of the letter ----

    /**
     * The day a consultation letter reached the third party or agency (Arts. 32, 34): the 15 working days are
     * counted again from it, the change is a case event with the old and new answer day, and
     * {@link ConsultationAnswerDayChanged} moves the waiting task and its timer. A presumption gives way to any
     * confirmation; the link's gives way only to a person or a delivery record ({@link LetterReceipt#replaces}),
     * otherwise the call changes nothing.
     *
     * @return the consultation as it now stands
     */
    @Transactional
    public Consultation recordLetterReceived(long consultationId, LocalDate receivedOn, LetterReceipt source) {
        Consultation c = consultations.find(consultationId).orElseThrow(() -> new InvalidInputException(
                "consultationId", Texts.get("consultation.error.unknown", consultationId)));
        if (receivedOn == null) {
            throw new InvalidInputException("letterReceivedOn", Texts.get("consultation.error.receivedOnMissing"));
        }
        if (receivedOn.isBefore(c.sentOn())) {
            throw new InvalidInputException("letterReceivedOn",
                    Texts.get("consultation.error.receivedBeforeSent", c.sentOn()));
        }
        if (receivedOn.isAfter(today())) {
            throw new InvalidInputException("letterReceivedOn", Texts.get("consultation.error.receivedInFuture"));
        }
        if (c.answered()) {
            throw new InvalidInputException("consultationId", Texts.get("consultation.error.alreadyAnswered",
                    c.partyName()));
        }
        if (!source.replaces(c.receiptSource()) || (receivedOn.equals(c.letterReceivedOn())
                && source == c.receiptSource())) {
            return c;
        }
        LocalDate answerBy = deadlines.periods().consultationAnswerDue(receivedOn).due();
        if (!consultations.recordReceipt(c.id(), receivedOn, source, answerBy)) {
            return consultations.find(consultationId).orElseThrow();
        }
        String caseNo = caseFiles.caseNoOf(c.caseId());
        caseFiles.recordEvent(caseNo, "CONSULTATION_RECEIVED", "answerBy", c.answerBy().toString(),
                answerBy.toString(), source == LetterReceipt.CLERK ? "clerk" : "system",
                Texts.get("consultation.event.received", c.partyName(), receivedOn, source.label(), answerBy));
        events.publishEvent(new ConsultationAnswerDayChanged(caseNo, c.id(), c.partyKind(), answerBy));
        return consultations.find(consultationId).orElseThrow();
    }

    // ---- answers ----

    /**
     * The clerk records an answer received by letter, or confirms one already given through the link (then
     * the stored answer stands and {@code outcome} is ignored).
     *
     * @return the consultation with its answer
     */
    @Transactional
    public Consultation recordAnswer(long consultationId, ConsultationOutcome outcome, String opinion,
                                     String actor) {
        Consultation before = consultations.find(consultationId).orElseThrow();
        if (!before.answered()) {
            String reason = clean(opinion);
            if (outcome != ConsultationOutcome.AGREES && outcome != ConsultationOutcome.OBJECTS) {
                throw new InvalidInputException("answerOutcome", Texts.get("consultation.error.outcomeMissing"));
            }
            if (outcome == ConsultationOutcome.OBJECTS && reason == null) {
                throw new InvalidInputException("answerOpinion", Texts.get("consultation.error.opinionMissing"));
            }
            record(before, outcome, reason, actor, false);
        }
        return consultations.find(consultationId).orElseThrow();
    }

    /**
     * The answer period ended without an answer: an agency's silence is consent (Art. 34); a third party's
     * leaves the decision to the office (Art. 32).
     */
    @Transactional
    public Consultation recordSilence(long consultationId) {
        Consultation c = consultations.find(consultationId).orElseThrow();
        ConsultationOutcome outcome = Consultation.AGENCY.equals(c.partyKind())
                ? ConsultationOutcome.SILENT_CONSENT : ConsultationOutcome.SILENT;
        record(c, outcome, null, "system", false);
        return consultations.find(consultationId).orElseThrow();
    }

    /** The head's choices after a third party objected (Art. 32; 决定是否因公共利益公开). */
    public static final String UPHOLD = "UPHOLD";
    public static final String OVERRIDE = "OVERRIDE";
    /** 异议不成立: the objection has no reasonable grounds, so Art. 15 does not bar disclosure. */
    public static final String OBJECTION_UNREASONABLE = "OBJECTION_UNREASONABLE";

    /**
     * The head's decision after a third party objected (Art. 32): uphold the objection, find it without
     * reasonable grounds (异议不成立), or disclose in the public interest. Both ways of disclosing need reasons,
     * which the third party is told in writing.
     *
     * @return whether the objection is upheld
     */
    @Transactional
    public boolean recordPublicInterestDecision(String caseNo, String decision, String reason, String actor) {
        String why = clean(reason);
        if (!UPHOLD.equals(decision) && !OVERRIDE.equals(decision) && !OBJECTION_UNREASONABLE.equals(decision)) {
            throw new InvalidInputException("publicInterestDecision",
                    Texts.get("consultation.error.decisionMissing"));
        }
        if (!UPHOLD.equals(decision) && why == null) {
            throw new InvalidInputException("publicInterestReason", Texts.get(OVERRIDE.equals(decision)
                    ? "consultation.error.overrideReasonMissing" : "consultation.error.unreasonableReasonMissing"));
        }
        boolean upheld = UPHOLD.equals(decision);
        caseFiles.recordEvent(caseNo, "PUBLIC_INTEREST_DECISION", "thirdPartyObjectionUpheld", null,
                String.valueOf(upheld), actor, switch (decision) {
                    case OVERRIDE -> Texts.get("consultation.event.override", why);
                    case OBJECTION_UNREASONABLE -> Texts.get("consultation.event.unreasonable", why);
                    default -> Texts.get("consultation.event.upheld");
                });
        return upheld;
    }

    /** The same with the older yes/no form of the decision (true: disclose in the public interest). */
    @Transactional
    public boolean recordPublicInterestDecision(String caseNo, Boolean override, String reason, String actor) {
        return recordPublicInterestDecision(caseNo, override == null ? null : override ? OVERRIDE : UPHOLD, reason,
                actor);
    }

    /**
     * Art. 15 with Art. 32: withholding to protect a third party's rights (不予公开 or the withheld part of a
     * partial disclosure) needs the third party's voice. It may go out only if the third party was consulted,
     * objected, and the objection stands; or if the clerk records why the third party could not be consulted
     * (recorded as a case event). A third party whose objection was overruled cannot be invoked afterwards.
     *
     * @param objectionUpheld the consultation's result (null if no third party answered with an objection)
     */
    @Transactional
    public void checkThirdPartyGround(String caseNo, boolean withholdsForThirdParty, Boolean objectionUpheld,
                                      String notConsultedReason, String actor) {
        checkThirdPartyGround(caseNo, withholdsForThirdParty ? List.of(0) : List.of(), objectionUpheld,
                notConsultedReason, actor);
    }

    /**
     * The same for a reply of one decision or of several items. {@code items}: the numbers of the items withheld on
     * Art. 15 grounds (empty: none; {@code 0} stands for the single decision of a one-item reply). With several
     * items each one refused on Art. 15 is held to the same rule; the messages name them.
     * <p>
     * A consulted third party that did not answer in time (Art. 32: the agency then decides) or that consented
     * (Art. 15: then disclose) is not asked why it was "not consulted": the clerk states the agency's own reasons
     * for withholding under the wording that fits, recorded as its own case event.
     */
    @Transactional
    public void checkThirdPartyGround(String caseNo, List<Integer> items, Boolean objectionUpheld,
                                      String reason, String actor) {
        if (items == null || items.isEmpty()) {
            return;
        }
        String which = itemNumbers(items);
        ApplicationCase c = caseFiles.get(caseNo);
        List<ConsultationOutcome> answers = consultations.forCase(c.id()).stream()
                .filter(k -> Consultation.THIRD_PARTY.equals(k.partyKind()) && k.outcome() != null)
                .map(Consultation::outcome).toList();
        if (answers.contains(ConsultationOutcome.OBJECTS)) {
            if (Boolean.TRUE.equals(objectionUpheld)) {
                return;
            }
            throw new InvalidInputException(WITHHOLD_FIELD,
                    onItems(which, Texts.get("consultation.error.objectionOverruled")));
        }
        // Which wording fits: silence, consent, or no consultation at all.
        String kind = answers.contains(ConsultationOutcome.SILENT) ? "silent"
                : answers.contains(ConsultationOutcome.AGREES) ? "consented" : "notConsulted";
        String why = clean(reason);
        if (why == null || why.length() < 4) {
            throw new InvalidInputException(REASON_FIELD,
                    onItems(which, Texts.get("consultation.error.thirdParty." + kind)));
        }
        String event = switch (kind) {
            case "silent" -> "THIRD_PARTY_SILENT";
            case "consented" -> "THIRD_PARTY_CONSENTED";
            default -> "THIRD_PARTY_NOT_CONSULTED";
        };
        caseFiles.recordEvent(caseNo, event, REASON_FIELD, null, why, actor,
                onItems(which, Texts.get("consultation.event.thirdParty." + kind, why)));
    }

    /**
     * The same rule where nothing can be asked any more (the draft is rendered after the submit): items withheld on
     * Art. 15 pass only with a standing objection or a reason recorded by {@link #checkThirdPartyGround}; otherwise
     * the problem to send back to the clerk. Empty when nothing is withheld on Art. 15 or the rule is met.
     */
    @Transactional
    public List<String> thirdPartyGroundProblems(String caseNo, List<Integer> items, Boolean objectionUpheld) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        ApplicationCase c = caseFiles.get(caseNo);
        boolean objected = consultations.forCase(c.id()).stream().anyMatch(k -> Consultation.THIRD_PARTY.equals(
                k.partyKind()) && k.outcome() == ConsultationOutcome.OBJECTS);
        if (objected && Boolean.TRUE.equals(objectionUpheld)) {
            return List.of();
        }
        boolean reasoned = !objected && caseFiles.events(caseNo).stream().map(e -> e.type()).anyMatch(t ->
                t.equals("THIRD_PARTY_NOT_CONSULTED") || t.equals("THIRD_PARTY_SILENT") || t.equals("THIRD_PARTY_CONSENTED"));
        if (reasoned) {
            return List.of();
        }
        String which = itemNumbers(items);
        return List.of(onItems(which, Texts.get(objected ? "consultation.error.objectionOverruled"
                : "consultation.error.thirdParty.notConsulted")));
    }

    /** The items' numbers as the messages name them ({@code 0}, the single decision of a one-item reply, unnamed). */
    private static String itemNumbers(List<Integer> items) {
        return items.stream().filter(no -> no != null && no > 0).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("、"));
    }

    private static String onItems(String which, String message) {
        return which.isEmpty() ? message : Texts.get("consultation.error.onItems", which, message);
    }

    /** Art. 32: tell the third party in writing what will be disclosed and why. */
    @Transactional
    public void notifyThirdPartyOfOverride(String caseNo, long consultationId, String reason) {
        notifyThirdPartyOfDisclosure(caseNo, consultationId, OVERRIDE, reason);
    }

    /** Art. 32: the letter says whether the objection was found unreasonable or overridden in the public interest. */
    @Transactional
    public void notifyThirdPartyOfDisclosure(String caseNo, long consultationId, String decision, String reason) {
        Consultation c = consultations.find(consultationId).orElseThrow();
        notices.issuePublicInterestDisclosure(caseNo, c.partyName(), c.partyEmail(), c.information(),
                clean(reason), OBJECTION_UNREASONABLE.equals(decision));
    }

    /**
     * An agency answers through its link: records the answer once and announces it, so that the clerk's
     * waiting task is completed in the same transaction. When another answer on the same case commits first
     * the engine reports a concurrency failure; the whole answer is then tried again in a fresh transaction,
     * so parallel answers all land.
     *
     * @return false if the link is unknown, already used, or past the answer day
     */
    public boolean answerThroughLink(String token, ConsultationOutcome outcome, String opinion) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside someone else's transaction a retry could not start afresh.
            return answerOnce(token, outcome, opinion);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(transaction.execute(status -> answerOnce(token, outcome, opinion)));
            } catch (ConcurrencyFailureException e) {
                if (attempt >= LINK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private boolean answerOnce(String token, ConsultationOutcome outcome, String opinion) {
        Optional<Consultation> found = usableByToken(token);
        if (found.isEmpty()) {
            return false;
        }
        Consultation c = found.get();
        String reason = clean(opinion);
        if (!record(c, outcome, reason, Texts.get("consultation.actor.link", c.partyName()), true)) {
            return false;
        }
        events.publishEvent(new ConsultationAnswered(caseFiles.caseNoOf(c.caseId()), c.id(), c.partyKind(),
                outcome, reason));
        return true;
    }

    /** The consultation behind a link that may still be used. */
    public Optional<Consultation> usableByToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return consultations.findByTokenHash(TrackingCodes.hash(token))
                .filter(c -> !c.answered() && !c.tokenUsed() && !today().isAfter(c.answerBy()));
    }

    /** "示例市自然资源局：同意公开；某公司：尚未答复（期限2026-12-14）", from the stored answers. */
    public String status(String caseNo) {
        return status(caseFiles.get(caseNo).id());
    }

    public String status(long caseId) {
        List<String> parts = new ArrayList<>();
        for (Consultation c : consultations.forCase(caseId)) {
            parts.add(c.answered() ? Texts.get("consultation.status.answered", c.partyName(), c.outcome().label())
                    : Texts.get("consultation.status.pending", c.partyName(), c.answerBy()));
        }
        return String.join(Texts.get("consultation.status.separator"), parts);
    }

    private boolean record(Consultation c, ConsultationOutcome outcome, String opinion, String by, boolean link) {
        boolean recorded = consultations.recordAnswer(c.id(), outcome, opinion, clock.instant(), by, link);
        if (recorded) {
            caseFiles.recordEvent(caseFiles.caseNoOf(c.caseId()), "CONSULTATION_ANSWERED", "consultation", null,
                    outcome.name(), by, opinion == null
                            ? Texts.get("consultation.event.answered", c.partyName(), outcome.label())
                            : Texts.get("consultation.event.answeredWithReason", c.partyName(), outcome.label(),
                                    opinion));
        }
        return recorded;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
