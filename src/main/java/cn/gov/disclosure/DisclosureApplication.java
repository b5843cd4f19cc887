package cn.gov.disclosure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 依申请公开办理系统: receives, registers, handles and answers applications for government information. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DisclosureApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(DisclosureApplication.class);
        // DISCLOSURE_STARTUP_TRACE=true records how long each start-up step took (bean by bean), served to
        // staff at /actuator/startup. Off by default: the recording costs memory and a little time.
        if (Boolean.parseBoolean(System.getenv("DISCLOSURE_STARTUP_TRACE"))
                || Boolean.getBoolean("disclosure.startup-trace")) {
            app.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        app.run(args);
    }
}
