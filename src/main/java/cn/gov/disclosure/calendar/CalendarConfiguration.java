package cn.gov.disclosure.calendar;


import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** Builds the national calendar from the bundled notices plus an optional local override file. */
@Configuration
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    /** The offices work on Beijing time whatever the server's zone is. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    public WorkingDayCalendar workingDayCalendar(
            @Value("${disclosure.calendar.override-file:}") String overrideFile) throws IOException {
        HolidayTable table = HolidayTable.empty();
        try (Reader r = new InputStreamReader(new ClassPathResource("calendar/holidays-cn.txt").getInputStream(),
                StandardCharsets.UTF_8)) {
            table.load(r, "calendar/holidays-cn.txt");
        }
        if (!overrideFile.isBlank()) {
            Path path = Path.of(overrideFile);
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                table.load(r, path.toString());
            }
            log.info("Holiday overrides loaded from {}", path.toAbsolutePath());
        }
        int thisYear = LocalDate.now(CHINA).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!table.covers(year)) {
                log.warn("No holiday notice entered for {}: its deadlines skip weekends and the fixed statutory holidays only "
                        + "and are flagged as unconfirmed. Add the year to the override file (see README).", year);
            }
        }
        log.info("Holiday notices entered for years {}", table.declaredYears().keySet());
        return new WorkingDayCalendar(table);
    }
}
