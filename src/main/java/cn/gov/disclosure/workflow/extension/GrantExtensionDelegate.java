package cn.gov.disclosure.workflow.extension;

import cn.gov.disclosure.common.Texts;

import cn.gov.disclosure.workflow.disclosure.DisclosureVars;
import cn.gov.disclosure.casefile.CaseClocks;
import cn.gov.disclosure.workflow.Actors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.notice.NoticeService;

/** 延长答复期限并告知申请人: moves the due date everywhere and sends the 延期告知书. */
@Component("grantExtension")
public class GrantExtensionDelegate implements JavaDelegate {

    private final CaseClocks clocks;
    private final NoticeService notices;
    private final IdentityService identity;

    public GrantExtensionDelegate(CaseClocks clocks, NoticeService notices, IdentityService identity) {
        this.clocks = clocks;
        this.notices = notices;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        int days = ExtensionVars.DAYS.get(execution);
        String reason = ExtensionVars.REASON.get(execution);
        ReplyClock.Reading reading = clocks.extend(caseNo, days, Actors.current(identity), reason);
        notices.issueExtension(caseNo, days, reason, reading.due().orElse(null), reading.workingDaysLeftAtPause());
        ExtensionVars.NEW_DUE_ON_TEXT.set(execution, reading.due().map(Object::toString)
                .orElse(Texts.get("workflow.extension.clockStanding")));
    }
}
