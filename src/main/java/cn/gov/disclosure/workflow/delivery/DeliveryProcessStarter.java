package cn.gov.disclosure.workflow.delivery;

import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.delivery.DeliveryChannel;
import cn.gov.disclosure.delivery.DeliveryRecord;
import cn.gov.disclosure.delivery.DeliveryRepository;
import cn.gov.disclosure.delivery.DeliveryWork;
import cn.gov.disclosure.workflow.AsSystem;

/**
 * Starts 送达文书 ({@code bpmn/delivery.bpmn}) for a delivery by hand, in the caller's transaction (the step
 * that issued the notice, or the outbox giving an e-mail up): the task exists exactly when the notice does.
 */
@Component
public class DeliveryProcessStarter implements DeliveryWork {

    /** Working days the clerk has to post, arrange or hand over a notice. */
    static final int DUE_IN_WORKING_DAYS = 2;

    private final RuntimeService runtime;
    private final DeliveryRepository deliveries;
    private final CaseFileService caseFiles;
    private final StatutoryDeadlines deadlines;
    private final AsSystem asSystem;

    public DeliveryProcessStarter(RuntimeService runtime, DeliveryRepository deliveries, CaseFileService caseFiles,
                                  StatutoryDeadlines deadlines, AsSystem asSystem) {
        this.runtime = runtime;
        this.deliveries = deliveries;
        this.caseFiles = caseFiles;
        this.deadlines = deadlines;
        this.asSystem = asSystem;
    }

    @Override
    public void start(String caseNo, long deliveryId, DeliveryChannel channel, boolean fallback) {
        DeliveryRecord d = deliveries.find(deliveryId).orElseThrow();
        LocalDate due = deadlines.calendar().addWorkingDays(deadlines.today(), DUE_IN_WORKING_DAYS).due();
        VariableMap vars = Variables.createVariables();
        DeliveryVars.CASE_NO.put(vars, caseNo);
        DeliveryVars.DELIVERY_ID.put(vars, deliveryId);
        DeliveryVars.DELIVERY_CHANNEL.put(vars, fallback ? "FALLBACK" : channel.name());
        DeliveryVars.DELIVERY_DUE.put(vars, StatutoryDeadlines.endOfDay(due));
        DeliveryVars.NOTICE_TITLE.put(vars, deliveries.noticeTitle(d.noticeId()));
        DeliveryVars.ADDRESSEE_TEXT.put(vars, d.addressee() != null ? d.addressee()
                : Texts.get("delivery.applicantNamed", caseFiles.get(caseNo).applicantName()));
        DeliveryVars.PACKAGE_URL.put(vars, "/staff/deliveries/" + deliveryId + "/package.pdf");
        if (fallback) {
            DeliveryVars.FAILURE_TEXT.put(vars, d.evidence());
        }
        // The clerk who issued the notice may not start processes; the delivery is the office's duty.
        asSystem.call(() -> runtime.startProcessInstanceByKey(DeliveryVars.PROCESS_KEY, caseNo, vars));
    }
}
