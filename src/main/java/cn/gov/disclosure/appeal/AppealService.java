package cn.gov.disclosure.appeal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.Deadline;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.common.FieldError;

/**
 * Reconsideration and lawsuits against a reply (bean {@code appeals}): registers them with the agency's own
 * deadline (written answer in 10 working days, 5 in the simplified procedure; court defence in 15 days),
 * records hearings and the outcome, keeps the case open while they run, reopens it when the decision
 * corrects the reply, and extends the appeal window after a reconsideration decision (15 days to sue).
 */
@Service("appeals")
public class AppealService {

    private final JdbcClient jdbc;
    private final CaseFileService caseFiles;
    private final StatutoryDeadlines deadlines;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;
    private final cn.gov.disclosure.mail.MailOutbox outbox;

    public AppealService(JdbcClient jdbc, CaseFileService caseFiles, StatutoryDeadlines deadlines,
                         RuntimeService runtime, IdentityService identity, Clock clock,
                         cn.gov.disclosure.mail.MailOutbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    /** 登记复议或诉讼: validates the start form and computes the agency's own deadline. */
    @Transactional
    public void register(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        String caseNo = text(execution.getVariable("caseNo"));
        String kind = text(execution.getVariable("appealKind"));
        String body = text(execution.getVariable("appealBody"));
        LocalDate receivedOn = date(execution.getVariable("appealReceivedOn"));
        ApplicationCase c = caseNo == null ? null : caseFiles.find(caseNo).orElse(null);
        if (c == null) {
            errors.add(new FieldError("caseNo", "未找到该案件编号"));
        } else if (c.repliedOn() == null) {
            errors.add(new FieldError("caseNo", "该案件尚未答复，不能登记复议或诉讼"));
        }
        if (!"RECONSIDERATION".equals(kind) && !"LAWSUIT".equals(kind)) {
            errors.add(new FieldError("appealKind", "请选择行政复议或行政诉讼"));
        }
        if (body == null) {
            errors.add(new FieldError("appealBody", "请填写复议机关或人民法院名称"));
        }
        if (receivedOn == null || receivedOn.isAfter(today())) {
            errors.add(new FieldError("appealReceivedOn", "请填写收到复议申请书副本或起诉状副本的日期（不能晚于今天）"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean simplified = "RECONSIDERATION".equals(kind) && Boolean.TRUE.equals(execution.getVariable("simplified"));
        boolean after = "LAWSUIT".equals(kind) && Boolean.TRUE.equals(execution.getVariable("afterReconsideration"));
        Deadline due = "RECONSIDERATION".equals(kind)
                ? deadlines.periods().reconsiderationAnswer(receivedOn, simplified)
                : deadlines.periods().courtDefence(receivedOn);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO appeal (case_id, kind, after_reconsideration, simplified, body, reference, received_on,
                  answer_due, outcome, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                """).params(c.id(), kind, after, simplified, body, text(execution.getVariable("appealReference")),
                Date.valueOf(receivedOn), Date.valueOf(due.due()), Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        String label = label(kind, simplified, after);
        execution.setProcessBusinessKey(caseNo);
        execution.setVariable("appealId", id);
        execution.setVariable("appealLabel", label);
        execution.setVariable("applicantName", c.applicantName());
        execution.setVariable("answerDue", StatutoryDeadlines.endOfDay(due.due()));
        execution.setVariable("answerDueText", due.due().toString());
        execution.setVariable("dueOn", StatutoryDeadlines.endOfDay(due.due()));
        // When a decision can be expected: 60 days (30 in the simplified procedure, 行政复议法 Art. 62);
        // for a lawsuit, six months (first instance).
        LocalDate decision = "RECONSIDERATION".equals(kind) ? receivedOn.plusDays(simplified ? 30 : 60)
                : receivedOn.plusMonths(6);
        execution.setVariable("decisionDue", StatutoryDeadlines.endOfDay(deadlines.nextWorkingDay(decision)));
        caseFiles.recordEvent(caseNo, "APPEAL_REGISTERED", "appeal", null, kind, actor(),
                label + "（" + body + "），" + ("RECONSIDERATION".equals(kind) ? "书面答复" : "答辩状和证据") + "应于"
                        + due.due() + "前提交");
        // The case stays open while the appeal runs.
        runtime.createMessageCorrelation("AppealReceived").processInstanceBusinessKey(caseNo)
                .correlateAllWithResult();
    }

    /** On each 登记审理情况和结果: a hearing noted, or the outcome. */
    @Transactional
    public void record(DelegateTask task) {
        String outcome = text(task.getVariable("appealOutcome"));
        if (outcome == null) {
            throw new InvalidInputException("appealOutcome", "请选择审理结果（尚未审结的选择“尚未审结”）");
        }
        LocalDate decidedOn = date(task.getVariable("decidedOn"));
        if (!"PENDING".equals(outcome) && decidedOn == null) {
            throw new InvalidInputException("decidedOn", "请填写复议决定或判决、裁定的日期");
        }
        Object days = task.getVariable("correctionWorkingDays");
        if ("CORRECTED".equals(outcome) && !(days instanceof Number n && n.intValue() > 0)) {
            throw new InvalidInputException("correctionWorkingDays", "结果纠正的，请填写决定要求重新答复的期限（工作日）");
        }
        long id = ((Number) task.getVariable("appealId")).longValue();
        LocalDate correctionDue = "CORRECTED".equals(outcome)
                ? deadlines.calendar().addWorkingDays(decidedOn, ((Number) days).intValue()).due() : null;
        jdbc.sql("UPDATE appeal SET outcome = ?, decided_on = ?, correction_due = ?, notes = ? WHERE id = ?")
                .params(outcome, decidedOn == null ? null : Date.valueOf(decidedOn),
                        correctionDue == null ? null : Date.valueOf(correctionDue),
                        text(task.getVariable("hearingNotes")), id).update();
        caseFiles.recordEvent((String) task.getVariable("caseNo"), "APPEAL_PROGRESS", "appealOutcome", null, outcome,
                task.getAssignee() != null ? task.getAssignee() : actor(), String.valueOf(task.getVariable("hearingNotes")));
        if (correctionDue != null) {
            task.getExecution().setVariable("correctionDue", StatutoryDeadlines.endOfDay(correctionDue));
        }
    }

    /** Two working days before the answer is due: remind the legal group by e-mail. */
    public void remind(DelegateExecution execution) {
        String caseNo = (String) execution.getVariable("caseNo");
        ApplicationCase c = caseFiles.get(caseNo);
        for (var user : identity.createUserQuery().memberOfGroup("legal").list()) {
            if (user.getEmail() != null) {
                outbox.enqueue(c.id(), user.getEmail(), "【答复期限临近】" + caseNo + " " + execution.getVariable("appealLabel"),
                        "案件 " + caseNo + " 的" + execution.getVariable("appealLabel") + "，应于"
                                + execution.getVariable("answerDueText") + "前提交书面答复（答辩状）和证据、依据。"
                                + "逾期未提交的，视为没有证据、依据（行政复议法第七十条）。\n", null);
            }
        }
        caseFiles.recordEvent(caseNo, "REMINDER_SENT", "appeal", null, "answerDue", "system", "复议答复或应诉期限提醒");
    }

    /** On the due day: the head supervises. */
    public void escalate(DelegateExecution execution) {
        String caseNo = (String) execution.getVariable("caseNo");
        runtime.startProcessInstanceByKey("deadline-escalation", caseNo, java.util.Map.of(
                "caseNo", caseNo, "applicantName", execution.getVariable("applicantName"),
                "dueOnText", execution.getVariable("answerDueText"), "dueOn", execution.getVariable("answerDue"),
                "openTasks", "提交书面答复和证据（" + execution.getVariable("appealLabel") + "）"));
        caseFiles.recordEvent(caseNo, "ESCALATED", "appeal", null, "answerDue", "system",
                "复议答复或应诉期限当日，报工作机构负责人督办");
    }

    /** 办结复议或诉讼: tells the case's process the outcome. */
    public void conclude(DelegateExecution execution) {
        runtime.createMessageCorrelation("AppealConcluded").processInstanceBusinessKey(
                        (String) execution.getVariable("caseNo"))
                .setVariable("appealOutcome", execution.getVariable("appealOutcome"))
                .setVariable("appealKindDecided", execution.getVariable("appealKind"))
                .setVariable("appealDecidedOn", String.valueOf(execution.getVariable("decidedOn")))
                .setVariable("correctionDue", execution.getVariable("correctionDue"))
                .correlateAllWithResult();
    }

    /** A correction reopens the case: a new reply is due within the period the decision set. */
    @Transactional
    public void reopen(DelegateExecution execution) {
        String caseNo = (String) execution.getVariable("caseNo");
        java.util.Date due = (java.util.Date) execution.getVariable("correctionDue");
        caseFiles.changeStatus(caseNo, CaseStatus.IN_PROGRESS, "system", "复议决定或判决纠正，重新答复");
        caseFiles.reopen(caseNo, StatutoryDeadlines.toLocalDate(due), "system");
        execution.setVariable("reopened", true);
        execution.setVariable("dueOn", due);
        execution.setVariable("dueOnText", StatutoryDeadlines.toLocalDate(due).toString());
        execution.setVariable("legalOutcome", null);
        execution.setVariable("confirmation", null);
    }

    /** After a reconsideration decision the applicant has 15 days to sue: keep the case open until then. */
    public void extendWindow(DelegateExecution execution) {
        if ("RECONSIDERATION".equals(execution.getVariable("appealKindDecided"))) {
            LocalDate decided = date(execution.getVariable("appealDecidedOn"));
            if (decided != null) {
                LocalDate lawsuit = deadlines.periods().lawsuitAfterReconsideration(decided).due();
                java.util.Date current = (java.util.Date) execution.getVariable("appealWindowEnds");
                if (current == null || StatutoryDeadlines.toLocalDate(current).isBefore(lawsuit)) {
                    execution.setVariable("appealWindowEnds", StatutoryDeadlines.endOfDay(lawsuit));
                }
            }
        }
    }

    static String label(String kind, boolean simplified, boolean after) {
        return "RECONSIDERATION".equals(kind) ? (simplified ? "行政复议（简易程序）" : "行政复议（普通程序）")
                : after ? "行政诉讼（复议后起诉）" : "行政诉讼（未经复议直接起诉）";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String actor() {
        return Actors.current(identity, "system");
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }

    private static LocalDate date(Object o) {
        if (o == null || o.toString().isBlank() || "null".equals(o.toString())) {
            return null;
        }
        if (o instanceof java.util.Date d) {
            return StatutoryDeadlines.toLocalDate(d);
        }
        try {
            return LocalDate.parse(o.toString().substring(0, 10));
        } catch (RuntimeException e) {
            throw new InvalidInputException("date", "日期格式应为 YYYY-MM-DD");
        }
    }
}
