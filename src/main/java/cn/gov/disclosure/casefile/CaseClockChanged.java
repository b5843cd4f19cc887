package cn.gov.disclosure.casefile;

import java.time.LocalDate;

/**
 * Published (synchronously, inside the changing transaction) when a case's reply due day moves or its clock
 * stops. The process engine's edge listens and moves task due dates and reminder timers to match.
 *
 * @param newDue the new due day, or null while the clock stands still (pause, awaiting a correction)
 */
public record CaseClockChanged(String caseNo, LocalDate oldDue, LocalDate newDue) {
}
