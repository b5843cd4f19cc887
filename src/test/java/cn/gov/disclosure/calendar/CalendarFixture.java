package cn.gov.disclosure.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled national calendar, for plain unit tests. */
final class CalendarFixture {

    private CalendarFixture() {
    }

    static WorkingDayCalendar national() {
        HolidayTable table = HolidayTable.empty();
        try (var in = CalendarFixture.class.getResourceAsStream("/calendar/holidays-cn.txt")) {
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8), "holidays-cn.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkingDayCalendar(table);
    }
}
