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
        Object days = execution.getVariable(ExtensionVars.DAYS.name());
        String reason = ExtensionVars.REASON.text(execution);
        if (!(days instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.intValue() < 1 || n.intValue() > ReplyClock.MAX_EXTENSION) {
            errors.add(FieldError.of(ExtensionVars.DAYS.name(), "workflow.extension.daysRange", ReplyClock.MAX_EXTENSION));
        }
        if (reason == null || reason.length() < 4 || reason.length() > 500) {
            errors.add(FieldError.of(ExtensionVars.REASON.name(), "workflow.extension.reasonMissing"));
        }
        ApplicationCase c = caseNo == null ? null : caseFiles.find(caseNo).orElse(null);
        if (c == null) {
            errors.add(FieldError.of(DisclosureVars.CASE_NO.name(), "workflow.extension.caseUnknown"));
        } else if (!IN_HAND.contains(c.status())) {
            errors.add(FieldError.of(DisclosureVars.CASE_NO.name(), "workflow.extension.notInHand", c.status().label()));
        } else {
            ReplyClock clock = clocks.clock(caseNo);
            if (clock.extensionDays() > 0) {
                errors.add(FieldError.of(DisclosureVars.CASE_NO.name(), "workflow.extension.alreadyExtended"));
            }
            // The clock's own reading: while it stands still the stored due date is stale and nothing expires.
            ReplyClock.Reading reading = clocks.reading(caseNo);
            if (reading.due().map(due -> deadlines.today().isAfter(due)).orElse(false)) {
                errors.add(FieldError.of(DisclosureVars.CASE_NO.name(), "workflow.extension.expired",
                        reading.due().get()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        execution.setProcessBusinessKey(caseNo);
        execution.setVariable(DisclosureVars.CASE_NO.name(), caseNo);
        ExtensionVars.DAYS.set(execution, ((Number) days).intValue());
        DisclosureVars.APPLICANT_NAME.set(execution, c.applicantName());
        DisclosureVars.DUE_ON_TEXT.set(execution, c.dueOn().toString());
        execution.setVariable(DisclosureVars.DUE_ON.name(), StatutoryDeadlines.endOfDay(c.dueOn()));
        DisclosureVars.REQUEST_DESCRIPTION.set(execution, c.description());
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }
}
