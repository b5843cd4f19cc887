package cn.gov.disclosure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;

import cn.gov.disclosure.ProcessTest;
import cn.gov.disclosure.calendar.ReceiptPresumption;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseEvent;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.consultation.ConsultationRepository;
import cn.gov.disclosure.consultation.ConsultationService;
import cn.gov.disclosure.correction.CorrectionService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.mail.MailUndeliverable;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;
import cn.gov.disclosure.workflow.AsyncJobs;

/**
 * One test per path through delivery.bpmn (送达文书), on the real engine and database. Cases are registered and
 * notices issued directly, so this class runs only the delivery model.
 */
@TestPropertySource(properties = {
        "disclosure.test.coverage-not-asserted-for=",
        "disclosure.agency-directory[0].code=ZRZY",
        "disclosure.agency-directory[0].name=示例市自然资源和规划局",
        "disclosure.agency-directory[0].address=示例省示例市建设路8号",
        "disclosure.agency-directory[0].email=gongkai@zrzy.example.cn",
        "disclosure.agency-directory[1].code=DAJ",
        "disclosure.agency-directory[1].name=示例市档案馆",
        "disclosure.agency-directory[1].address=示例省示例市文化路6号",
        "disclosure.agency-directory[1].channel=EXCHANGE"})
class DeliveryProcessTest extends ProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired DeliveryRepository repository;
    @Autowired Deliveries deliveries;
    @Autowired DeliveryService service;
    @Autowired PrintPackage packages;
    @Autowired MailOutbox outbox;
    @Autowired ApplicationEventPublisher events;
    @Autowired ReceiptPresumption presumption;
    @Autowired CorrectionService corrections;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationRepository consultationRepository;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- post ----

    @Test
    void postWithReturnReceiptIsDeliveredOnTheReceiptDate() throws Exception {
        ApplicationCase c = register(Channel.LETTER, Delivery.POST, null, "山东省临沂市兰山区金雀山路1号");
        Notice notice = notices.issueExtension(c.caseNo(), 10, "需要调取档案");
        ProcessInstance pi = deliveryProcess(c);
        assertThat(pi).isWaitingAt("PostNotice");
        DeliveryRecord pending = only(c);
        assertThat(pending.channel()).isEqualTo(DeliveryChannel.POST);
        assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(outbox.forCase(c.id())).as("nothing e-mailed to an applicant who asked for post").isEmpty();
        assertThat(runtime.getVariable(pi.getId(), "packageUrl"))
                .isEqualTo("/staff/deliveries/" + pending.id() + "/package.pdf");
        assertThat(task(pi, "PostNotice").getDueDate()).isNotNull();

        // A wrong number is refused with the field named, and nothing changes.
        assertThatThrownBy(() -> complete(pi, "PostNotice", "registeredNo", "12", "postedOn", today().toString()))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("挂号号码");
        assertThat(only(c).status()).isEqualTo(DeliveryStatus.PENDING);

        complete(pi, "PostNotice", "registeredNo", "xa12345678cn", "postedOn", today().toString());
        assertThat(pi).isWaitingAt("AwaitReturnReceipt");
        DeliveryRecord sent = only(c);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.registeredNo()).isEqualTo("XA12345678CN");
        assertThat(task(pi, "AwaitReturnReceipt").getDueDate())
                .isEqualTo(StatutoryDeadlines.endOfDay(today().plusDays(15)));
        assertThat(deliveries.forCase(c.caseNo())).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(v.deliveredOn()).as("posted is not delivered").isNull();
        });

        // The receipt is signed two days later; the clerk enters it when it comes back.
        moveClockTo(today().plusDays(3));
        LocalDate signed = today().minusDays(1);
        assertThatThrownBy(() -> complete(pi, "AwaitReturnReceipt", "receiptOn", today().plusDays(1).toString()))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("不能晚于今天");
        complete(pi, "AwaitReturnReceipt", "receiptOn", signed.toString());
        assertThat(pi).hasPassed("PostDelivered").isEnded();
        DeliveryRecord delivered = only(c);
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.deliveredOn()).isEqualTo(signed);
        assertThat(delivered.presumed()).isFalse();
        assertThat(delivered.evidence()).contains("XA12345678CN").contains(signed.toString());
        assertThat(events(c)).contains("DELIVERY_STARTED", "DELIVERY_SENT", "DELIVERED");
        assertThat(deliveries.forCase(c.caseNo())).singleElement().satisfies(v -> {
            assertThat(v.noticeId()).isEqualTo(notice.id());
            assertThat(v.channelLabel()).isEqualTo("邮寄送达");
            assertThat(v.registeredNo()).isEqualTo("XA12345678CN");
            assertThat(v.deliveredOn()).isEqualTo(signed);
        });

        // The package the clerk printed: label, 送达回证, then the notice as issued.
        byte[] pdf = packages.render(delivered.id());
        String text = NoticeChecker.textOf(pdf);
        assertThat(text).contains("收件人：张三").contains("金雀山路1号").contains("276000").contains("送达回证")
                .contains("XA12345678CN").contains("延长答复期限告知书");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/delivery-print-package.pdf"), pdf);
    }

    /** The clerk's 邮寄文书 card shows the case like any other task's, read with the clerk's own rights. */
    @Test
    void aPostingTaskShowsTheCaseOnTheClerksCard() {
        ApplicationCase c = register(Channel.LETTER, Delivery.POST, null, "山东省临沂市兰山区金雀山路1号");
        notices.issueExtension(c.caseNo(), 10, "需要调取档案");
        Task t = task(deliveryProcess(c), "PostNotice");
        Map<String, Object> shown = new HashMap<>();
        engine.getIdentityService().setAuthentication("someone", List.of("clerk"));
        try {
            runtime.createVariableInstanceQuery().variableScopeIdIn(t.getId(), t.getExecutionId(), t.getProcessInstanceId())
                    .variableNameIn("caseNo", "applicantName", "dueOnText", "requestSummary").list()
                    .forEach(v -> shown.putIfAbsent(v.getName(), v.getValue()));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(shown).containsEntry("caseNo", c.caseNo()).containsKeys("applicantName", "dueOnText");
    }

    @Test
    void postWithoutReturnReceiptIsPresumedDeliveredAndALateReceiptStillCounts() {
        ApplicationCase c = register(Channel.LETTER, Delivery.POST, "lisi@example.cn", "临沂市河东区某街道1号");
        notices.issueExtension(c.caseNo(), 5, "需要征求意见");
        ProcessInstance pi = deliveryProcess(c);
        LocalDate posted = today();
        complete(pi, "PostNotice", "registeredNo", "XA87654321CN", "postedOn", posted.toString());

        Job timer = management.createJobQuery().processInstanceId(pi.getId()).activityId("ReturnReceiptOverdue")
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(StatutoryDeadlines.endOfDay(
                presumption.receivedOn(posted, ReceiptPresumption.Means.POST)));
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() - 60_000));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        management.executeJob(timer.getId());
        AsyncJobs.executeAll(management, runtime, c.caseNo());

        assertThat(pi).hasPassed("ReturnReceiptOverdue", "PresumeDelivery", "DeliveryPresumed").isEnded();
        DeliveryRecord presumed = only(c);
        assertThat(presumed.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(presumed.presumed()).isTrue();
        assertThat(presumed.deliveredOn()).isEqualTo(posted.plusDays(15));
        assertThat(presumed.evidence()).contains("推定送达").contains("15");
        assertThat(events(c)).contains("DELIVERY_PRESUMED");

        // The receipt turns up after all: its date replaces the presumption.
        service.recordReturnReceipt(presumed.id(), posted.plusDays(4).toString(), "clerk");
        DeliveryRecord proven = only(c);
        assertThat(proven.presumed()).isFalse();
        assertThat(proven.deliveredOn()).isEqualTo(posted.plusDays(4));
    }

    /** What went out by post on the day, in each of the three places that presume its receipt. */
    enum Posted { REPLY_NOTICE, CORRECTION_NOTICE, CONSULTATION_LETTER }

    /**
     * One presumption for every posted notice or letter (disclosure.receipt-presumption.post-days): the 送达 of a
     * notice to the applicant, the correction notice's period (Art. 30) and a consultation letter's 15 working days
     * (Arts. 32, 34) all count a letter without a return receipt as received the same number of days after posting.
     */
    @ParameterizedTest(name = "{0} posted on the day is presumed received 15 days later")
    @EnumSource(Posted.class)
    void everyPostedNoticeIsPresumedReceivedUnderTheSameRule(Posted what) {
        LocalDate sent = today();
        ApplicationCase c = register(Channel.LETTER, Delivery.POST, null, "临沂市兰山区某路5号");
        LocalDate presumed = switch (what) {
            case REPLY_NOTICE -> {
                notices.issueExtension(c.caseNo(), 10, "需要调取档案");
                complete(deliveryProcess(c), "PostNotice", "registeredNo", "XA11112222CN", "postedOn", sent.toString());
                yield service.presumedOn(only(c).id());
            }
            case CORRECTION_NOTICE -> corrections.sendNotice(c.caseNo(), "1. 请写明文件名称或文号", "clerk").receivedOn();
            // The archive (DAJ) has no e-mail in the directory: its letter goes on paper.
            case CONSULTATION_LETTER -> consultationRepository.find(consultations.sendAgencyLetter(c.caseNo(), "DAJ",
                    "道路拓宽工程的立项批复文件", "clerk").consultationId()).orElseThrow().letterReceivedOn();
        };
        assertThat(presumed).isEqualTo(presumption.receivedOn(sent, ReceiptPresumption.Means.POST))
                .isEqualTo(sent.plusDays(ReceiptPresumption.DEFAULT_POST_DAYS));
    }

    // ---- collection and viewing (Art. 40) ----

    @Test
    void viewingAppointmentIsPrintedOnTheReceiptAndTheSignedHandOverDelivers() {
        ApplicationCase c = register(Channel.LETTER, Delivery.PICKUP, null, "临沂市罗庄区某路3号");
        notices.issueExtension(c.caseNo(), 5, "需要调取档案");
        ProcessInstance pi = deliveryProcess(c);
        assertThat(pi).isWaitingAt("ArrangeCollection");
        assertThatThrownBy(() -> complete(pi, "ArrangeCollection", "collectionKind", "VIEWING",
                "appointmentAt", "明天上午", "appointmentPlace", ""))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("约定时间");
        String at = today().plusDays(2) + " 09:30";
        complete(pi, "ArrangeCollection", "collectionKind", "VIEWING", "appointmentAt", at,
                "appointmentPlace", "示例市人民政府办公室政府信息公开科（人民路1号301室）");
        assertThat(pi).isWaitingAt("RecordHandOver");
        DeliveryRecord arranged = only(c);
        assertThat(arranged.channel()).isEqualTo(DeliveryChannel.VIEWING);
        assertThat(arranged.appointment()).contains(at).contains("301室").contains("到场查阅");
        assertThat(NoticeChecker.textOf(packages.render(arranged.id()))).contains("约定时间和地点")
                .contains(today().plusDays(2).toString()).contains("09:30").doesNotContain("收件人：");

        moveClockTo(today().plusDays(2));
        complete(pi, "RecordHandOver", "handedOverOn", today().toString(), "signedBy", "张三");
        assertThat(pi).hasPassed("HandedOver").isEnded();
        DeliveryRecord done = only(c);
        assertThat(done.deliveredOn()).isEqualTo(today());
        assertThat(done.evidence()).contains("张三").contains("签名");
    }

    // ---- 当场答复 ----

    @Test
    void aWalkInAnsweredTheSameDaySignsForTheReplyAtTheCounter() {
        ApplicationCase c = register(Channel.IN_PERSON, Delivery.PICKUP, null, null);
        notices.issueReply(c.caseNo(), new ReplyDraft("DISCLOSED", List.of(),
                "经检索，申请的信息由本机关制作并保存，依法予以公开。", "批复文件纸质复印件一份，当场交付", null, null));
        ProcessInstance pi = deliveryProcess(c);
        assertThat(pi).isWaitingAt("HandOverAtCounter");
        assertThat(only(c).channel()).isEqualTo(DeliveryChannel.ON_THE_SPOT);
        assertThatThrownBy(() -> complete(pi, "HandOverAtCounter", "signedBy", " "))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("签名");
        complete(pi, "HandOverAtCounter", "signedBy", "张三");
        assertThat(pi).hasPassed("DeliveredAtCounter").isEnded();
        assertThat(only(c).deliveredOn()).isEqualTo(today());
        assertThat(deliveries.replyDeliveredOn(c.caseNo())).contains(today());
    }

    // ---- e-mail, and the fallback when it fails ----

    @Test
    void anEmailThatCannotBeDeliveredGivesTheClerkAFallbackTaskThenPost() {
        ApplicationCase c = register(Channel.ONLINE, Delivery.EMAIL, "wangwu@example.cn", "临沂市兰山区某路5号");
        notices.issueExtension(c.caseNo(), 5, "需要调取档案");
        DeliveryRecord email = only(c);
        assertThat(email.channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(email.status()).as("queued is not delivered").isEqualTo(DeliveryStatus.PENDING);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.caseNo()).count()).isZero();
        long outboxId = outbox.forCase(c.id()).get(0).id();

        events.publishEvent(new MailUndeliverable(c.id(), outboxId, "wangwu@example.cn", "subject",
                MailUndeliverable.Reason.REJECTED, "550 mailbox unavailable"));
        ProcessInstance pi = deliveryProcess(c);
        assertThat(pi).isWaitingAt("ChooseFallback");
        assertThat((String) runtime.getVariable(pi.getId(), "failureText")).contains("wangwu@example.cn");
        assertThat(tasks.createTaskQuery().taskName("邮件未能送达，请以其他方式送达").count())
                .as("no second, standalone task").isZero();
        assertThat(only(c).status()).isEqualTo(DeliveryStatus.FAILED);

        complete(pi, "ChooseFallback", "fallbackChannel", "POST", "phoneNote", "11月25日电话13800000000，申请人同意邮寄");
        assertThat(pi).hasPassed("FallbackGateway", "PostMerge").isWaitingAt("PostNotice");
        List<DeliveryRecord> rows = repository.forCase(c.id());
        assertThat(rows).extracting(DeliveryRecord::channel, DeliveryRecord::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeliveryChannel.EMAIL, DeliveryStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple(DeliveryChannel.POST, DeliveryStatus.PENDING));
        assertThat(runtime.getVariable(pi.getId(), "deliveryId")).isEqualTo(rows.get(1).id());
        complete(pi, "PostNotice", "registeredNo", "XA11112222CN", "postedOn", today().toString());
        complete(pi, "AwaitReturnReceipt", "receiptOn", today().toString());
        assertThat(pi).isEnded();
        assertThat(deliveries.forCase(c.caseNo())).extracting(Deliveries.DeliveryView::status)
                .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.DELIVERED);
        assertThat(events(c)).contains("DELIVERY_FAILED", "DELIVERY_FALLBACK");
    }

    @Test
    void aFallbackByCollectionAfterAPhoneCall() {
        ApplicationCase c = register(Channel.ONLINE, Delivery.EMAIL, "zhaoliu@example.cn", null);
        notices.issueExtension(c.caseNo(), 5, "需要调取档案");
        events.publishEvent(new MailUndeliverable(c.id(), outbox.forCase(c.id()).get(0).id(), "zhaoliu@example.cn",
                "subject", MailUndeliverable.Reason.GAVE_UP, "connection refused"));
        ProcessInstance pi = deliveryProcess(c);
        assertThatThrownBy(() -> complete(pi, "ChooseFallback", "fallbackChannel", "POST", "phoneNote", ""))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("通信地址");
        complete(pi, "ChooseFallback", "fallbackChannel", "COLLECTION", "phoneNote", "电话联系，约定来取");
        assertThat(pi).hasPassed("FallbackGateway", "CollectionMerge").isWaitingAt("ArrangeCollection");
        complete(pi, "ArrangeCollection", "collectionKind", "COLLECTION", "appointmentAt", today() + " 15:00",
                "appointmentPlace", "政府信息公开科窗口");
        complete(pi, "RecordHandOver", "handedOverOn", today().toString(), "signedBy", "赵六");
        assertThat(pi).isEnded();
    }

    @Test
    void anEmailAcceptedByTheServerIsDeliveredThatDay() {
        ApplicationCase c = register(Channel.ONLINE, Delivery.EMAIL, "sunqi@example.cn", null);
        Notice notice = notices.issueExtension(c.caseNo(), 5, "需要调取档案");
        var mail = outbox.forCase(c.id()).get(0);
        events.publishEvent(new cn.gov.disclosure.mail.MailSent(mail.id(), c.id(), notice.id(), mail.recipient(),
                "<abc@disclosure>", Instant.now()));
        DeliveryRecord d = only(c);
        assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.deliveredOn()).isEqualTo(LocalDate.now(cn.gov.disclosure.calendar.CalendarConfiguration.CHINA));
        assertThat(d.evidence()).contains("<abc@disclosure>");
    }

    // ---- letters to other agencies (Art. 34) ----

    @Test
    void aLetterToAnAgencyOnTheExchangeSystemIsRecordedWithItsReceiptDate() {
        ApplicationCase c = register(Channel.ONLINE, Delivery.EMAIL, "zhouba@example.cn", null);
        notices.issueAgencyConsultation(c.caseNo(), "示例市档案馆", null, "1990年城市规划档案",
                today().plusDays(30));
        ProcessInstance pi = deliveryProcess(c);
        assertThat(pi).isWaitingAt("RecordExchange");
        assertThat(runtime.getVariable(pi.getId(), "addresseeText")).isEqualTo("示例市档案馆");
        DeliveryRecord letter = only(c);
        assertThat(letter.channel()).isEqualTo(DeliveryChannel.EXCHANGE);
        assertThat(letter.addressee()).isEqualTo("示例市档案馆");
        assertThat(NoticeChecker.textOf(packages.render(letter.id()))).contains("示例市档案馆").contains("送达回证");
        complete(pi, "RecordExchange", "registeredNo", "JH-2026-0456", "receiptOn", today().toString());
        assertThat(pi).hasPassed("Exchanged").isEnded();
        DeliveryRecord received = only(c);
        assertThat(received.deliveredOn()).isEqualTo(today());
        assertThat(received.registeredNo()).isEqualTo("JH-2026-0456");
        assertThat(deliveries.forCase(c.caseNo())).as("the applicant never sees letters to others").isEmpty();
    }

    // ---- helpers ----

    private ApplicationCase register(Channel channel, Delivery delivery, String email, String address) {
        LocalDate today = today();
        ApplicationCase draft = new ApplicationCase(0, null, channel, today, ApplicantType.NATURAL_PERSON, "张三",
                IdType.RESIDENT_ID_CARD, "11010519491231002X", null, "13800000000", email, address,
                address == null ? null : "276000", "2025年某路段道路拓宽工程的立项批复文件", null,
                InformationForm.PAPER, delivery, null, false, CaseStatus.RECEIVED, today.plusDays(28), null, null,
                Instant.now(), "clerk");
        return caseFiles.register(draft, "clerk").caseFile();
    }

    private ProcessInstance deliveryProcess(ApplicationCase c) {
        AsyncJobs.executeAll(management, runtime, c.caseNo());
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.caseNo())
                .processDefinitionKey("delivery").active().singleResult();
        assertThat(pi).as("送达文书 for " + c.caseNo()).isNotNull();
        return pi;
    }

    private DeliveryRecord only(ApplicationCase c) {
        List<DeliveryRecord> rows = repository.forCase(c.id());
        return rows.get(rows.size() - 1);
    }

    private List<String> events(ApplicationCase c) {
        return caseFiles.events(c.caseNo()).stream().map(CaseEvent::type).toList();
    }

    private Task task(ProcessInstance pi, String key) {
        Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
        assertThat(t).as("open task " + key).isNotNull();
        return t;
    }

    private void complete(ProcessInstance pi, String key, Object... keyValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put((String) keyValues[i], keyValues[i + 1]);
        }
        tasks.complete(task(pi, key).getId(), vars);
        AsyncJobs.executeAll(management, runtime, pi.getBusinessKey());
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                cn.gov.disclosure.calendar.CalendarConfiguration.CHINA);
    }

    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(StatutoryDeadlines.atOpening(day));
    }
}
