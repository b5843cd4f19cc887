package cn.gov.disclosure.correction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.intake.TextNormalizer;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.casefile.CaseClocks;

/**
 * Art. 30, as bean {@code correction}: the correction notice tells the applicant once and completely what
 * to correct and by when; a correction (online, by letter, in person) restarts the reply period; no
 * correction in time without good reason means the application is treated as abandoned.
 */
@Service("correction")
public class CorrectionService {

    static final int MAX_CORRECTION = 2000;

    private final CaseFileService caseFiles;
    private final NoticeService notices;
    private final CaseClocks clocks;
    private final StatutoryDeadlines deadlines;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Clock clock;
    private final int periodWorkingDays;

    public CorrectionService(CaseFileService caseFiles, NoticeService notices, CaseClocks clocks,
                             StatutoryDeadlines deadlines, TaskService tasks, IdentityService identity, Clock clock,
                             @Value("${disclosure.correction.period-working-days:15}") int periodWorkingDays) {
        this.caseFiles = caseFiles;
        this.notices = notices;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.identity = identity;
        this.clock = clock;
        this.periodWorkingDays = periodWorkingDays;
    }

    /** On completing 审查申请内容: a correction may be asked for only once (一次性告知). */
    public void validateReview(DelegateTask task) {
        if ("NEEDS_CORRECTION".equals(task.getVariable("completeness"))) {
            if (Boolean.TRUE.equals(task.getVariable("correctionRequested"))) {
                throw new InvalidInputException("completeness", "已一次性告知补正，不得再次要求补正；补正后仍不明确的，"
                        + "请在拟定答复时选择“补正后申请内容仍不明确”（第三十条）");
            }
            Object items = task.getVariable("reviewNotes");
            if (items == null || items.toString().strip().length() < 5) {
                throw new InvalidInputException("reviewNotes", "请逐项写明需要补正的事项，将一次性告知申请人（第三十条）");
            }
        }
    }

    /** 发出补正告知书: the items from the review, and a reasonable period to correct. */
    @Transactional
    public void sendNotice(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        LocalDate correctBy = deadlines.calendar().addWorkingDays(today(), periodWorkingDays).due();
        notices.issueCorrectionNotice(caseNo, (String) execution.getVariable("reviewNotes"), correctBy);
        caseFiles.changeStatus(caseNo, CaseStatus.CORRECTION_REQUIRED, actor(), "补正期限至" + correctBy);
        clocks.holdWhileAwaitingCorrection(caseNo);
        execution.setVariable("correctionRequested", true);
        execution.setVariable("correctionNoticeOn", today().toString());
        execution.setVariable("correctByText", correctBy.toString());
        execution.setVariable("correctBy", StatutoryDeadlines.endOfDay(correctBy));
    }

    /** The clerk registers a correction received by letter or in person (completing 等待申请人补正). */
    @Transactional
    public void received(DelegateTask task) {
        String text = TextNormalizer.clean((String) task.getVariable("correctedDescription"));
        Object on = task.getVariable("correctionReceivedOn");
        LocalDate receivedOn = on == null || on.toString().isBlank() ? today() : LocalDate.parse(on.toString().substring(0, 10));
        if (receivedOn.isAfter(today())) {
            throw new InvalidInputException("correctionReceivedOn", "收到补正的日期不能晚于今天");
        }
        apply(task.getExecution(), caseNo(task.getExecution()), text, receivedOn,
                task.getAssignee() != null ? task.getAssignee() : actor());
    }

    /**
     * The applicant corrects online (portal). Returns false if no correction is awaited for the case.
     */
    @Transactional
    public boolean receiveOnline(String caseNo, String correctedDescription) {
        Task waiting = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("AwaitCorrection")
                .singleResult();
        if (waiting == null) {
            return false;
        }
        String text = TextNormalizer.clean(correctedDescription);
        if (text == null || text.length() < 5 || text.length() > MAX_CORRECTION) {
            throw new InvalidInputException("correctedDescription", "请填写补正后的申请内容（5至" + MAX_CORRECTION + "字）");
        }
        tasks.complete(waiting.getId(), Map.of("correctedDescription", text,
                "correctionReceivedOn", today().toString(), "correctionChannel", "ONLINE"));
        return true;
    }

    /** The period ran out without a correction: treated as abandoned (视为放弃申请). */
    @Transactional
    public void abandon(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        notices.issueAbandonment(caseNo, LocalDate.parse((String) execution.getVariable("correctionNoticeOn")),
                LocalDate.parse((String) execution.getVariable("correctByText")));
        execution.setVariable("replyType", "ABANDONED");
        caseFiles.recordEvent(caseNo, "ABANDONED", "replyType", null, "ABANDONED", "system",
                "补正期限届满未补正，视为放弃申请（第三十条）");
    }

    private void apply(DelegateExecution execution, String caseNo, String correctedDescription, LocalDate receivedOn,
                       String actor) {
        ApplicationCase c = caseFiles.get(caseNo);
        if (correctedDescription != null && !correctedDescription.equals(c.description())) {
            caseFiles.correctDescription(caseNo, correctedDescription, actor);
            execution.setVariable("requestDescription", correctedDescription);
        }
        clocks.restartOnCorrection(caseNo, receivedOn, actor);
        caseFiles.changeStatus(caseNo, CaseStatus.RECEIVED, actor, "收到补正后的申请");
        execution.setVariable("reviewDueOn", StatutoryDeadlines.endOfDay(
                deadlines.correctionNoticeDue(receivedOn).due()));
        execution.setVariable("completeness", null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String actor() {
        return Actors.current(identity, "applicant");
    }

    private static String caseNo(DelegateExecution execution) {
        return (String) execution.getVariable("caseNo");
    }
}
