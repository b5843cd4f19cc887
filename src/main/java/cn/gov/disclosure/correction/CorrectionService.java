package cn.gov.disclosure.correction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /** The notice went out on {@code noticeOn}; the applicant may correct until {@code correctBy}. */
    public record NoticeSent(LocalDate noticeOn, LocalDate correctBy) {
    }

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

    public CorrectionService(CaseFileService caseFiles, NoticeService notices, CaseClocks clocks,
                             StatutoryDeadlines deadlines, AwaitedCorrections awaited, Clock clock,
                             @Value("${disclosure.correction.period-working-days:15}") int periodWorkingDays) {
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
        LocalDate correctBy = deadlines.calendar().addWorkingDays(today, periodWorkingDays).due();
        notices.issueCorrectionNotice(caseNo, items, correctBy);
        caseFiles.changeStatus(caseNo, CaseStatus.CORRECTION_REQUIRED, actor,
                Texts.get("correction.status.required", correctBy));
        clocks.holdWhileAwaitingCorrection(caseNo);
        return new NoticeSent(today, correctBy);
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
        if (text == null || text.isBlank() || "null".equals(text.strip())) {
            return today();
        }
        LocalDate on;
        try {
            on = LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("correctionReceivedOn", Texts.get("correction.receivedOn.format"));
        }
        if (on.isAfter(today())) {
            throw new InvalidInputException("correctionReceivedOn", Texts.get("correction.receivedOn.future"));
        }
        return on;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
