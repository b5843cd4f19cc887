package cn.gov.disclosure.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.TrackingCodes;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.casefile.CaseClocks;

/**
 * Consultation of other agencies (Art. 34) and third parties (Art. 32), called from the BPMN as bean
 * {@code consultation}: checks the clerk's plan, sends the letters (agencies get a one-time answer link),
 * records answers and silence, stops and restarts the reply clock, and keeps a one-line status of who has
 * and hasn't answered in the process variable {@code consultationStatus}.
 */
@Service("consultation")
public class ConsultationService {

    static final String STATUS = "consultationStatus";

    private final AgencyDirectory directory;
    private final ConsultationRepository consultations;
    private final CaseFileService caseFiles;
    private final CaseClocks clocks;
    private final NoticeService notices;
    private final StatutoryDeadlines deadlines;
    private final IdentityService identity;
    private final Clock clock;
    private final String publicBaseUrl;
    private final TaskService tasks;
    private final cn.gov.disclosure.mail.MailOutbox outbox;

    public ConsultationService(AgencyDirectory directory, ConsultationRepository consultations,
                               CaseFileService caseFiles, CaseClocks clocks, NoticeService notices,
                               StatutoryDeadlines deadlines, IdentityService identity, Clock clock,
                               @Value("${disclosure.public-base-url:http://localhost:8080}") String publicBaseUrl,
                               TaskService tasks, cn.gov.disclosure.mail.MailOutbox outbox) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.directory = directory;
        this.consultations = consultations;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.notices = notices;
        this.deadlines = deadlines;
        this.identity = identity;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    // ---- the plan (检索查找政府信息 form) ----

