package cn.gov.disclosure.correction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.ReceiptPresumption;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClocks;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.intake.MissingContent;
import cn.gov.disclosure.intake.TextNormalizer;
import cn.gov.disclosure.notice.NoticeService;

/**
 * Art. 30, correction (补正): the correction notice tells the applicant once and completely what to correct
 * and by when; a correction (online, by letter, in person) restarts the reply period; no correction in time
 * without good reason means the application is treated as abandoned. Plain values in and out; the engine
 * side is {@code workflow/disclosure/CorrectionSteps}, and the waiting task is reached through
 * {@link AwaitedCorrections}.
 */
@Service
public class CorrectionService {

    static final int MAX_CORRECTION = 2000;

    /**
     * The notice went out on {@code noticeOn}, is taken to reach the applicant on {@code receivedOn} (presumed
     * until a delivery record or the clerk says otherwise), and the applicant may correct until {@code correctBy}.
     */
    public record NoticeSent(LocalDate noticeOn, LocalDate receivedOn, LocalDate correctBy) {
    }

    /** The clerk's choices when the correction period has ended (决定是否视为放弃申请). */
    public static final String ABANDON = "ABANDON";
    public static final String ACCEPT_LATE = "ACCEPT_LATE";
    public static final String NOTICE_RECEIVED_LATER = "NOTICE_RECEIVED_LATER";

    /**
     * A correction applied: the new description if it changed (else null), and the day by which the corrected
     * application must be reviewed.
     */
    public record Applied(String newDescription, LocalDate reviewDue) {
    }

    private final CaseFileService caseFiles;
    private final NoticeService notices;
    private final CaseClocks clocks;
    private final StatutoryDeadlines deadlines;
    private final AwaitedCorrections awaited;
    private final Clock clock;
    private final int periodWorkingDays;
    private final ReceiptPresumption presumption;

    public CorrectionService(CaseFileService caseFiles, NoticeService notices, CaseClocks clocks,
                             StatutoryDeadlines deadlines, AwaitedCorrections awaited, Clock clock,
                             @Value("${disclosure.correction.period-working-days:15}") int periodWorkingDays,
                             ReceiptPresumption presumption) {
        this.presumption = presumption;
        this.caseFiles = caseFiles;
        this.notices = notices;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.awaited = awaited;
        this.clock = clock;
        this.periodWorkingDays = periodWorkingDays;
    }

    /** On completing 审查申请内容: a correction may be asked for only once (一次性告知), and must say what. */
    public void validateReview(String completeness, boolean alreadyRequested, String reviewNotes) {
        if ("EXCESSIVE".equals(completeness) && (reviewNotes == null || reviewNotes.strip().length() < 5)) {
            // Art. 35: the notice tells the applicant what exceeds a reasonable range.
            throw new InvalidInputException("reviewNotes", Texts.get("excessive.reviewNotes.required"));
        }
        if ("NEEDS_CORRECTION".equals(completeness)) {
            if (alreadyRequested) {
                throw new InvalidInputException("completeness", Texts.get("correction.completeness.onlyOnce"));
            }
            if (reviewNotes == null || reviewNotes.strip().length() < 5) {
                throw new InvalidInputException("reviewNotes", Texts.get("correction.reviewNotes.required"));
            }
        }
    }

    /**
     * 不拒收: the items a staff registration found missing (intake's case event), oldest registration first;
     * empty when the application was complete.
     */
    public java.util.List<String> itemsAtRegistration(String caseNo) {
        return caseFiles.events(caseNo).stream()
                .filter(e -> MissingContent.EVENT.equals(e.type()) && e.newValue() != null)
                .findFirst()
                .map(e -> e.newValue().lines().filter(l -> !l.isBlank()).toList())
                .orElse(java.util.List.of());
    }

