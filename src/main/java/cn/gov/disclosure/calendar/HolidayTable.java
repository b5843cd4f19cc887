package cn.gov.disclosure.calendar;

import cn.gov.disclosure.common.Texts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The State Council's holiday and make-up-day announcements as data. Plain Java: parsed from the
 * text format of {@code calendar/holidays-cn.txt}; later sources (an override file) replace earlier
 * entries for the same day.
 */
public final class HolidayTable {

    /** One announced day: off (holiday) or on (make-up working day), with its name. */
    public record Entry(LocalDate date, boolean working, String label) {
    }

    private final Map<LocalDate, Entry> entries = new HashMap<>();
    private final Map<Integer, String> declaredYears = new TreeMap<>();

    public static HolidayTable empty() {
        return new HolidayTable();
    }

    /** Reads lines of the form {@code DATE[..DATE] OFF|WORK label} and {@code YEAR yyyy source}. */
    public HolidayTable load(Reader source, String sourceName) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\s+", 3);
            try {
                if (parts[0].equals("YEAR")) {
                    declaredYears.put(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : sourceName);
                    continue;
                }
                if (parts.length < 2) {
                    throw new IllegalArgumentException("expected DATE OFF|WORK label");
                }
                boolean working = switch (parts[1]) {
                    case "OFF" -> false;
                    case "WORK" -> true;
                    default -> throw new IllegalArgumentException("kind must be OFF or WORK, not " + parts[1]);
                };
                String label = parts.length > 2 ? parts[2] : Texts.get(working ? "calendar.table.workDefault" : "calendar.table.offDefault");
                String[] range = parts[0].split("\\.\\.");
                LocalDate first = LocalDate.parse(range[0]);
                LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
                if (last.isBefore(first)) {
                    throw new IllegalArgumentException("range ends before it starts");
                }
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    entries.put(d, new Entry(d, working, label));
                }
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(sourceName + " line " + lineNo + ": " + e.getMessage() + " — " + text, e);
            }
        }
        return this;
    }

    public Optional<Entry> entry(LocalDate date) {
        return Optional.ofNullable(entries.get(date));
    }

    /** Whether a year's announcement has been entered (a date in any other year is unconfirmed). */
    public boolean covers(int year) {
        return declaredYears.containsKey(year);
    }

    public Map<Integer, String> declaredYears() {
        return Collections.unmodifiableMap(declaredYears);
    }

    public DayKind kindOf(LocalDate date) {
        Entry e = entries.get(date);
        if (e != null) {
            return e.working() ? (isWeekend(date) ? DayKind.MAKE_UP_WORKDAY : DayKind.WORKDAY) : DayKind.HOLIDAY;
        }
        return isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