    /** On completing the search task: the consultation plan must name known agencies and a reachable third party. */
    public void validatePlan(DelegateTask task) {
        List<FieldError> errors = new ArrayList<>();
        if (Boolean.TRUE.equals(task.getVariable("consultAgencies"))) {
            List<String> codes = codes(task.getVariable("agencyCodes"));
            if (codes.isEmpty()) {
                errors.add(new FieldError("agencyCodes", "请填写要征求意见的机关代码（可选：" + directory.describe() + "）"));
            }
            for (String code : codes) {
                if (directory.find(code).isEmpty()) {
                    errors.add(new FieldError("agencyCodes", "机关代码“" + code + "”不在机关名录中（可选："
                            + directory.describe() + "）"));
                }
            }
        }
        if (Boolean.TRUE.equals(task.getVariable("consultThirdParty"))) {
            if (blank(task.getVariable("thirdPartyName"))) {
                errors.add(new FieldError("thirdPartyName", "请填写第三方的姓名或名称"));
            }
            if (blank(task.getVariable("thirdPartyEmail")) && blank(task.getVariable("thirdPartyAddress"))) {
                errors.add(new FieldError("thirdPartyEmail", "请填写第三方的电子邮箱或通信地址，以便书面征求意见"));
            }
        }
        if ((Boolean.TRUE.equals(task.getVariable("consultAgencies"))
                || Boolean.TRUE.equals(task.getVariable("consultThirdParty")))
                && blank(task.getVariable("informationConcerned"))) {
            errors.add(new FieldError("informationConcerned", "请写明需要征求意见的具体信息"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Puts the agency directory in front of the clerk in the search form. */
    public void offerDirectory(DelegateExecution execution) {
        execution.setVariable("agencyDirectoryText", directory.describe());
    }

    /** The agency codes of the plan, for the multi-instance consultation. */
    public List<String> agencyCodes(DelegateExecution execution) {
        return codes(execution.getVariable("agencyCodes"));
    }

    // ---- the reply clock ----

    /** Arts. 32, 34: the time spent consulting is not counted; the applicant is told. */
    public void pauseClock(DelegateExecution execution) {
        PauseReason reason = Boolean.TRUE.equals(execution.getVariable("consultThirdParty"))
                ? PauseReason.THIRD_PARTY_CONSULTATION : PauseReason.AGENCY_CONSULTATION;
        clocks.pause(caseNo(execution), reason, today(), actor());
        tellApplicant(caseNo(execution), "答复期限暂停计算", "本机关正在" + reason.label() + "（" + reason.basis()
                + "），该期间不计入答复期限。征求意见结束后，答复期限以剩余的工作日继续计算，届时将另行告知新的答复期限。");
    }

    public void resumeClock(DelegateExecution execution) {
        cn.gov.disclosure.calendar.ReplyClock.Reading reading = clocks.resume(caseNo(execution), today(), actor());
        tellApplicant(caseNo(execution), "答复期限恢复计算", "征求意见已经结束，答复期限自" + today().plusDays(1)
                + "起恢复计算，本机关将于" + reading.due().map(Object::toString).orElse("") + "前答复。");
    }

    /** Stage changes the applicant cares about go to them by e-mail (the notices carry the rest). */
    private void tellApplicant(String caseNo, String subject, String text) {
        ApplicationCase c = caseFiles.get(caseNo);
        if (c.email() != null) {
            outbox.enqueue(c.id(), c.email(), subject + "（" + caseNo + "）", c.applicantName() + "：\n\n您好！您的政府信息公开申请（案件编号："
                    + caseNo + "）" + text + "\n\n本邮件由系统自动发送，请勿直接回复。\n", null);
        }
    }

    // ---- letters ----

    /** Sends one agency its 征求意见函 with a one-time answer link; the element variable is {@code agencyCode}. */
    @Transactional
    public void sendAgencyLetter(DelegateExecution execution) {
        AgencyDirectory.Entry agency = directory.find((String) execution.getVariable("agencyCode")).orElseThrow();
        ApplicationCase c = caseFiles.get(caseNo(execution));
        LocalDate answerBy = deadlines.periods().consultationAnswerDue(today()).due();
        String token = TrackingCodes.generate() + "-" + TrackingCodes.generate();
        String info = (String) execution.getVariable("informationConcerned");
        long id = consultations.insert(c.id(), Consultation.AGENCY, agency.code(), agency.name(), agency.email(),
                agency.address(), info, today(), answerBy, TrackingCodes.hash(token));
        String link = publicBaseUrl + "/consultation/" + token;
        Notice letter = notices.issueAgencyConsultation(c.caseNo(), agency.name(), agency.email(), info, answerBy,
                link);
        consultations.attachNotice(id, letter.id());
        caseFiles.recordEvent(c.caseNo(), "CONSULTATION_SENT", "consultation", null, agency.name(), actor(),
                "向" + agency.name() + "发出征求意见函（第三十四条），答复期限" + answerBy);
        localVariables(execution, id, agency.name(), answerBy);
        refreshStatus(execution, c.id());
    }

    /** Sends the third party its 第三方意见征询函 (by e-mail if known; otherwise the clerk posts the PDF). */
    @Transactional
    public void sendThirdPartyLetter(DelegateExecution execution) {
        ApplicationCase c = caseFiles.get(caseNo(execution));
        LocalDate answerBy = deadlines.periods().consultationAnswerDue(today()).due();
        String name = (String) execution.getVariable("thirdPartyName");
        String email = text(execution.getVariable("thirdPartyEmail"));
        String address = text(execution.getVariable("thirdPartyAddress"));
        String info = (String) execution.getVariable("informationConcerned");
        long id = consultations.insert(c.id(), Consultation.THIRD_PARTY, null, name, email, address, info, today(),
                answerBy, null);
        Notice letter = notices.issueThirdPartyConsultation(c.caseNo(), name, email, info, answerBy);
        consultations.attachNotice(id, letter.id());
        caseFiles.recordEvent(c.caseNo(), "CONSULTATION_SENT", "consultation", null, name, actor(),
                "向第三方" + name + "发出意见征询函（第三十二条），" + (email != null ? "电子邮件" : "邮寄") + "，答复期限"
                        + answerBy);
        localVariables(execution, id, name, answerBy);
        execution.setVariable("thirdPartyLetterUrl", "/staff/notices/" + letter.id() + ".pdf");
        refreshStatus(execution, c.id());
    }

    // ---- answers ----

    /** The clerk records an answer received by letter (or confirms one given through the link). */
    @Transactional
    public void recordAnswer(DelegateTask task) {
        long id = ((Number) task.getVariable("consultationId")).longValue();
        Consultation before = consultations.find(id).orElseThrow();
        if (!before.answered()) {
            ConsultationOutcome outcome = ConsultationOutcome.valueOf((String) task.getVariable("answerOutcome"));
            String opinion = text(task.getVariable("answerOpinion"));
            if (outcome == ConsultationOutcome.OBJECTS && opinion == null) {
                throw new InvalidInputException("answerOpinion", "不同意公开的，请记录其理由");
            }
            record(before, outcome, opinion, task.getAssignee() != null ? task.getAssignee() : actor(), false);
        }
        Consultation after = consultations.find(id).orElseThrow();
        task.getExecution().setVariable("answerOutcome", after.outcome().name());
        if (Consultation.THIRD_PARTY.equals(after.partyKind())) {
            task.getExecution().setVariable("thirdPartyOutcome", after.outcome().name());
        }
        refreshStatus(task.getExecution(), after.caseId());
    }

    /** The timer fired: an agency's silence is consent (Art. 34); a third party's leaves it to us (Art. 32). */
    @Transactional
    public void recordSilence(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("consultationId")).longValue();
        Consultation c = consultations.find(id).orElseThrow();
        ConsultationOutcome outcome = Consultation.AGENCY.equals(c.partyKind())
                ? ConsultationOutcome.SILENT_CONSENT : ConsultationOutcome.SILENT;
        record(c, outcome, null, "system", false);
        if (Consultation.THIRD_PARTY.equals(c.partyKind())) {
            execution.setVariable("thirdPartyOutcome", outcome.name());
        }
        refreshStatus(execution, c.caseId());
    }

    /** The head's public-interest decision after a third party objected (Art. 32). */
    @Transactional
    public void recordPublicInterestDecision(DelegateTask task) {
        boolean override = "OVERRIDE".equals(task.getVariable("publicInterestDecision"));
        String reason = text(task.getVariable("publicInterestReason"));
        if (override && reason == null) {
            throw new InvalidInputException("publicInterestReason", "因公共利益决定公开的，须写明理由，该理由将书面告知第三方");
        }
        task.getExecution().setVariable("thirdPartyObjectionUpheld", !override);
        caseFiles.recordEvent(caseNo(task.getExecution()), "PUBLIC_INTEREST_DECISION", "thirdPartyObjectionUpheld",
                null, String.valueOf(!override), task.getAssignee() != null ? task.getAssignee() : actor(),
                override ? "第三方不同意公开，负责人认为不公开会对公共利益造成重大影响，决定公开：" + reason
                        : "第三方不同意公开，决定不予公开");
    }

    /** Art. 32: tell the third party in writing what will be disclosed and why. */
    @Transactional
    public void notifyThirdPartyOfOverride(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("consultationId")).longValue();
        Consultation c = consultations.find(id).orElseThrow();
        notices.issuePublicInterestDisclosure(caseNo(execution), c.partyName(), c.partyEmail(), c.information(),
                (String) execution.getVariable("publicInterestReason"));
    }

    /**
     * An agency answers through its link: records the answer once and completes the clerk's waiting task.
     * Returns false if the link is unknown, already used, or past the answer day.
     */
    @Transactional
    public boolean answerThroughLink(String token, ConsultationOutcome outcome, String opinion) {
        Optional<Consultation> found = usableByToken(token);
        if (found.isEmpty()) {
            return false;
        }
        Consultation c = found.get();
        if (!record(c, outcome, opinion, c.partyName() + "（在线答复）", true)) {
            return false;
        }
        String caseNo = caseFiles.caseNoOf(c.caseId());
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("RecordAgencyAnswer")
                .list()) {
            Object id = tasks.getVariable(t.getId(), "consultationId");
            if (id instanceof Number n && n.longValue() == c.id()) {
                tasks.complete(t.getId(), java.util.Map.of("answerOutcome", outcome.name(),
                        "answerOpinion", opinion == null ? "" : opinion));
            }
        }
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

    /** "示例市自然资源局：同意公开；某公司：尚未答复（期限2026-12-14）". */
    public String status(long caseId) {
        List<String> parts = new ArrayList<>();
        for (Consultation c : consultations.forCase(caseId)) {
            parts.add(c.partyName() + "：" + (c.answered() ? c.outcome().label() : "尚未答复（期限" + c.answerBy() + "）"));
        }
        return String.join("；", parts);
    }

    private boolean record(Consultation c, ConsultationOutcome outcome, String opinion, String by, boolean link) {
        boolean recorded = consultations.recordAnswer(c.id(), outcome, opinion, clock.instant(), by, link);
        if (recorded) {
            caseFiles.recordEvent(caseFiles.get(caseNoOf(c)).caseNo(), "CONSULTATION_ANSWERED", "consultation",
                    null, outcome.name(), by, c.partyName() + "：" + outcome.label() + (opinion == null ? "" : "。理由：" + opinion));
        }
        return recorded;
    }

    private String caseNoOf(Consultation c) {
        return caseFiles.caseNoOf(c.caseId());
    }

    private void localVariables(DelegateExecution execution, long id, String party, LocalDate answerBy) {
        execution.setVariableLocal("consultationId", id);
        execution.setVariableLocal("consultedParty", party);
        execution.setVariableLocal("answerByText", answerBy.toString());
        execution.setVariableLocal("answerBy", StatutoryDeadlines.endOfDay(answerBy));
    }

    private void refreshStatus(DelegateExecution execution, long caseId) {
        execution.getProcessInstance().setVariable(STATUS, status(caseId));
    }

    private static List<String> codes(Object value) {
        if (value == null) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(value.toString().split("[,，、;；\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(java.util.Locale.ROOT))
                .toList()));
    }

    private static String caseNo(DelegateExecution execution) {
        return (String) execution.getVariable("caseNo");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String actor() {
        return Actors.current(identity, "system");
    }

    private static boolean blank(Object o) {
        return o == null || o.toString().isBlank();
    }

    private static String text(Object o) {
        return blank(o) ? null : o.toString().strip();
    }
}
