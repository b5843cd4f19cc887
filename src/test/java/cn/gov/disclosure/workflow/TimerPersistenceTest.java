package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.MailOutbox;

/**
 * Reminder timers are jobs in the database: they outlive the application that created them. So does the job that
 * continues an intake after 登记申请: an application answered 201 reaches the clerks even if the node stops first.
 */
class TimerPersistenceTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(Path db) {
        // Command-line arguments, so that they win over the profiles' files.
        return new SpringApplicationBuilder(DisclosureApplication.class)
                // No web server: Camunda's webapps keep JVM-wide state that must stay with the HTTP test context.
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties("spring.autoconfigure.exclude="
                        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration")
                .profiles("demo", "test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--disclosure.demo.mail-server.enabled=false",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--disclosure.mail.poll-interval=PT1H");
    }

    @Test
    void aReminderScheduledBeforeARestartFiresAfterIt() throws Exception {
        Path db = Files.createDirectories(dir.resolve("data")).resolve("disclosure");
        String caseNo;
        String jobId;
        Date due;
        try (ConfigurableApplicationContext first = start(db)) {
            caseNo = first.getBean(IntakeService.class)
                    .submit(TestApplications.online("某路段交通信号灯设置方案"), "applicant", false).caseNo();
            AsyncJobs.continueIntake(first.getBean(ManagementService.class), first.getBean(RuntimeService.class), caseNo);
            Job job = first.getBean(ManagementService.class).createJobQuery().activityId("FirstReminderDue")
                    .singleResult();
            jobId = job.getId();
            due = job.getDuedate();
        }
        try (ConfigurableApplicationContext second = start(db)) {
            ManagementService management = second.getBean(ManagementService.class);
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            assertThat(job).isNotNull();
            assertThat(job.getDuedate()).isEqualTo(due);
            management.executeJob(jobId);
            // The reminder itself is a job of its own after the timer (no job executor in tests).
            AsyncJobs.executeAll(management);
            long caseId = second.getBean(CaseFileService.class).get(caseNo).id();
            assertThat(second.getBean(MailOutbox.class).forCase(caseId))
                    .anyMatch(m -> m.subject().startsWith("【临近答复期限】"));
        }
    }

    @Test
    void anIntakeStoppedBeforeItsContinuationReachesTheClerksAfterARestart() throws Exception {
        Path db = Files.createDirectories(dir.resolve("data")).resolve("disclosure");
        String caseNo;
        try (ConfigurableApplicationContext first = start(db)) {
            caseNo = first.getBean(IntakeService.class)
                    .submit(TestApplications.online("某路段公交站台迁移方案"), "applicant", false).caseNo();
            // Committed with the case: its number, the pending acknowledgment and one job; no task, no timer yet.
            assertThat(first.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(caseNo).count())
                    .isZero();
            assertThat(first.getBean(ManagementService.class).createJobQuery().activityId(AsyncJobs.INTAKE_STEP)
                    .count()).isOne();
        }
        try (ConfigurableApplicationContext second = start(db)) {
            ManagementService management = second.getBean(ManagementService.class);
            RuntimeService runtime = second.getBean(RuntimeService.class);
            assertThat(AsyncJobs.continueIntake(management, runtime, caseNo)).isOne();
            assertThat(second.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(caseNo)
                    .taskDefinitionKey("ReviewCompleteness").count()).isOne();
            String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
            assertThat(management.createJobQuery().processInstanceId(pi).timers().count()).as("three reminders")
                    .isEqualTo(3);
            AsyncJobs.executeAll(management, runtime, caseNo);
            long caseId = second.getBean(CaseFileService.class).get(caseNo).id();
            assertThat(second.getBean(MailOutbox.class).forCase(caseId)).as("the acknowledgment followed").isNotEmpty();
        }
    }
}
