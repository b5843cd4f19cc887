package cn.gov.disclosure.calendar;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.web.BadRequestException;

/** {@code GET /api/calendar/deadline?from=YYYY-MM-DD&workingDays=N} (public). */
@RestController
public class CalendarController {

    private final WorkingDayCalendar calendar;

    public CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/calendar/deadline")
    public Deadline deadline(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam("workingDays") int workingDays) {
        if (workingDays < 0 || workingDays > 365) {
            throw new BadRequestException("workingDays", "工作日数须在 0 至 365 之间");
        }
        return calendar.addWorkingDays(from, workingDays);
    }
}