    /** The items as the correction notice and the clerk's form show them: numbered, one per line. */
    public static String numbered(java.util.List<String> items) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(items.get(i));
        }
        return b.toString();
    }

    /** 发出补正告知书: the items from the review, and a reasonable period to correct. */
    @Transactional
    public NoticeSent sendNotice(String caseNo, String items, String actor) {
        LocalDate today = today();
        // Art. 30: a period the applicant can use runs from receipt of the notice, not from the day it was
        // written. Until a delivery record or the clerk gives the day, it is presumed (one rule for every notice).
        boolean byEmail = caseFiles.get(caseNo).email() != null;
        LocalDate receivedOn = presumption.receivedOn(today,
                byEmail ? ReceiptPresumption.Means.EMAIL : ReceiptPresumption.Means.POST);
        LocalDate correctBy = correctBy(receivedOn);
        notices.issueCorrectionNotice(caseNo, items, correctBy);
        caseFiles.changeStatus(caseNo, CaseStatus.CORRECTION_REQUIRED, actor,
                Texts.get("correction.status.required", correctBy));
        caseFiles.recordEvent(caseNo, "CORRECTION_NOTICE_RECEIPT", "correctionNoticeReceivedOn", null,
                receivedOn.toString(), actor, Texts.get(byEmail ? "correction.receipt.presumedEmail"
                        : "correction.receipt.presumedPost", receivedOn, correctBy));
        clocks.holdWhileAwaitingCorrection(caseNo);
        return new NoticeSent(today, receivedOn, correctBy);
    }

    /** The last day to correct: the configured working days after the day the notice was received. */
    public LocalDate correctBy(LocalDate noticeReceivedOn) {
        return deadlines.calendar().addWorkingDays(noticeReceivedOn, periodWorkingDays).due();
    }

    /**
     * The applicant's actual receipt of the correction notice (delivery record, or the clerk's entry) replaces
     * the presumption: the period is counted again from it. The caller moves what waits on the period.
     *
     * @param receivedOn YYYY-MM-DD; not before the notice, not in the future
     * @param source     who says so (e.g. "CLERK", "DELIVERY_RECEIPT")
     * @param previous   the last day to correct until now (the event's old value)
     * @return the new last day to correct
     */
    @Transactional
    public LocalDate recordNoticeReceived(String caseNo, LocalDate noticeOn, String receivedOn, String source,
                                          String previous, String actor) {
        LocalDate on = date(receivedOn, "correctionNoticeReceivedOn", "correction.noticeReceivedOn.format");
        if (on.isAfter(today())) {
            throw new InvalidInputException("correctionNoticeReceivedOn",
                    Texts.get("correction.noticeReceivedOn.future"));
        }
        if (noticeOn != null && on.isBefore(noticeOn)) {
            throw new InvalidInputException("correctionNoticeReceivedOn",
                    Texts.get("correction.noticeReceivedOn.beforeNotice", noticeOn));
        }
        LocalDate correctBy = correctBy(on);
        caseFiles.recordEvent(caseNo, "CORRECTION_NOTICE_RECEIPT", "correctBy", previous, correctBy.toString(),
                actor, Texts.get("correction.receipt.recorded", on, source, correctBy));
        caseFiles.changeStatus(caseNo, CaseStatus.CORRECTION_REQUIRED, actor,
                Texts.get("correction.status.required", correctBy));
        return correctBy;
    }

    /**
     * 决定是否视为放弃申请 → the notice reached the applicant later than presumed: only worth going back to
     * waiting if the period counted from the real receipt has not ended as well.
     */
    @Transactional
    public LocalDate noticeReceivedLater(String caseNo, LocalDate noticeOn, String receivedOn, String previous,
                                         String actor) {
        LocalDate correctBy = recordNoticeReceived(caseNo, noticeOn, receivedOn, "CLERK", previous, actor);
        if (correctBy.isBefore(today())) {
            throw new InvalidInputException("correctionNoticeReceivedOn",
                    Texts.get("correction.noticeReceivedOn.stillOverdue", correctBy));
        }
        return correctBy;
    }

    /**
     * The applicant received the awaited correction notice on {@code receivedOn} (a delivery record, or the
     * clerk's entry): the correction period runs again from that day, and the waiting step, its due date and
     * its timer follow. For callers outside the process (delivery records).
     *
     * @return the new last day to correct
     */
    @Transactional
    public LocalDate noticeReceived(String caseNo, LocalDate receivedOn, String source, String actor) {
        if (!awaited.isAwaited(caseNo)) {
            throw new InvalidInputException("caseNo", Texts.get("correction.notAwaited"));
        }
        AwaitedCorrections.Period period = awaited.period(caseNo);
        LocalDate correctBy = recordNoticeReceived(caseNo, period.noticeOn(), String.valueOf(receivedOn), source,
                period.correctBy().toString(), actor);
        awaited.periodChanged(caseNo, receivedOn, correctBy);
        return correctBy;
    }

    /**
     * 决定是否视为放弃申请, once the period has ended (Art. 30: only a failure to correct "without good reason"
     * is abandonment, so a person decides, never the timer). {@code ACCEPT_LATE} needs the good reason and
     * the correction; it is recorded and the correction applied as any other.
     *
     * @return the correction applied, for {@code ACCEPT_LATE}; else null
     */
    @Transactional
    public Applied decideAfterPeriod(String caseNo, String decision, String lateReason, String correctedDescription,
                                     String receivedOn, String actor) {
        if (!ABANDON.equals(decision) && !ACCEPT_LATE.equals(decision) && !NOTICE_RECEIVED_LATER.equals(decision)) {
            throw new InvalidInputException("abandonmentDecision", Texts.get("correction.decision.missing"));
        }
        if (!ACCEPT_LATE.equals(decision)) {
            return null;
        }
        String why = TextNormalizer.clean(lateReason);
        if (why == null || why.length() < 4) {
            throw new InvalidInputException("lateCorrectionReason", Texts.get("correction.late.reasonMissing"));
        }
        String text = TextNormalizer.clean(correctedDescription);
        if (text == null) {
            throw new InvalidInputException("correctedDescription", Texts.get("correction.late.descriptionMissing"));
        }
        caseFiles.recordEvent(caseNo, "LATE_CORRECTION_ACCEPTED", "lateCorrectionReason", null, why, actor,
                Texts.get("correction.event.lateAccepted", why));
        return receive(caseNo, text, receivedOn, actor);
    }

    /**
     * A correction received (by letter, in person, or online): the description as corrected (blank keeps the
     * old one), received on {@code receivedOn} (YYYY-MM-DD; blank means today). The reply period starts again.
     */
    @Transactional
    public Applied receive(String caseNo, String correctedDescription, String receivedOn, String actor) {
        String text = TextNormalizer.clean(correctedDescription);
        if (text != null && text.length() > MAX_CORRECTION) {
            throw new InvalidInputException("correctedDescription",
                    Texts.get("correction.description.tooLong", MAX_CORRECTION));
        }
        LocalDate on = receivedOn(receivedOn);
        ApplicationCase c = caseFiles.get(caseNo);
        String changed = null;
        if (text != null && !text.equals(c.description())) {
            caseFiles.correctDescription(caseNo, text, actor);
            changed = text;
        }
        clocks.restartOnCorrection(caseNo, on, actor);
        caseFiles.changeStatus(caseNo, CaseStatus.RECEIVED, actor, Texts.get("correction.status.received"));
        return new Applied(changed, deadlines.correctionNoticeDue(on).due());
    }

    /**
     * The applicant corrects online (portal). Returns false if no correction is awaited for the case;
     * otherwise the waiting step completes, which applies the correction as {@link #receive} does.
     */
    @Transactional
    public boolean receiveOnline(String caseNo, String correctedDescription) {
        if (!awaited.isAwaited(caseNo)) {
            return false;
        }
        String text = TextNormalizer.clean(correctedDescription);
        if (text == null || text.length() < 5 || text.length() > MAX_CORRECTION) {
            throw new InvalidInputException("correctedDescription",
                    Texts.get("correction.description.online", MAX_CORRECTION));
        }
        awaited.complete(caseNo, text, today());
        return true;
    }

    /** The correction the case waits for (items and last day), for the applicant's status page. */
    public java.util.Optional<AwaitedCorrections.OpenRequest> openRequest(String caseNo) {
        return awaited.openRequest(caseNo);
    }

    /** The period ran out without a correction: treated as abandoned (视为放弃申请). */
    @Transactional
    public void abandon(String caseNo, LocalDate noticeOn, LocalDate correctBy) {
        notices.issueAbandonment(caseNo, noticeOn, correctBy);
        caseFiles.recordEvent(caseNo, "ABANDONED", "replyType", null, "ABANDONED", "system",
                Texts.get("correction.event.abandoned"));
    }

    private LocalDate receivedOn(String text) {
        LocalDate on = date(text, "correctionReceivedOn", "correction.receivedOn.format");
        if (on.isAfter(today())) {
            throw new InvalidInputException("correctionReceivedOn", Texts.get("correction.receivedOn.future"));
        }
        return on;
    }

    /** A typed date (YYYY-MM-DD; blank means today). */
    private LocalDate date(String text, String field, String formatKey) {
        if (text == null || text.isBlank() || "null".equals(text.strip())) {
            return today();
        }
        try {
            return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Texts.get(formatKey));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
