package cn.gov.disclosure.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A computed time limit and the reasoning behind it, fit to show an applicant or a court.
 *
 * @param from        the triggering day (not counted, 民法典 Art. 201)
 * @param workingDays the length of the period in working days
 * @param due         the last day of the period
 * @param trace       every day after {@code from} up to {@code due} that was skipped, and why, plus
 *                    warnings (e.g. a year whose holiday notice has not been entered)
 */
public record Deadline(LocalDate from, int workingDays, LocalDate due, List<TraceEntry> trace) {

    /** One line of a trace. */
    public record TraceEntry(LocalDate date, String kind, String reason) {
    }

    public boolean hasWarnings() {
        return trace.stream().anyMatch(t -> t.kind().equals("WARNING"));
    }
}
