package cn.gov.disclosure.intake;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.gov.disclosure.acknowledgment.AcknowledgmentService;
import cn.gov.disclosure.acknowledgment.ReceiptController;
import cn.gov.disclosure.casefile.CaseNumberGenerator;
import cn.gov.disclosure.items.CaseItems;
import cn.gov.disclosure.items.ItemRequest;
import cn.gov.disclosure.ratelimit.RateLimiter;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.Texts;

/**
 * Receives an application: validates it (staff registrations are never refused for missing content: 不拒收), stores
 * the case and its items, queues its acknowledgment and starts its process in one
 * transaction, so that an accepted application is never lost and a rejected one leaves nothing behind. The case
 * number is reserved just before, in a short transaction of its own ({@link CaseNumberGenerator}), and the
 * acknowledgment PDF is rendered after the commit by the process's retried step: the transaction holds no lock
 * and waits for nothing slow.
 */
@Service
public class IntakeService {

    private final CaseFileService caseFiles;
    private final StatutoryDeadlines deadlines;
    private final ApplicationProcess process;
    private final IntakeMetrics metrics;
    private final CaseNumberGenerator numbers;
    private final AcknowledgmentService acknowledgments;
    private final TransactionTemplate transaction;
    private final CaseItems items;
    private final RateLimiter limiter;

    public IntakeService(CaseFileService caseFiles, StatutoryDeadlines deadlines, ApplicationProcess process,
                         IntakeMetrics metrics, CaseNumberGenerator numbers, AcknowledgmentService acknowledgments,
                         PlatformTransactionManager txManager, CaseItems items, RateLimiter limiter) {
        this.items = items;
        this.limiter = limiter;
        this.caseFiles = caseFiles;
        this.deadlines = deadlines;
        this.process = process;
        this.metrics = metrics;
        this.numbers = numbers;
        this.acknowledgments = acknowledgments;
        this.transaction = new TransactionTemplate(txManager);
    }

    /**
     * What the applicant gets back: the receipt. Staff registrations add {@code receiptUrl}, the printable
     * 受理回执 to hand over (absent for applicants). Serializable: the portal hands it to the receipt page as a flash
     * attribute, kept in the shared session store.
     */
    public record Receipt(String caseNo, String trackingCode, LocalDate receivedOn, LocalDate dueOn,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String receiptUrl)
            implements java.io.Serializable {

        public Receipt(String caseNo, String trackingCode, LocalDate receivedOn, LocalDate dueOn) {
            this(caseNo, trackingCode, receivedOn, dueOn, null);
        }

        /** Without the tracking code: Spring MVC logs response bodies with toString at DEBUG/TRACE. */
        @Override
        public String toString() {
            return "Receipt[" + caseNo + ", received " + receivedOn + ", due " + dueOn + "]";
        }
    }

    /**
     * {@code POST /api/applications} and the portal: stores the case, then starts its process with it. Not one
     * transaction from end to end on purpose: the number is reserved (and committed) first, so no request holds a
     * pooled connection while it waits for the number, and none holds the number's lock while it stores the case.
     */
    public Receipt submit(ApplicationSubmission submission, String actor, boolean staff) {
        return submit(submission, actor, staff, null);
    }

    /**
     * The same, counting an applicant's attempt against {@code limitedAddress}'s submission limit as the storing
     * transaction's last statement ({@link RateLimiter#countInTransaction}; null: not limited, e.g. staff).
     *
     * @throws RateLimiter.LimitReached if the address reached its limit meanwhile; nothing is stored
     */
    public Receipt submit(ApplicationSubmission submission, String actor, boolean staff, String limitedAddress) {
        acknowledgments.intakeStarted();
        try {
            return accept(submission, actor, staff, limitedAddress);
        } finally {
            acknowledgments.intakeEnded();
        }
    }

    private Receipt accept(ApplicationSubmission submission, String actor, boolean staff, String limitedAddress) {
        long start = System.nanoTime();
        LocalDate today = caseFiles.today();
        Accepted s = validated(submission, staff, today);
        LocalDate receivedOn = receivedOn(s.submission(), staff, today);
        CaseNumberGenerator.Reservation number = numbers.reserve(receivedOn.getYear());
        CaseFileService.Registration r;
        try {
            r = transaction.execute(tx -> {
                CaseFileService.Registration stored = store(s, receivedOn, actor, number, start);
                process.start(stored.caseFile());
                // Last, so the address's counter row stays locked only for the commit.
                if (limitedAddress != null
                        && !limiter.countInTransaction(RateLimiter.Kind.SUBMISSION, limitedAddress)) {
                    throw new RateLimiter.LimitReached();
                }
                return stored;
            });
        } catch (RuntimeException | Error e) {
            numbers.release(number);
            throw e;
        }
        ApplicationCase c = r.caseFile();
        return new Receipt(c.caseNo(), r.trackingCode(), c.receivedOn(), c.dueOn(),
                staff ? ReceiptController.receiptUrl(c.caseNo()) : null);
    }

    /**
     * Validates and stores a case whose process is already starting (a clerk's start form in Tasklist, inside the
     * engine's transaction); throws with every problem listed so the clerk can correct the form and nothing is
     * stored.
     */
    @Transactional
    public CaseFileService.Registration register(ApplicationSubmission submission, String actor, boolean staff) {
        long start = System.nanoTime();
        LocalDate today = caseFiles.today();
        Accepted s = validated(submission, staff, today);
        LocalDate receivedOn = receivedOn(s.submission(), staff, today);
        // Inside the caller's transaction: its rollback gives the number back by itself.
        return store(s, receivedOn, actor, numbers.reserve(receivedOn.getYear()), start);
    }

