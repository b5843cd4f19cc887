package cn.gov.disclosure.calendar;

import cn.gov.disclosure.common.Texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reply period of one application (Arts. 30, 32–34, 42), as an immutable value: where it starts,
 * whether it was extended, and when it was paused. Plain Java; {@link #evaluate} does the counting.
 *
 * <ul>
 *   <li>It starts the day after receipt, or after receipt of the corrected application (Art. 30).</li>
 *   <li>It runs {@value StatutoryPeriods#REPLY_WORKING_DAYS} working days, plus an extension of at most
 *       {@value #MAX_EXTENSION} working days approved by the head of the office (Art. 33).</li>
 *   <li>A pause (consultation, Arts. 32 and 34; fee payment if so configured) stops it: the working days
 *       after the day the pause began, up to and including the day it ended, are not counted; counting
 *       resumes the next day with the days that were left.</li>
 * </ul>
 */
public record ReplyClock(LocalDate start, String startReason, int workingDays, int extensionDays,
                         List<Pause> pauses, int deferralDays) {

    public static final int MAX_EXTENSION = 20;

    /** A stretch during which the clock stood still; {@code to} is null while it lasts. */
    public record Pause(LocalDate from, LocalDate to, PauseReason reason) {
        boolean covers(LocalDate day) {
            return day.isAfter(from) && (to == null || !day.isAfter(to));
        }
    }

    /** What the clock says: the due day (empty while paused) and the counting trace. */
    public record Reading(Optional<LocalDate> due, int workingDaysLeftAtPause, boolean paused,
                          List<Deadline.TraceEntry> trace) {
    }

    public ReplyClock {
        pauses = List.copyOf(pauses);
    }

    /** A clock without an Art. 35 deferral. */
    public ReplyClock(LocalDate start, String startReason, int workingDays, int extensionDays, List<Pause> pauses) {
        this(start, startReason, workingDays, extensionDays, pauses, 0);
    }

    /**
     * Art. 35: the applicant's reasons for very many requests are reasonable but the normal period cannot be
     * kept; the office sets a reasonable later deadline, here as working days added to the period.
     */
    public ReplyClock deferredBy(int days) {
        if (days < 1) {
            throw new IllegalArgumentException(Texts.get("calendar.error.deferralRange"));
        }
        return new ReplyClock(start, startReason, workingDays, extensionDays, pauses, deferralDays + days);
    }

    /** Art. 33: 20 working days from receipt. */
    public static ReplyClock receivedOn(LocalDate receivedOn) {
        return new ReplyClock(receivedOn, Texts.get("calendar.start.received"), StatutoryPeriods.REPLY_WORKING_DAYS, 0, List.of());
    }

    /** Art. 30: the period runs again, in full, from receipt of the corrected application. */
    public ReplyClock restartedOnCorrection(LocalDate correctedOn) {
        if (correctedOn.isBefore(start)) {
            throw new IllegalArgumentException(Texts.get("calendar.error.correctionBeforeReceipt"));
        }
        return new ReplyClock(correctedOn, Texts.get("calendar.start.corrected"), workingDays, 0, List.of());
    }

    /** Art. 33(2): once, at most 20 working days, after the head's approval. */
    public ReplyClock extendedBy(int days) {
        if (extensionDays > 0) {
            throw new IllegalStateException(Texts.get("calendar.error.alreadyExtended"));
        }
        if (days < 1 || days > MAX_EXTENSION) {
            throw new IllegalArgumentException(Texts.get("calendar.error.extensionRange", MAX_EXTENSION));
        }
        return new ReplyClock(start, startReason, workingDays, days, pauses, deferralDays);
    }

    public ReplyClock pausedFrom(LocalDate from, PauseReason reason) {
        if (isPaused()) {
            throw new IllegalStateException(Texts.get("calendar.error.alreadyPaused"));
        }
        if (from.isBefore(start)) {
            throw new IllegalArgumentException(Texts.get("calendar.error.pauseBeforeStart"));
        }
        List<Pause> list = new ArrayList<>(pauses);
        list.add(new Pause(from, null, reason));
        return new ReplyClock(start, startReason, workingDays, extensionDays, list, deferralDays);
    }

    public ReplyClock resumedOn(LocalDate on) {
        if (!isPaused()) {
            throw new IllegalStateException(Texts.get("calendar.error.notPaused"));
        }
        Pause open = pauses.get(pauses.size() - 1);
        if (on.isBefore(open.from())) {
            throw new IllegalArgumentException(Texts.get("calendar.error.resumeBeforePause"));
        }
        List<Pause> list = new ArrayList<>(pauses.subList(0, pauses.size() - 1));
        list.add(new Pause(open.from(), on, open.reason()));
        return new ReplyClock(start, startReason, workingDays, extensionDays, list, deferralDays);
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
    }

    public int totalWorkingDays() {
        return workingDays + extensionDays + deferralDays;
    }

    /** Counts the period on the calendar. While paused, the due day is unknown and the days left are given. */
    public Reading evaluate(WorkingDayCalendar calendar) {
        List<Deadline.TraceEntry> trace = new ArrayList<>();
        trace.add(new Deadline.TraceEntry(start, "START", Texts.get("calendar.trace.start", startReason, workingDays)
                + (extensionDays > 0 ? Texts.get("calendar.trace.extended", extensionDays) : "")
                + (deferralDays > 0 ? Texts.get("calendar.trace.deferred", deferralDays) : "")));
        int target = totalWorkingDays();
        int counted = 0;
        LocalDate day = start;
        Pause open = isPaused() ? pauses.get(pauses.size() - 1) : null;
        while (counted < target) {
            day = day.plusDays(1);
            if (open != null && day.isAfter(open.from())) {
                trace.add(new Deadline.TraceEntry(open.from(), "PAUSED", Texts.get("calendar.trace.pausedFrom",
                        open.reason().label(), open.reason().basis(), target - counted)));
                return new Reading(Optional.empty(), target - counted, true, List.copyOf(trace));
            }
            Pause pause = pauseCovering(day);
            DayKind kind = calendar.kindOf(day);
            if (pause != null) {
                trace.add(kind.isWorking()
                        ? new Deadline.TraceEntry(day, "PAUSED", Texts.get("calendar.trace.pausedDay",
                                pause.reason().label(), pause.reason().basis()))
                        : new Deadline.TraceEntry(day, kind.name(), Texts.get("calendar.trace.restDayInPause",
                                calendar.describe(day), pause.reason().label())));
                continue;
            }
            if (kind.isWorking()) {
                counted++;
                if (kind == DayKind.MAKE_UP_WORKDAY) {
                    trace.add(new Deadline.TraceEntry(day, kind.name(), Texts.get("calendar.trace.makeUpWorkday")));
                }
            } else {
                trace.add(new Deadline.TraceEntry(day, kind.name(), Texts.get("calendar.trace.notCounted", calendar.describe(day))));
            }
        }
        for (int year = start.getYear(); year <= day.getYear(); year++) {
            if (!calendar.covers(year)) {
                trace.add(new Deadline.TraceEntry(LocalDate.of(year, 1, 1), "WARNING",
                        Texts.get("calendar.trace.unconfirmedYear", year)));
            }
        }
        return new Reading(Optional.of(day), 0, false, List.copyOf(trace));
    }

    private Pause pauseCovering(LocalDate day) {
        for (Pause p : pauses) {
            if (p.to() != null && p.covers(day)) {
                return p;
            }
        }
        return null;
    }
}
