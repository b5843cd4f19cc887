package cn.gov.disclosure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 依申请公开办理系统: receives, registers, handles and answers applications for government information. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DisclosureApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisclosureApplication.class, args);
    }
}