    /** A submission that may be registered, with what it lacks (staff registrations only; 不拒收). */
    private record Accepted(ApplicationSubmission submission, List<String> missing) {
    }

    private Accepted validated(ApplicationSubmission submission, boolean staff, LocalDate today) {
        ApplicationSubmission s = submission == null ? null : submission.normalized();
        ApplicationValidator.Checked checked = ApplicationValidator.check(s, staff, today);
        // 不拒收: staff register letters, faxes and walk-ins whatever Art. 29 content they lack; the case then
        // asks for it in a correction notice (Art. 30). The web form and anonymous callers are refused as before.
        List<FieldError> errors = new java.util.ArrayList<>(checked.refusals());
        if (!staff) {
            errors.addAll(checked.missing());
        }
        if (!errors.isEmpty()) {
            metrics.refused(IntakeMetrics.Refusal.INVALID);
            throw new InvalidInputException(errors);
        }
        return new Accepted(s, staff ? MissingContent.items(checked.missing(), s) : List.of());
    }

    /**
     * Art. 31: online applications count as received when the system confirms them, i.e. today; staff record the
     * day a letter was signed for, a fax confirmed, or a walk-in handed over.
     */
    private static LocalDate receivedOn(ApplicationSubmission s, boolean staff, LocalDate today) {
        return staff && s.receivedOn() != null ? s.receivedOn() : today;
    }

    private CaseFileService.Registration store(Accepted accepted, LocalDate receivedOn, String actor,
                                               CaseNumberGenerator.Reservation number, long start) {
        ApplicationSubmission s = accepted.submission();
        List<String> missing = accepted.missing();
        LocalDate dueOn = deadlines.replyDue(receivedOn).due();
        ApplicationCase draft = missing.isEmpty() ? toDraft(s, receivedOn, dueOn)
                : MissingContent.provisionalDraft(s, receivedOn, dueOn);
        CaseFileService.Registration r = caseFiles.register(draft, actor, number);
        items.create(r.caseFile().caseNo(), requestedItems(s, draft), actor);
        if (!missing.isEmpty()) {
            MissingContent.record(caseFiles, r.caseFile(), s, missing, actor);
        }
        acknowledgments.queue(r.caseFile(), r.trackingCode());
        metrics.acceptedOnCommit(s.channel(), start);
        return r;
    }

    private static ApplicationCase toDraft(ApplicationSubmission s, LocalDate receivedOn, LocalDate dueOn) {
        ApplicationSubmission.Applicant a = s.applicant();
        ApplicationSubmission.Request q = s.request();
        return new ApplicationCase(0, null, s.channel(), receivedOn, a.type(), a.name(), a.idType(), a.idNumber(),
                a.contactPerson(), a.phone(), a.email(), a.address(), a.postalCode(), caseDescription(q),
                q.itemized() ? null : q.documentNumber(), q.form(), q.delivery(), q.feeWaiverReason(), Boolean.TRUE.equals(s.filledInByStaff()),
                CaseStatus.RECEIVED, dueOn, null, null, null, null);
    }

    /** Longest description the case row holds (application_case.description). */
    static final int CASE_DESCRIPTION_MAX = 4000;

    /**
     * The case's description: the lone description, or the items numbered one per line (what older readers of
     * the case row — lists, mails, the correction notice — show). Cut to the column with an ellipsis; the items
     * themselves are kept whole in case_item.
     */
    static String caseDescription(ApplicationSubmission.Request q) {
        if (!q.itemized()) {
            return q.description();
        }
        StringBuilder text = new StringBuilder();
        List<cn.gov.disclosure.items.ItemRequest> list = q.itemRequests();
        for (int i = 0; i < list.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(list.get(i).description());
        }
        return text.length() <= CASE_DESCRIPTION_MAX ? text.toString()
                : text.substring(0, CASE_DESCRIPTION_MAX - 1) + "\u2026";
    }

    /** Reads a Tasklist start form's variables into the same shape as the JSON API. */
    public static ApplicationSubmission fromFormVariables(Map<String, Object> v) {
        return new ApplicationSubmission(
                enumOrNull(Channel.class, v.get("channel")),
                dateOrNull(v.get("receivedOn")),
                new ApplicationSubmission.Applicant(
                        enumOrNull(ApplicantType.class, v.get("applicantType")),
                        str(v.get("applicantName")),
                        enumOrNull(IdType.class, v.get("idType")),
                        str(v.get("idNumber")),
                        str(v.get("contactPerson")),
                        str(v.get("phone")),
                        str(v.get("email")),
                        str(v.get("address")),
                        str(v.get("postalCode"))),
                new ApplicationSubmission.Request(
                        str(v.get("description")),
                        str(v.get("documentNumber")),
                        enumOrNull(InformationForm.class, v.get("form")),
                        enumOrNull(Delivery.class, v.get("delivery")),
                        str(v.get("feeWaiverReason"))),
                Boolean.TRUE.equals(v.get("filledInByStaff")) || "true".equals(v.get("filledInByStaff")));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate dateOrNull(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String s = value.toString();
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of("receivedOn", "intake.receivedOn.format"));
        }
    }

    /**
     * The items as asked; a letter registered without a description (不拒收) holds one item with the case's stand-in
     * wording, and an item left blank in a list gets it too, until the correction says what is wanted.
     */
    private static List<ItemRequest> requestedItems(ApplicationSubmission s, ApplicationCase draft) {
        if (s.request() == null || !s.request().itemized()) {
            return List.of(new ItemRequest(draft.description(), draft.documentNumber()));
        }
        return s.request().itemRequests().stream()
                .map(i -> ApplicationValidator.isBlank(i.description())
                        ? new ItemRequest(Texts.get("intake.missing.standIn.description"), i.documentNumber()) : i)
                .toList();
    }
}
