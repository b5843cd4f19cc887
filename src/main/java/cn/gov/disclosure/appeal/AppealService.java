package cn.gov.disclosure.appeal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.Deadline;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClockChanged;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.mail.MailOutbox;

/**
 * Reconsideration (行政复议) and lawsuits (行政诉讼) on a case, Art. 51 — against the reply, against the failure
 * to reply in time (不作为), or by a third party against a disclosure; several per case: registers them with the agency's
 * own deadline (written answer in 10 working days, 5 in the simplified procedure; court defence in 15 days),
 * records hearings and the outcome, reopens the case when the decision corrects the reply, and works out the
 * 15 days to sue after a reconsideration decision. Plain values in and out; the process engine is driven by
 * {@code workflow/appeal}.
 */
@Service
public class AppealService {

    public static final String RECONSIDERATION = "RECONSIDERATION";
    public static final String LAWSUIT = "LAWSUIT";
    /** Outcome while the appeal runs; the others are UPHELD, CORRECTED, OTHER (form record-appeal-progress). */
    public static final String PENDING = "PENDING";
    public static final String CORRECTED = "CORRECTED";

    /** Who appealed: the applicant, or a third party (e.g. against a disclosure in the public interest, Art. 32). */
    public static final String APPLICANT = "APPLICANT";
    public static final String THIRD_PARTY = "THIRD_PARTY";
    /** Against what: the reply; the failure to reply in time (不作为); a disclosure a third party objected to. */
    public static final String AGAINST_REPLY = "AGAINST_REPLY";
    public static final String FAILURE_TO_REPLY = "FAILURE_TO_REPLY";
    public static final String AGAINST_DISCLOSURE = "AGAINST_DISCLOSURE";

    /** The 登记复议或诉讼 form as entered; dates as text (YYYY-MM-DD). */
    public record Registration(String caseNo, String kind, String body, String reference, String receivedOn,
                               boolean simplified, boolean afterReconsideration, String appellantType,
                               String appellantName) {

        public Registration(String caseNo, String kind, String body, String reference, String receivedOn,
                            boolean simplified, boolean afterReconsideration) {
            this(caseNo, kind, body, reference, receivedOn, simplified, afterReconsideration, null, null);
        }
    }

    /** One appeal as stored, for the case's process when it is decided. */
    public record Appeal(long id, String caseNo, String kind, String outcome, LocalDate decidedOn,
                         LocalDate correctionDue, String appellantType, String ground) {

        public boolean corrected() {
            return CORRECTED.equals(outcome);
        }
    }

    /** A registered appeal and the dates the agency must keep. */
    public record Registered(long appealId, String caseNo, String kind, String label, String applicantName,
                             LocalDate answerDue, LocalDate decisionDue) {
    }

    /** The 登记审理情况和结果 form as entered. */
    public record Progress(String outcome, String decidedOn, Integer correctionWorkingDays, String hearingNotes) {
    }

    /** What was recorded; {@code correctionDue} only for a correcting decision. */
    public record Decision(String outcome, LocalDate decidedOn, LocalDate correctionDue) {

        public boolean pending() {
            return PENDING.equals(outcome);
        }
    }

    private final JdbcClient jdbc;
    private final CaseFileService caseFiles;
    private final StatutoryDeadlines deadlines;
    private final Clock clock;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;

