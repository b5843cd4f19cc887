package cn.gov.disclosure.workflow.delivery;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.delivery.DeliveryRecorded;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * The 60-day / 6-month remedy periods run from the day the applicant received the reply (行政复议法 Art. 20,
 * 行政诉讼法 Art. 46: 知道之日), not from the day it was sent. Until the delivery is recorded the case waits with a
 * provisional window (sent + {@code disclosure.appeal.delivery-allowance-days}); when the reply's delivery is
 * recorded, proven or presumed, the window and its timer move to the delivery date. Runs in the transaction that
 * records the delivery.
 */
@Component
public class AppealWindowFollowsDelivery {

    private static final Logger log = LoggerFactory.getLogger(AppealWindowFollowsDelivery.class);
    static final String TIMER_ACTIVITY = "AppealWindowExpired";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final StatutoryDeadlines deadlines;
    private final CaseFileService caseFiles;

    public AppealWindowFollowsDelivery(RuntimeService runtime, ManagementService management,
                                       StatutoryDeadlines deadlines, CaseFileService caseFiles) {
        this.runtime = runtime;
        this.management = management;
        this.deadlines = deadlines;
        this.caseFiles = caseFiles;
    }

    @EventListener
    public void on(DeliveryRecorded delivery) {
        if (delivery.addressee() != null || !"REPLY".equals(delivery.noticeType())) {
            return;
        }
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(delivery.caseNo())
                .processDefinitionKey(DisclosureVars.PROCESS_KEY).active().singleResult();
        if (pi == null) {
            return;
        }
        // After an appeal decision the window runs from that decision (行政诉讼法 Art. 45): leave it alone.
        if (runtime.getVariable(pi.getId(), "appealOutcome") != null) {
            return;
        }
        LocalDate ends = deadlines.periods().appealWindowEnds(delivery.deliveredOn());
        Date endsAt = StatutoryDeadlines.endOfDay(ends);
        Object before = runtime.getVariable(pi.getId(), DisclosureVars.APPEAL_WINDOW_ENDS.name());
        runtime.setVariable(pi.getId(), DisclosureVars.APPEAL_WINDOW_ENDS.name(), endsAt);
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_ACTIVITY)
                .timers().singleResult();
        if (timer != null) {
            management.setJobDuedate(timer.getId(), endsAt);
        }
        caseFiles.recordEvent(delivery.caseNo(), "APPEAL_WINDOW_CHANGED", "appealWindowEnds",
                before instanceof Date d ? StatutoryDeadlines.toLocalDate(d).toString() : null, ends.toString(),
                "system", Texts.get("delivery.event.appealWindow", delivery.deliveredOn(), ends));
        log.info("Case {}: reply delivered on {}, appeal window now ends {}", delivery.caseNo(),
                delivery.deliveredOn(), ends);
    }
}
