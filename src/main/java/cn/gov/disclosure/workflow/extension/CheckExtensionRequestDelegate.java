package cn.gov.disclosure.workflow.extension;

import cn.gov.disclosure.workflow.disclosure.DisclosureVars;
import cn.gov.disclosure.casefile.CaseClocks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.FieldError;

/**
 * 核验延期申请: the case must still be in hand, not yet extended, and not past its due day; the
 * extension must be 1–20 working days with a reason (Art. 33(2)). A failed check aborts the start with
 * the problems listed, so nothing is stored.
 */
@Component("checkExtensionRequest")
public class CheckExtensionRequestDelegate implements JavaDelegate {

    private static final EnumSet<CaseStatus> IN_HAND = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS,
            CaseStatus.LEGAL_REVIEW);

    private final CaseFileService caseFiles;
    private final CaseClocks clocks;
    private final StatutoryDeadlines deadlines;

    public CheckExtensionRequestDelegate(CaseFileService caseFiles, CaseClocks clocks,
                                         StatutoryDeadlines deadlines) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        String caseNo = text(execution.getVariable(DisclosureVars.CASE_NO.name()));
        Object days = execution.getVariable("extensionDays");
        String reason = text(execution.getVariable("extensionReason"));
        if (!(days instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.intValue() < 1 || n.intValue() > ReplyClock.MAX_EXTENSION) {
            errors.add(new FieldError("extensionDays", "延长期限应为1至20个工作日的整数（第三十三条第二款）"));
        }
        if (reason == null || reason.length() < 4 || reason.length() > 500) {
            errors.add(new FieldError("extensionReason", "请写明需要延长答复期限的理由（4至500字），该理由将告知申请人"));
        }
        ApplicationCase c = caseNo == null ? null : caseFiles.find(caseNo).orElse(null);
        if (c == null) {
            errors.add(new FieldError("caseNo", "未找到该案件编号"));
        } else if (!IN_HAND.contains(c.status())) {
            errors.add(new FieldError("caseNo", "案件当前状态为“" + c.status().label() + "”，不能申请延期"));
        } else {
            ReplyClock clock = clocks.clock(caseNo);
            if (clock.extensionDays() > 0) {
                errors.add(new FieldError("caseNo", "该案件已延长过答复期限，不能再次延长"));
            }
            if (deadlines.today().isAfter(c.dueOn())) {
                errors.add(new FieldError("caseNo", "答复期限（" + c.dueOn() + "）已届满，不能再申请延期"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        execution.setProcessBusinessKey(caseNo);
        execution.setVariable(DisclosureVars.CASE_NO.name(), caseNo);
        execution.setVariable("extensionDays", ((Number) days).intValue());
        execution.setVariable("applicantName", c.applicantName());
        execution.setVariable("dueOnText", c.dueOn().toString());
        execution.setVariable(DisclosureVars.DUE_ON.name(), StatutoryDeadlines.endOfDay(c.dueOn()));
        execution.setVariable("requestDescription", c.description());
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }
}