    public AppealService(JdbcClient jdbc, CaseFileService caseFiles, StatutoryDeadlines deadlines, Clock clock,
                         MailOutbox outbox, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.deadlines = deadlines;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** 登记复议或诉讼: checks the form (all field errors at once) and stores the appeal with its deadlines. */
    @Transactional
    public Registered register(Registration form, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String caseNo = text(form.caseNo());
        ApplicationCase c = caseNo == null ? null : caseFiles.find(caseNo).orElse(null);
        // A closed case too: a court may accept a late lawsuit (行政诉讼法 Arts. 46, 48: the period runs from when the
        // plaintiff knew; time lost without fault does not count), a reconsideration body a late application with
        // good reason (行政复议法 Art. 20). The agency must answer it all the same.
        if (c == null) {
            errors.add(new FieldError("caseNo", Texts.get("appeal.caseNo.unknown")));
        }
        String appellantType = text(form.appellantType()) == null ? APPLICANT : text(form.appellantType());
        String appellantName = text(form.appellantName());
        if (!APPLICANT.equals(appellantType) && !THIRD_PARTY.equals(appellantType)) {
            errors.add(new FieldError("appellantType", Texts.get("appeal.appellantType.invalid")));
        } else if (THIRD_PARTY.equals(appellantType) && appellantName == null) {
            errors.add(new FieldError("appellantName", Texts.get("appeal.appellantName.required")));
        }
        if (appellantName != null && appellantName.length() > 200) {
            errors.add(new FieldError("appellantName", Texts.get("appeal.appellantName.tooLong", 200)));
        }
        String kind = text(form.kind());
        if (!RECONSIDERATION.equals(kind) && !LAWSUIT.equals(kind)) {
            errors.add(new FieldError("appealKind", Texts.get("appeal.kind.required")));
        }
        String body = text(form.body());
        if (body == null) {
            errors.add(new FieldError("appealBody", Texts.get("appeal.body.required")));
        } else if (body.length() > 200) {
            errors.add(new FieldError("appealBody", Texts.get("appeal.body.tooLong", 200)));
        }
        String reference = text(form.reference());
        if (reference != null && reference.length() > 100) {
            errors.add(new FieldError("appealReference", Texts.get("appeal.reference.tooLong", 100)));
        }
        LocalDate receivedOn = parseDate(form.receivedOn());
        if (receivedOn == null || receivedOn.isAfter(today())) {
            errors.add(new FieldError("appealReceivedOn", Texts.get("appeal.receivedOn.invalid")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean reconsideration = RECONSIDERATION.equals(kind);
        boolean simplified = reconsideration && form.simplified();
        boolean after = !reconsideration && form.afterReconsideration();
        Deadline due = reconsideration ? deadlines.periods().reconsiderationAnswer(receivedOn, simplified)
                : deadlines.periods().courtDefence(receivedOn);
        // A third party appeals against the disclosure; the applicant against the reply, or, while none has been
        // given, against the failure to reply in time (不作为).
        String ground = THIRD_PARTY.equals(appellantType) ? AGAINST_DISCLOSURE
                : c.repliedOn() == null ? FAILURE_TO_REPLY : AGAINST_REPLY;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO appeal (case_id, kind, after_reconsideration, simplified, body, reference, received_on,
                  answer_due, outcome, created_at, appellant_type, appellant_name, ground)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(c.id(), kind, after, simplified, body, reference, Date.valueOf(receivedOn),
                Date.valueOf(due.due()), PENDING, Timestamp.from(clock.instant()), appellantType,
                THIRD_PARTY.equals(appellantType) ? appellantName : null, ground).update(keys, "id");
        long id = keys.getKey().longValue();
        String label = label(kind, simplified, after);
        // When a decision can be expected: 60 days (30 in the simplified procedure, 行政复议法 Art. 62);
        // for a lawsuit, six months (first instance).
        LocalDate decision = reconsideration ? receivedOn.plusDays(simplified ? 30 : 60) : receivedOn.plusMonths(6);
        caseFiles.recordEvent(caseNo, "APPEAL_REGISTERED", "appeal", null, kind, actor,
                Texts.get(reconsideration ? "appeal.event.registered.reconsideration"
                        : "appeal.event.registered.lawsuit", label, body, due.due())
                        + groundText(ground, appellantName)
                        + (c.status() == CaseStatus.CLOSED ? Texts.get("appeal.event.registered.onClosedCase") : ""));
        return new Registered(id, caseNo, kind, label, c.applicantName(), due.due(), deadlines.nextWorkingDay(decision));
    }

    /** On each 登记审理情况和结果: a hearing noted, or the outcome. */
    @Transactional
    public Decision record(long appealId, String caseNo, Progress form, String actor) {
        String outcome = text(form.outcome());
        if (outcome == null) {
            throw new InvalidInputException("appealOutcome", Texts.get("appeal.outcome.required"));
        }
        LocalDate decidedOn = parseDate(form.decidedOn());
        if (!PENDING.equals(outcome) && decidedOn == null) {
            throw new InvalidInputException("decidedOn", Texts.get("appeal.decidedOn.required"));
        }
        Integer days = form.correctionWorkingDays();
        if (CORRECTED.equals(outcome) && (days == null || days <= 0 || days > 366)) {
            throw new InvalidInputException("correctionWorkingDays", Texts.get("appeal.correctionWorkingDays.required"));
        }
        String notes = text(form.hearingNotes());
        if (notes != null && notes.length() > 4000) {
            throw new InvalidInputException("hearingNotes", Texts.get("appeal.hearingNotes.tooLong", 4000));
        }
        LocalDate correctionDue = CORRECTED.equals(outcome)
                ? deadlines.calendar().addWorkingDays(decidedOn, days).due() : null;
        LocalDate storedDecision = PENDING.equals(outcome) ? null : decidedOn;
        jdbc.sql("UPDATE appeal SET outcome = ?, decided_on = ?, correction_due = ?, notes = ? WHERE id = ?")
                .params(outcome, storedDecision == null ? null : Date.valueOf(storedDecision),
                        correctionDue == null ? null : Date.valueOf(correctionDue), notes, appealId).update();
        caseFiles.recordEvent(caseNo, "APPEAL_PROGRESS", "appealOutcome", null, outcome, actor,
                notes == null ? Texts.get("appeal.event.progress") : notes);
        return new Decision(outcome, storedDecision, correctionDue);
    }

    /** Two working days before the answer is due: remind the legal officers by e-mail. */
    @Transactional
    public void remind(String caseNo, String label, LocalDate answerDue, List<String> recipients) {
        ApplicationCase c = caseFiles.get(caseNo);
        for (String to : recipients) {
            outbox.enqueue(c.id(), to, Texts.get("appeal.reminder.subject", caseNo, label),
                    Texts.get("appeal.reminder.body", caseNo, label, answerDue), null);
        }
        caseFiles.recordEvent(caseNo, "REMINDER_SENT", "appeal", null, "answerDue", "system",
                Texts.get("appeal.event.reminded"));
    }

    /** What the head is asked to see to on the due day (the escalation's open-task line). */
    public String escalationTask(String label) {
        return Texts.get("appeal.escalation.openTasks", label);
    }

    public void recordEscalation(String caseNo) {
        caseFiles.recordEvent(caseNo, "ESCALATED", "appeal", null, "answerDue", "system",
                Texts.get("appeal.event.escalated"));
    }

    /** How many appeals on the case are still undecided. */
    public int openAppeals(String caseNo) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM appeal a JOIN application_case c ON c.id = a.case_id
                WHERE c.case_no = ? AND a.outcome = ?
                """).params(caseNo, PENDING).query(Integer.class).single();
    }

    /**
     * Serialises what happens to a case's process between appeals: two decisions on one closed case concluding at
     * once (two nodes) must not both start a new handling; the second waits here and then finds the first's.
     */
    @Transactional
    public void lockCase(String caseNo) {
        jdbc.sql("SELECT id FROM application_case WHERE case_no = ? FOR UPDATE").param(caseNo).query(Long.class)
                .optional();
    }

    /** Whether the case is closed (its process ended after the appeal window). */
    public boolean closed(String caseNo) {
        return caseFiles.get(caseNo).status() == CaseStatus.CLOSED;
    }

    /**
     * An appeal registered on a closed case: no process of the case is running, so the appeal's own process keeps
     * its clock; the case records how many of its appeals are now undecided (old and new value).
     */
    @Transactional
    public void recordReceivedOnClosedCase(String caseNo) {
        int open = openAppeals(caseNo);
        caseFiles.recordEvent(caseNo, "APPEAL_ON_CLOSED_CASE", "openAppeals", String.valueOf(open - 1),
                String.valueOf(open), "system", Texts.get("appeal.event.onClosedCase", open));
    }

    /**
     * A decision on a closed case orders new handling: noted before the case's handling starts again (the
     * reopening itself records the superseded reply, the status and the new due date).
     */
    @Transactional
    public void recordReopeningAfterClose(String caseNo, long appealId, String outcome) {
        caseFiles.recordEvent(caseNo, "APPEAL_DECIDED", "appealOutcome", null, outcome, "system",
                Texts.get("appeal.event.decidedAfterCloseReopens", appealId));
    }

    /** The case's process took a newly registered appeal: noted with the number still undecided. */
    public void recordHeldWithOthers(String caseNo, int open) {
        caseFiles.recordEvent(caseNo, "APPEAL_JOINED", "openAppeals", null, String.valueOf(open), "system",
                Texts.get("appeal.event.joined", open));
    }

    /** Whether the case has a reply in force (none before the first reply, nor after a reopening). */
    public boolean replied(String caseNo) {
        return caseFiles.get(caseNo).repliedOn() != null;
    }

    /** An appeal as stored. */
    public Appeal appeal(long appealId) {
        return jdbc.sql("""
                SELECT a.id, c.case_no, a.kind, a.outcome, a.decided_on, a.correction_due, a.appellant_type, a.ground
                FROM appeal a JOIN application_case c ON c.id = a.case_id WHERE a.id = ?
                """).param(appealId).query((rs, i) -> new Appeal(rs.getLong("id"), rs.getString("case_no"),
                rs.getString("kind"), rs.getString("outcome"),
                rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate(),
                rs.getDate("correction_due") == null ? null : rs.getDate("correction_due").toLocalDate(),
                rs.getString("appellant_type"), rs.getString("ground"))).single();
    }

    /** The case's process took a decision: noted with the number of appeals still undecided. */
    public void recordDecided(String caseNo, String outcome, int open) {
        caseFiles.recordEvent(caseNo, "APPEAL_DECIDED", "appealOutcome", null, outcome, "system",
                open > 0 ? Texts.get("appeal.event.decidedOthersOpen", open) : Texts.get("appeal.event.decidedLast"));
    }

    /**
     * A decision came after the case's process ended (the case was closed): the appeal row keeps the outcome;
     * the record says so.
     */
    public void recordDecidedOutsideProcess(String caseNo, String outcome) {
        caseFiles.recordEvent(caseNo, "APPEAL_DECIDED", "appealOutcome", null, outcome, "system",
                Texts.get("appeal.event.decidedAfterClose"));
    }

    /**
     * A correcting decision on a replied case: the case is handled again and a new reply is due by
     * {@code newDue}. The reply it replaces stays in the case history (an event with its type and date, and on
     * the appeal row that caused the reopening).
     */
    @Transactional
    public void reopen(String caseNo, long appealId, LocalDate newDue) {
        ApplicationCase c = caseFiles.get(caseNo);
        if (c.replyType() != null) {
            caseFiles.recordEvent(caseNo, "REPLY_SUPERSEDED", "replyType", c.replyType(), null, "system",
                    Texts.get("appeal.event.replySuperseded", c.replyType(), c.repliedOn(), appealId));
        }
        jdbc.sql("UPDATE appeal SET reopened_at = ?, superseded_reply_type = ?, superseded_replied_on = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), c.replyType(),
                        c.repliedOn() == null ? null : Date.valueOf(c.repliedOn()), appealId).update();
        caseFiles.changeStatus(caseNo, CaseStatus.IN_PROGRESS, "system", Texts.get("appeal.status.reopened"));
        caseFiles.reopen(caseNo, newDue, "system");
    }

    /**
     * A correcting decision on a case not yet replied to (不作为): the decision orders a reply within its period,
     * which becomes the case's due date; whatever waits on the due date follows ({@link CaseClockChanged}).
     */
    @Transactional
    public void orderReply(String caseNo, long appealId, LocalDate newDue) {
        ApplicationCase c = caseFiles.get(caseNo);
        jdbc.sql("UPDATE appeal SET reopened_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), appealId)
                .update();
        caseFiles.orderReplyBy(caseNo, newDue, "system", Texts.get("appeal.event.replyOrdered", appealId, newDue));
        events.publishEvent(new CaseClockChanged(caseNo, c.dueOn(), newDue));
    }

    /**
     * After a reconsideration decision the applicant has 15 days to sue (行政诉讼法 Art. 45): the new end of the
     * appeal window if that is later than {@code currentEnd}, otherwise empty.
     */
    public Optional<LocalDate> windowAfterDecision(String kind, LocalDate decidedOn, LocalDate currentEnd) {
        if (!RECONSIDERATION.equals(kind) || decidedOn == null) {
            return Optional.empty();
        }
        LocalDate lawsuit = deadlines.periods().lawsuitAfterReconsideration(decidedOn).due();
        return currentEnd == null || currentEnd.isBefore(lawsuit) ? Optional.of(lawsuit) : Optional.empty();
    }

    private static String groundText(String ground, String appellantName) {
        return switch (ground) {
            case FAILURE_TO_REPLY -> Texts.get("appeal.event.ground.failureToReply");
            case AGAINST_DISCLOSURE -> Texts.get("appeal.event.ground.againstDisclosure", appellantName);
            default -> Texts.get("appeal.event.ground.againstReply");
        };
    }

    static String label(String kind, boolean simplified, boolean after) {
        return Texts.get(RECONSIDERATION.equals(kind)
                ? (simplified ? "appeal.label.reconsideration.simplified" : "appeal.label.reconsideration.ordinary")
                : after ? "appeal.label.lawsuit.afterReconsideration" : "appeal.label.lawsuit.direct");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A form date (YYYY-MM-DD, possibly with a time after it); null when blank or unreadable. */
    static LocalDate parseDate(String s) {
        String t = text(s);
        if (t == null || "null".equals(t) || t.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(t.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
