package cn.gov.disclosure.excessive;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseClocks;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.notice.NoticeService;

/**
 * Art. 35, applications whose number or frequency clearly exceeds a reasonable range (申请公开政府信息的数量、
 * 频次明显超过合理范围): the office asks the applicant for reasons by a notice with a deadline, waits, and a
 * clerk decides — reasonable: handled as usual; reasonable but too much for the normal period: a reasonable
 * later deadline, told to the applicant; unreasonable or no reasons by the deadline: not processed (the reply
 * {@code EXCESSIVE}, which can only follow this decision). Plain values in and out; the engine side is
 * {@code workflow/disclosure/ExcessiveRequestSteps}.
 */
@Service
public class ExcessiveRequestService {

    /** The clerk's decisions (审查申请人说明的理由). */
    public static final String CONTINUE = "CONTINUE";
    public static final String DEFER = "DEFER";
    public static final String NOT_PROCESSED = "NOT_PROCESSED";
    /** The reply type that states the application is not processed under Art. 35. */
    public static final String REPLY_TYPE = "EXCESSIVE";

    /** The notice went out on {@code noticeOn}; reasons are due by {@code reasonsBy}. */
    public record ReasonsAsked(LocalDate noticeOn, LocalDate reasonsBy) {
    }

    private final CaseFileService caseFiles;
    private final CaseClocks clocks;
    private final NoticeService notices;
    private final StatutoryDeadlines deadlines;
    private final Clock clock;
    private final int reasonsWorkingDays;
    private final int maxDeferralWorkingDays;

    public ExcessiveRequestService(CaseFileService caseFiles, CaseClocks clocks, NoticeService notices,
                                   StatutoryDeadlines deadlines, Clock clock,
                                   @Value("${disclosure.excessive.reasons-period-working-days:10}") int reasonsWorkingDays,
                                   @Value("${disclosure.excessive.max-deferral-working-days:60}") int maxDeferralWorkingDays) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.notices = notices;
        this.deadlines = deadlines;
        this.clock = clock;
        this.reasonsWorkingDays = reasonsWorkingDays;
        this.maxDeferralWorkingDays = maxDeferralWorkingDays;
    }

    /** 要求申请人说明理由: what is excessive, and by when to explain (configurable working days). */
    @Transactional
    public ReasonsAsked askForReasons(String caseNo, String whatIsExcessive, String actor) {
        LocalDate today = LocalDate.now(clock);
        LocalDate reasonsBy = deadlines.calendar().addWorkingDays(today, reasonsWorkingDays).due();
        notices.issueReasonsRequest(caseNo, whatIsExcessive, reasonsBy);
        caseFiles.recordEvent(caseNo, "ART35_REASONS_ASKED", "reasonsBy", null, reasonsBy.toString(), actor,
                Texts.get("excessive.event.asked", reasonsBy));
        return new ReasonsAsked(today, reasonsBy);
    }

    /**
     * The clerk's decision once reasons came in or the deadline passed. Not processing needs either the
     * applicant's reasons (found unreasonable) or the deadline gone by; a deferral needs the reasons and the
     * working days.
     *
     * @return the reasoning for the reply when not processed; else null
     */
    @Transactional
    public String decide(String caseNo, String decision, String applicantReasons, Number deferralDays,
                         LocalDate reasonsBy, String actor) {
        String reasons = clean(applicantReasons);
        LocalDate today = LocalDate.now(clock);
        switch (decision == null ? "" : decision) {
            case CONTINUE -> {
                caseFiles.recordEvent(caseNo, "ART35_DECIDED", "excessiveDecision", null, CONTINUE, actor,
                        Texts.get("excessive.event.continue", reasons == null ? "—" : reasons));
                return null;
            }
            case DEFER -> {
                if (reasons == null) {
                    throw new InvalidInputException("applicantReasons", Texts.get("excessive.error.reasonsMissing"));
                }
                if (deferralDays == null || deferralDays.doubleValue() != Math.rint(deferralDays.doubleValue())
                        || deferralDays.intValue() < 1 || deferralDays.intValue() > maxDeferralWorkingDays) {
                    throw new InvalidInputException("deferralDays",
                            Texts.get("excessive.error.deferralRange", maxDeferralWorkingDays));
                }
                caseFiles.recordEvent(caseNo, "ART35_DECIDED", "excessiveDecision", null, DEFER, actor,
                        Texts.get("excessive.event.defer", deferralDays.intValue(), reasons));
                return null;
            }
            case NOT_PROCESSED -> {
                if (reasons == null && reasonsBy != null && !today.isAfter(reasonsBy)) {
                    throw new InvalidInputException("excessiveDecision",
                            Texts.get("excessive.error.tooEarly", reasonsBy));
                }
                String reasoning = reasons == null ? Texts.get("excessive.reasoning.noReasons", reasonsBy)
                        : Texts.get("excessive.reasoning.unreasonable", reasonsBy, reasons);
                caseFiles.recordEvent(caseNo, "ART35_DECIDED", "excessiveDecision", null, NOT_PROCESSED, actor,
                        reasoning);
                return reasoning;
            }
            default -> throw new InvalidInputException("excessiveDecision", Texts.get("excessive.error.decisionMissing"));
        }
    }

    /** 确定延迟答复期限并告知申请人: the later deadline in the reply clock, and the notice stating it. */
    @Transactional
    public void defer(String caseNo, int workingDays, String reasons, String actor) {
        var reading = clocks.defer(caseNo, workingDays, actor, reasons);
        notices.issueDeferral(caseNo, workingDays, reading.due().orElse(null), reading.workingDaysLeftAtPause());
    }

    /** On completing 拟定答复意见: the Art. 35 reply only after the clerk decided not to process. */
    public void checkReplyType(String replyType, String excessiveDecision) {
        if (REPLY_TYPE.equals(replyType) && !NOT_PROCESSED.equals(excessiveDecision)) {
            throw new InvalidInputException("replyType", Texts.get("excessive.error.replyWithoutStep"));
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
