package cn.gov.disclosure.workflow;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.disclosure.calendar.CalendarConfiguration;

/** The application's {@link Clock} is the engine's, in Beijing time (see {@link EngineClock}). */
@Configuration
public class EngineClockConfiguration {

    @Bean
    public Clock clock() {
        return new EngineClock(CalendarConfiguration.CHINA);
    }
}
