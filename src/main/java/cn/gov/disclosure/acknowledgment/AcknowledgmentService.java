package cn.gov.disclosure.acknowledgment;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeService;

/**
 * The acknowledgment (受理回执, Arts. 31, 33) after the intake: {@link #queue} keeps the tracking code sealed in the
 * registering transaction, {@link #issue} renders, stores and e-mails the acknowledgment once — from the process's
 * retried step, or earlier when staff print the receipt — and erases the sealed code in the same transaction.
 */
@Service
public class AcknowledgmentService {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgmentService.class);

    private final PendingAcknowledgments pending;
    private final TrackingCodeSeal seal;
    private final CaseFileService caseFiles;
    private final NoticeService notices;

    AcknowledgmentService(PendingAcknowledgments pending, TrackingCodeSeal seal, CaseFileService caseFiles,
                          NoticeService notices) {
        this.pending = pending;
        this.seal = seal;
        this.caseFiles = caseFiles;
        this.notices = notices;
    }

    /** In the registering transaction: the acknowledgment is owed from the moment the case exists. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(ApplicationCase registered, String trackingCode) {
        pending.insert(registered.id(), seal.seal(trackingCode, registered.id()), seal.keyId());
    }

    /**
     * Issues the case's acknowledgment unless it has been issued already (then returns that one): idempotent, also
     * when the step's job and a clerk asking for the receipt come at the same moment (one waits for the other).
     */
    @Transactional
    public Notice issue(String caseNo) {
        ApplicationCase c = caseFiles.get(caseNo);
        Optional<Notice> already = pending.issued(c.id());
        if (already.isPresent()) {
            return already.get();
        }
        Optional<PendingAcknowledgments.Pending> p = pending.find(c.id());
        if (p.isEmpty()) {
            // Registered before acknowledgments were queued (or its row was issued a moment ago by another caller).
            return pending.issued(c.id()).orElseGet(() -> notices.issueAcknowledgment(caseNo, null));
        }
        if (pending.claim(c.id()) == 0) {
            return pending.issued(c.id()).orElseThrow(() -> new IllegalStateException(
                    "Acknowledgment of " + caseNo + " claimed by another transaction but not found"));
        }
        String code = seal.open(p.get().sealedCode(), p.get().keyId(), c.id());
        Notice issued = notices.issueAcknowledgment(caseNo, code);
        log.info("Acknowledgment of {} issued (notice {})", caseNo, issued.id());
        return issued;
    }

    /** Acknowledgments still to be issued (the backlog). */
    public long backlog() {
        return pending.count();
    }

    /** Whether this case's acknowledgment still waits to be issued. */
    public boolean isPending(String caseNo) {
        return pending.find(caseFiles.get(caseNo).id()).isPresent();
    }
}
