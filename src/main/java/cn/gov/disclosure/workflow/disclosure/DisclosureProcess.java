package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.intake.ApplicationProcess;

/** Starts process {@code disclosure-application} for a case registered through the API or the portal. */
@Component
class DisclosureProcess implements ApplicationProcess {

    private final RuntimeService runtime;
    private final StatutoryDeadlines deadlines;

    DisclosureProcess(RuntimeService runtime, StatutoryDeadlines deadlines) {
        this.runtime = runtime;
        this.deadlines = deadlines;
    }

    @Override
    public void start(ApplicationCase c) {
        VariableMap vars = DisclosureVars.forNewCase(c, deadlines);
        runtime.startProcessInstanceByKey(DisclosureVars.PROCESS_KEY, c.caseNo(), vars);
    }
}
