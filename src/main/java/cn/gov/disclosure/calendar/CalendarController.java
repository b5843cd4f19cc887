package cn.gov.disclosure.calendar;

import cn.gov.disclosure.common.Texts;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.common.InvalidInputException;

/** {@code GET /api/calendar/deadline?from=YYYY-MM-DD&workingDays=N} (public). */
@RestController
public class CalendarController {

    private final WorkingDayCalendar calendar;

    public CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The reply period of an application with an optional extension and pauses, e.g.
     * {@code ?receivedOn=2026-09-18&extensionDays=10&pauses=2026-09-24..2026-10-14}: the due day and the trace.
     */
    @GetMapping("/api/calendar/reply-period")
    public ReplyClock.Reading replyPeriod(
            @RequestParam("receivedOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(name = "extensionDays", defaultValue = "0") int extensionDays,
            @RequestParam(name = "pauses", required = false) java.util.List<String> pauses) {
        try {
            ReplyClock clock = ReplyClock.receivedOn(receivedOn);
            if (extensionDays != 0) {
                clock = clock.extendedBy(extensionDays);
            }
            for (String p : pauses == null ? java.util.List.<String>of() : pauses) {
                String[] fromTo = p.split("\\.\\.");
                clock = clock.pausedFrom(LocalDate.parse(fromTo[0]), PauseReason.THIRD_PARTY_CONSULTATION);
                if (fromTo.length > 1) {
                    clock = clock.resumedOn(LocalDate.parse(fromTo[1]));
                }
            }
            return clock.evaluate(calendar);
        } catch (IllegalArgumentException | IllegalStateException | java.time.DateTimeException e) {
            throw new InvalidInputException("pauses", Texts.get("calendar.api.pauseFormat", e.getMessage()));
        }
    }

    @GetMapping("/api/calendar/deadline")
    public Deadline deadline(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam("workingDays") int workingDays) {
        if (workingDays < 0 || workingDays > 365) {
            throw new InvalidInputException("workingDays", Texts.get("calendar.api.workingDaysRange"));
        }
        return calendar.addWorkingDays(from, workingDays);
    }
}
