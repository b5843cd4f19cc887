package cn.gov.disclosure.acknowledgment;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.onthespot.OnTheSpotReplies;

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
    private final OnTheSpotReplies onTheSpot;
    /** Applications being stored on this node right now (see {@link #yieldToIntake}). */
    private final AtomicInteger intakesInFlight = new AtomicInteger();
    private final Duration yieldToIntake;

    AcknowledgmentService(PendingAcknowledgments pending, TrackingCodeSeal seal, CaseFileService caseFiles,
                          NoticeService notices, OnTheSpotReplies onTheSpot,
                          @Value("${disclosure.acknowledgment.yield-to-intake:PT2S}") Duration yieldToIntake) {
        this.onTheSpot = onTheSpot;
        this.yieldToIntake = yieldToIntake;
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
            return pending.issued(c.id()).orElseGet(() -> acknowledge(caseNo, null));
        }
        if (pending.claim(c.id()) == 0) {
            return pending.issued(c.id()).orElseThrow(() -> new IllegalStateException(
                    "Acknowledgment of " + caseNo + " claimed by another transaction but not found"));
        }
        String code = seal.open(p.get().sealedCode(), p.get().keyId(), c.id());
        Notice issued = acknowledge(caseNo, code);
        log.info("Acknowledgment of {} issued (notice {})", caseNo, issued.id());
        return issued;
    }

    /**
     * A case answered at the counter (当场答复, Art. 33(1)) is acknowledged with that reply, not with a promise to
     * reply within twenty working days: the on-the-spot reply is recorded in the registering transaction, before
     * this runs.
     */
    private Notice acknowledge(String caseNo, String trackingCode) {
        Optional<OnTheSpotReplies.Given> given = onTheSpot.given(caseNo);
        return notices.issueAcknowledgment(caseNo, trackingCode, given.map(OnTheSpotReplies.Given::reply).orElse(null),
                given.map(OnTheSpotReplies.Given::typeLabel).orElse(null));
    }

    /** The intake brackets each application with these (in a finally), so rendering can give way to it. */
    public void intakeStarted() {
        intakesInFlight.incrementAndGet();
    }

    public void intakeEnded() {
        intakesInFlight.decrementAndGet();
    }

    /**
     * Before the process's step renders: while applications are being stored on this node, wait for a lull, at most
     * {@code disclosure.acknowledgment.yield-to-intake} (PT2S; PT0S: never wait). Rendering a PDF costs several times
     * the CPU of storing an application, and on a small machine the job threads rendering a burst's
     * acknowledgments took the processors from the requests still arriving; the receipt's date is the day the
     * application is stored (Art. 31), the PDF may follow seconds later. Bounded, so a sustained load still has its
     * acknowledgments issued (slower; watch disclosure_acknowledgments_pending). Not used when staff ask for a
     * receipt: a clerk waiting at the counter goes first.
     */
    public void yieldToIntake() {
        long end = System.nanoTime() + yieldToIntake.toNanos();
        while (intakesInFlight.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
