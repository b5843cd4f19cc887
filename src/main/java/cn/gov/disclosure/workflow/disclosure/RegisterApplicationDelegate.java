package cn.gov.disclosure.workflow.disclosure;

import cn.gov.disclosure.workflow.Actors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;

/**
 * 登记申请 (Art. 45). Applications from the web API arrive registered; those a clerk enters in the
 * Tasklist start form (letters, faxes, walk-ins, Art. 29 代为填写) are validated and registered here,
 * in the same transaction as the process start. Invalid input aborts the start with the problems
 * listed, and nothing is stored.
 */
@Component("registerApplication")
public class RegisterApplicationDelegate implements JavaDelegate {

    private final IntakeService intake;
    private final StatutoryDeadlines deadlines;
    private final IdentityService identity;
    private final OnTheSpotSteps onTheSpot;

    public RegisterApplicationDelegate(IntakeService intake, StatutoryDeadlines deadlines, IdentityService identity,
                                       OnTheSpotSteps onTheSpot) {
        this.onTheSpot = onTheSpot;
        this.intake = intake;
        this.deadlines = deadlines;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(DisclosureVars.CASE_NO.name()) != null) {
            return;
        }
        String actor = Actors.current(identity);
        CaseFileService.Registration r = intake.register(
                IntakeService.fromFormVariables(execution.getVariables()), actor, true);
        // The process continues after this step in a job (asyncAfter): what the steps behind it would refuse must
        // be refused now, while the clerk's start form can still show it and nothing is stored.
        onTheSpot.check(execution, r.caseFile().channel());
        execution.setProcessBusinessKey(r.caseFile().caseNo());
        execution.setVariables(DisclosureVars.forNewCase(r.caseFile(), deadlines));
        // A reply given at the counter is on record with the case itself: the receipt the clerk prints at once (before
        // the job that continues the intake has run) must state it, not promise a reply within 20 working days.
        onTheSpot.recordAtRegistration(execution, actor);
        // The tracking code stays out of the engine: the receipt (receiptUrl, 受理回执) prints it, sealed until then.
        // The raw form fields (identity number among them) live in the case record only.
        for (String field : new String[] {"channel", "receivedOn", "applicantType", "idType", "idNumber",
                "contactPerson", "phone", "email", "address", "postalCode", "description", "documentNumber", "form",
                "delivery", "feeWaiverReason", "filledInByStaff"}) {
            execution.removeVariable(field);
        }
    }
}
