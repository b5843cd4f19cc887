package cn.gov.disclosure.workflow.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.records.ItemOutcomes;
import cn.gov.disclosure.records.RecordsService;
import cn.gov.disclosure.workflow.Actors;
import cn.gov.disclosure.workflow.VarKey;

/**
 * The release set at the engine edge: shown to the Art. 17 reviewer, approved when the reviewer clears the reply,
 * checked again right before the reply goes out (a set changed since its approval goes back to 保密审查), and
 * released with the reply. Also each item's outcome for the records feature: the item's own decision, else the
 * case's reply type.
 */
@Component("releaseSet")
public class ReleaseSetSteps implements ItemOutcomes {

    static final String NOT_APPROVED = "RELEASE_SET_NOT_APPROVED";
    static final VarKey<String> RELEASE_SET_LIST = VarKey.of("releaseSetList", String.class);
    static final VarKey<String> RELEASE_PROBLEMS = VarKey.of("releaseProblems", String.class);
    private static final String PROCESS = "disclosure-application";

    private final RecordsService records;
    private final RuntimeService runtime;
    private final CaseFileService caseFiles;
    private final IdentityService identity;
    private final cn.gov.disclosure.items.CaseItems items;

    public ReleaseSetSteps(RecordsService records, RuntimeService runtime,
                           CaseFileService caseFiles, IdentityService identity, cn.gov.disclosure.items.CaseItems items) {
        this.items = items;
        this.records = records;
        this.runtime = runtime;
        this.caseFiles = caseFiles;
        this.identity = identity;
    }

    /** On creating 保密审查: the files that would go out, for the reviewer to open and check. */
    public void show(DelegateTask task) {
        String caseNo = DisclosureVars.CASE_NO.get(task);
        List<RecordsService.SetEntry> set = records.releaseSet(caseNo);
        RELEASE_SET_LIST.set(task.getExecution(), set.isEmpty() ? Texts.get("records.set.empty")
                : RecordsService.listing(set));
    }

    /** On completing 保密审查 / 登记主管部门确定结果 with 可以公开: the set as it is now is approved. */
    public void approveIfCleared(DelegateTask task) {
        if ("CLEARED".equals(SecrecyReferralListener.OUTCOME.text(task))) {
            String actor = task.getAssignee() != null ? task.getAssignee() : Actors.current(identity);
            records.approve(DisclosureVars.CASE_NO.get(task), actor);
        }
    }

    /**
     * Before the reply goes out: a partial item without a cut, or a set not approved as it is, sends the case back
     * to 保密审查 with the reason (BPMN error {@value #NOT_APPROVED}).
     */
    public void checkBeforeSending(DelegateExecution execution) {
        String caseNo = DisclosureVars.CASE_NO.get(execution);
        List<String> problems = new ArrayList<>(records.redactionProblems(caseNo));
        records.approvalProblem(caseNo).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            RELEASE_PROBLEMS.set(execution, "· " + String.join("\n· ", problems));
            caseFiles.recordEvent(caseNo, "RELEASE_HELD", "releaseSet", null, null, "system",
                    Texts.get("records.set.held", String.join("\n", problems)));
            throw new BpmnError(NOT_APPROVED, String.join("; ", problems));
        }
        RELEASE_PROBLEMS.set(execution, null);
    }

    /** After the reply notice is stored: the approved set goes out with it. */
    public void release(String caseNo, long noticeId) {
        records.release(caseNo, noticeId, "system");
    }

    /** Redaction problems for the draft check (the clerk is told which item lacks its cuts). */
    public List<String> draftProblems(String caseNo) {
        return records.redactionProblems(caseNo);
    }

    @Override
    public Optional<String> outcome(String caseNo, int itemNo) {
        // The item's own decision (items page, or the form's for a single item); before it, the case's. An item
        // that does not exist or was split or merged away is not answered: nothing of it goes out.
        List<cn.gov.disclosure.items.CaseItem> all = items.list(caseNo);
        Optional<cn.gov.disclosure.items.CaseItem> item = all.stream().filter(i -> i.no() == itemNo).findFirst();
        if (all.isEmpty() ? itemNo != 1 : item.filter(cn.gov.disclosure.items.CaseItem::open).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> decided = item.map(cn.gov.disclosure.items.CaseItem::decision)
                .map(cn.gov.disclosure.items.ItemDecision::replyType);
        if (decided.isPresent()) {
            return decided;
        }
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey(PROCESS).list().stream().findFirst().orElse(null);
        if (pi != null) {
            Object type = runtime.getVariable(pi.getId(), DisclosureVars.REPLY_TYPE.name());
            if (type != null) {
                return Optional.of(type.toString());
            }
        }
        return caseFiles.find(caseNo).map(c -> c.replyType());
    }
}
