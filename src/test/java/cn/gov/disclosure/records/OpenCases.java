package cn.gov.disclosure.records;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import cn.gov.disclosure.intake.ApplicationSubmission;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.AsyncJobs;

/** The records tests' starting point: an application registered, its intake run, and the reply type decided. */
final class OpenCases {

    private OpenCases() {
    }

    /** {@code replyType} null: left undecided. */
    static IntakeService.Receipt open(IntakeService intake, RuntimeService runtime, ManagementService management,
                                      ApplicationSubmission application, String replyType) {
        IntakeService.Receipt r = intake.submit(application, "applicant", false);
        AsyncJobs.executeAll(management, runtime, r.caseNo());
        if (replyType != null) {
            String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(r.caseNo()).singleResult()
                    .getId();
            runtime.setVariable(pi, "replyType", replyType);
        }
        return r;
    }
}
