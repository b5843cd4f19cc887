package cn.gov.disclosure.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.items.CaseItems;

/**
 * What a Tasklist card shows (the shared filters of security/AccessSetup: case number, applicant, reply period,
 * item summary) holds for a task of every process — application, consultation, extension, appeal, escalation —
 * not only for those whose model happens to pass the variables on. Every user task, when created, puts them on
 * its process instance from the case record where the process has not set them itself; the summary is always
 * taken afresh, as a correction may have changed the request. A listener added at parse time rather than in each model: a new process gets it without anyone
 * remembering.
 */
@Component
public class CaseCardVariables extends AbstractProcessEnginePlugin {

    /** Read by the forms: how many items the reply answers, and the staff page where they are decided. */
    static final String ITEM_COUNT = "itemCount";
    static final String ITEMS_URL = "itemsUrl";

    /** The item summary's length on a card: enough to tell cases apart, short enough for one line. */
    static final int SUMMARY_LENGTH = 30;

    private final CaseRepository cases;
    private final CaseItems items;

    public CaseCardVariables(CaseRepository cases, CaseItems items) {
        this.cases = cases;
        this.items = items;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                    task.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, CaseCardVariables.this::onCreate);
                }
            }
        });
    }

    void onCreate(DelegateTask task) {
        DelegateExecution instance = task.getExecution() == null ? null : task.getExecution().getProcessInstance();
        if (instance == null) {
            return;
        }
        String caseNo = instance.getProcessBusinessKey();
        if (caseNo == null || caseNo.isBlank()) {
            caseNo = CaseVars.CASE_NO.get(instance);
        }
        if (caseNo == null || caseNo.isBlank()) {
            return;
        }
        ApplicationCase c = cases.findByCaseNo(caseNo).orElse(null);
        if (c == null) {
            return;
        }
        setIfMissing(instance, CaseVars.CASE_NO, c.caseNo());
        setIfMissing(instance, CaseVars.APPLICANT_NAME, c.applicantName());
        // A process that keeps its own period (an appeal's answer, an escalation's) has set it already; otherwise
        // the task's own due day, else the case's reply period.
        LocalDate due = task.getDueDate() != null ? StatutoryDeadlines.toLocalDate(task.getDueDate()) : c.dueOn();
        if (due != null) {
            setIfMissing(instance, CaseVars.DUE_ON_TEXT, due.toString());
        }
        // Always from the record: a correction, split or merge may have changed the request. Several items show
        // as 共3项：第1项：…
        String itemSummary = items.summary(caseNo);
        String summary = summary(itemSummary == null ? c.description() : itemSummary);
        int count = items.open(caseNo).size();
        if (!Integer.valueOf(count).equals(instance.getVariableLocal(ITEM_COUNT))) {
            instance.setVariableLocal(ITEM_COUNT, count);
        }
        if (instance.getVariableLocal(ITEMS_URL) == null) {
            instance.setVariableLocal(ITEMS_URL, "/staff/cases/" + caseNo + "/items");
        }
        if (summary != null && !summary.equals(instance.getVariableLocal(CaseVars.REQUEST_SUMMARY.name()))) {
            instance.setVariableLocal(CaseVars.REQUEST_SUMMARY.name(), summary);
        }
    }

    /** The first {@value #SUMMARY_LENGTH} characters of the request on one line, "…" when cut. */
    public static String summary(String description) {
        if (description == null) {
            return null;
        }
        String line = description.replaceAll("\\s+", " ").strip();
        int end = line.offsetByCodePoints(0, Math.min(SUMMARY_LENGTH, line.codePointCount(0, line.length())));
        return end < line.length() ? line.substring(0, end) + "…" : line;
    }

    private static void setIfMissing(DelegateExecution instance, VarKey<String> key, String value) {
        Object current = instance.getVariable(key.name());
        if (value != null && (current == null || current.toString().isBlank())) {
            instance.setVariableLocal(key.name(), value);
        }
    }

    /** The card variables Tasklist's shared filters show, in order. */
    public static List<String> names() {
        return List.of(CaseVars.CASE_NO.name(), CaseVars.APPLICANT_NAME.name(), CaseVars.DUE_ON_TEXT.name(),
                CaseVars.REQUEST_SUMMARY.name());
    }
}
