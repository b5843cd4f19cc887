package cn.gov.disclosure.correction;

import java.time.LocalDate;

/**
 * Where a case waits for its applicant's correction (the step 等待申请人补正). Implemented by the engine side
 * ({@code workflow/disclosure}); called inside the caller's transaction.
 */
public interface AwaitedCorrections {

    /** True while the case waits for a correction. */
    boolean isAwaited(String caseNo);

    /** An open request for correction as the notice told it: the items (one per line) and the last day. */
    record OpenRequest(String items, LocalDate correctBy) {
    }

    /** The request the case waits on, if it waits; read-only. */
    java.util.Optional<OpenRequest> openRequest(String caseNo);

    /** The applicant corrected online: ends the wait with the corrected description, received {@code on}. */
    void complete(String caseNo, String correctedDescription, LocalDate on);

    /** The day the awaited correction notice was issued, and the current last day to correct. */
    record Period(LocalDate noticeOn, LocalDate correctBy) {
    }

    /** The period of the awaited correction (call only while {@link #isAwaited}). */
    Period period(String caseNo);

    /** The period now runs from {@code noticeReceivedOn} to {@code correctBy}: the waiting step follows. */
    void periodChanged(String caseNo, LocalDate noticeReceivedOn, LocalDate correctBy);
}
