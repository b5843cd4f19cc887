package cn.gov.disclosure.workflow.disclosure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseHistory;
import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.workflow.CaseVars;
import cn.gov.disclosure.workflow.VarKey;

/**
 * Legal review reads the case's history beside the draft (issue 16, item 4): when 法制审核答复意见 is created, the
 * case events so far (when, who, what, old → new) become the read-only field 案件记录 of legal-review.form. Taken
 * afresh at every review, so a reply sent back and submitted again shows what happened in between.
 */
// Not named like the variable it sets: a process variable would shadow the bean in ${...} at the next review.
@Component("caseHistoryListener")
public class CaseHistoryListener implements TaskListener {

    /** The field of legal-review.form. */
    static final VarKey<String> CASE_HISTORY = VarKey.of("caseHistory", String.class);
    /** The engine keeps a text variable in a 4000-character column; the latest events are kept. */
    static final int MAX_CHARS = 3900;

    private final CaseFileService caseFiles;
    private final ReplyCatalogue catalogue;

    public CaseHistoryListener(CaseFileService caseFiles, ReplyCatalogue catalogue) {
        this.caseFiles = caseFiles;
        this.catalogue = catalogue;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNo = CaseVars.CASE_NO.get(task);
        CASE_HISTORY.set(task, CaseHistory.text(caseFiles.events(caseNo), MAX_CHARS,
                (field, value) -> "replyType".equals(field)
                        ? catalogue.type(value).map(ReplyCatalogue.ReplyType::label).orElse(null) : null));
    }
}
