package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;

/**
 * Names of the process variables. They hold what the process and its forms need: the case number
 * (also the business key), what clerks read in the forms, the due dates and the decisions. The
 * identity number and contact details stay in the case record.
 */
public final class ProcessVariables {

    public static final String CASE_NO = "caseNo";
    /** Transient: handed from intake to the acknowledgment step, never stored in the engine. */
    public static final String TRACKING_CODE = "trackingCode";
    public static final String DUE_ON = "dueOn";
    public static final String REVIEW_DUE_ON = "reviewDueOn";
    public static final String REPLY_TYPE = "replyType";
    public static final String REASONING = "reasoning";
    public static final String DISCLOSURE_DETAILS = "disclosureDetails";
    public static final String APPEAL_WINDOW_ENDS = "appealWindowEnds";

    private ProcessVariables() {
    }

    public static VariableMap forNewCase(ApplicationCase c, StatutoryDeadlines deadlines) {
        return Variables.createVariables()
                .putValue(CASE_NO, c.caseNo())
                .putValue("applicantName", c.applicantName())
                .putValue("applicantTypeLabel", c.applicantType().label())
                .putValue("channelLabel", c.channel().label())
                .putValue("receivedOnText", c.receivedOn().toString())
                .putValue("dueOnText", c.dueOn().toString())
                .putValue("requestDescription", c.description())
                .putValue("requestedFormLabel", c.form().label() + "，" + c.delivery().label())
                .putValue(DUE_ON, StatutoryDeadlines.endOfDay(c.dueOn()))
                .putValue(REVIEW_DUE_ON, StatutoryDeadlines.endOfDay(deadlines.correctionNoticeDue(c.receivedOn()).due()));
    }
}
