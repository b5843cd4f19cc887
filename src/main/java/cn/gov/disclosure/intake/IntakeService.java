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

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.FieldError;

/**
 * Receives an application: validates it, stores the case, queues its acknowledgment and starts its process in one
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

    public IntakeService(CaseFileService caseFiles, StatutoryDeadlines deadlines, ApplicationProcess process,
                         IntakeMetrics metrics, CaseNumberGenerator numbers, AcknowledgmentService acknowledgments,
                         PlatformTransactionManager txManager) {
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
        long start = System.nanoTime();
        LocalDate today = caseFiles.today();
        ApplicationSubmission s = validated(submission, staff, today);
        LocalDate receivedOn = receivedOn(s, staff, today);
        CaseNumberGenerator.Reservation number = numbers.reserve(receivedOn.getYear());
        CaseFileService.Registration r;
        try {
            r = transaction.execute(tx -> {
                CaseFileService.Registration stored = store(s, receivedOn, actor, number, start);
                process.start(stored.caseFile());
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
        ApplicationSubmission s = validated(submission, staff, today);
        LocalDate receivedOn = receivedOn(s, staff, today);
        // Inside the caller's transaction: its rollback gives the number back by itself.
        return store(s, receivedOn, actor, numbers.reserve(receivedOn.getYear()), start);
    }

    private ApplicationSubmission validated(ApplicationSubmission submission, boolean staff, LocalDate today) {
        ApplicationSubmission s = submission == null ? null : submission.normalized();
        List<FieldError> errors = ApplicationValidator.validate(s, staff, today);
        if (!errors.isEmpty()) {
            metrics.refused(IntakeMetrics.Refusal.INVALID);
            throw new InvalidInputException(errors);
        }
        return s;
    }

    /**
     * Art. 31: online applications count as received when the system confirms them, i.e. today; staff record the
     * day a letter was signed for, a fax confirmed, or a walk-in handed over.
     */
    private static LocalDate receivedOn(ApplicationSubmission s, boolean staff, LocalDate today) {
        return staff && s.receivedOn() != null ? s.receivedOn() : today;
    }

    private CaseFileService.Registration store(ApplicationSubmission s, LocalDate receivedOn, String actor,
                                               CaseNumberGenerator.Reservation number, long start) {
        LocalDate dueOn = deadlines.replyDue(receivedOn).due();
        CaseFileService.Registration r = caseFiles.register(toDraft(s, receivedOn, dueOn), actor, number);
        acknowledgments.queue(r.caseFile(), r.trackingCode());
        metrics.acceptedOnCommit(s.channel(), start);
        return r;
    }

    private static ApplicationCase toDraft(ApplicationSubmission s, LocalDate receivedOn, LocalDate dueOn) {
        ApplicationSubmission.Applicant a = s.applicant();
        ApplicationSubmission.Request q = s.request();
        return new ApplicationCase(0, null, s.channel(), receivedOn, a.type(), a.name(), a.idType(), a.idNumber(),
                a.contactPerson(), a.phone(), a.email(), a.address(), a.postalCode(), q.description(),
                q.documentNumber(), q.form(), q.delivery(), q.feeWaiverReason(), Boolean.TRUE.equals(s.filledInByStaff()),
                CaseStatus.RECEIVED, dueOn, null, null, null, null);
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
}
