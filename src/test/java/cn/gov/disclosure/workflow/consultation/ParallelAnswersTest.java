package cn.gov.disclosure.workflow.consultation;

import cn.gov.disclosure.workflow.AsyncJobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.ui.ConcurrentModel;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.consultation.Consultation;
import cn.gov.disclosure.consultation.ConsultationLinkController;
import cn.gov.disclosure.consultation.ConsultationOutcome;
import cn.gov.disclosure.consultation.ConsultationRepository;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.mail.OutboxMessage;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Two consulted agencies answer through their links at the same moment (Arts. 34): both answers are kept,
 * both waiting tasks are completed and the case moves on. The real engine and H2; the two answers are made to
 * overlap inside the engine (each waits for the other just before its task completion is written), so the
 * engine's optimistic locking meets the collision every time rather than by chance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, classes = DisclosureApplication.class,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:consultation-parallel-answers;DB_CLOSE_DELAY=-1",
                "camunda.bpm.generate-unique-process-engine-name=true",
                "disclosure.demo.mail-server.enabled=false",
                "disclosure.mail.poll-interval=PT1H"})
@ActiveProfiles({"demo", "test"})
@Import(ParallelAnswersTest.Overlap.class)
class ParallelAnswersTest {

    private static final Pattern LINK = Pattern.compile("/consultation/([A-Z0-9-]+)");

    @Autowired IntakeService intake;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired CaseFileService caseFiles;
    @Autowired MailOutbox outbox;
    @Autowired ConsultationRepository consultations;
    @Autowired ConsultationLinkController links;

    @Test
    void twoAgenciesAnsweringAtTheSameMomentBothLand() throws Exception {
        String caseNo = intake.submit(TestApplications.online("市自然资源局与发改委联合印发的片区开发方案"), "applicant",
                false).caseNo();
        AsyncJobs.continueIntake(management, runtime, caseNo);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("disclosure-application").singleResult();
        complete(pi, "ReviewCompleteness", Map.of("completeness", "COMPLETE"));
        complete(pi, "SearchInformation", Map.of("searchNotes", "方案由两机关联合印发", "consultAgencies", true,
                "agencyCodes", "ZRZY FGW", "consultThirdParty", false, "informationConcerned", "片区开发方案全文"));
        // The clock stops and the letters go out as retried jobs (asyncBefore), after the clerk's task commits.
        AsyncJobs.executeAll(management, runtime, caseNo);
        ApplicationCase c = caseFiles.get(caseNo);
        List<String> tokens = new ArrayList<>();
        for (OutboxMessage m : outbox.forCase(c.id())) {
            Matcher link = LINK.matcher(m.body());
            if (m.subject().startsWith("政府信息公开征求意见函") && link.find()) {
                tokens.add(link.group(1));
            }
        }
        assertThat(tokens).hasSize(2);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("RecordAgencyAnswer")
                .count()).isEqualTo(2);

        Overlap.meet(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> pages = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> answers = List.of(
                    pool.submit(() -> answer(tokens.get(0), "AGREES", null, pages, failures)),
                    pool.submit(() -> answer(tokens.get(1), "OBJECTS", "测算数据尚未定稿", pages, failures)));
            for (Future<?> f : answers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        // Resuming the clock after the last answer is a job of its own too.
        AsyncJobs.executeAll(management, runtime, caseNo);
        // They did collide: one completion lost to the other inside the engine and was tried again.
        assertThat(Overlap.ARRIVALS.get()).isGreaterThanOrEqualTo(3);
        assertThat(pages).containsExactly("consultation-done", "consultation-done");
        assertThat(consultations.forCase(c.id())).extracting(Consultation::outcome)
                .containsExactlyInAnyOrder(ConsultationOutcome.AGREES, ConsultationOutcome.OBJECTS);
        assertThat(consultations.forCase(c.id())).allMatch(Consultation::tokenUsed);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("RecordAgencyAnswer")
                .count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("DecideReply");
        assertThat((String) runtime.getVariable(pi.getId(), "consultationStatus"))
                .contains("示例市自然资源和规划局：同意公开").contains("示例市发展和改革委员会：不同意公开");
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> "CONSULTATION_ANSWERED".equals(e.type())).hasSize(2);
    }

    private void answer(String token, String outcome, String opinion, List<String> pages, List<Throwable> failures) {
        try {
            pages.add(links.answer(token, outcome, opinion, new ConcurrentModel()));
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult()
                .getId(), variables);
    }

    /**
     * Holds each completion of an agency's answer task until the given number of them have reached that point
     * (the answers are then in the same place in the engine at the same time); a retried completion passes.
     */
    @TestConfiguration
    static class Overlap {

        private static volatile CountDownLatch meeting = new CountDownLatch(0);
        /** Completions of an answer task begun, retries included. */
        static final AtomicInteger ARRIVALS = new AtomicInteger();

        static void meet(int parties) {
            meeting = new CountDownLatch(parties);
            ARRIVALS.set(0);
        }

        private static final TaskListener WAIT_FOR_THE_OTHER = task -> {
            ARRIVALS.incrementAndGet();
            CountDownLatch m = meeting;
            m.countDown();
            try {
                m.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        @Bean
        AbstractProcessEnginePlugin answersMeet() {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    if (configuration.getCustomPostBPMNParseListeners() == null) {
                        configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
                    }
                    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
                        @Override
                        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                            if ("RecordAgencyAnswer".equals(activity.getId())) {
                                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, WAIT_FOR_THE_OTHER);
                            }
                        }
                    });
                }
            };
        }
    }
}
