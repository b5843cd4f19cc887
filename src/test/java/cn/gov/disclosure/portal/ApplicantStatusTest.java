package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * The applicant's status (JSON and page) while a correction is open: the items and the last day as the notice
 * told them, how each notice went out, and nothing addressed to anyone else or written for staff.
 */
class ApplicantStatusTest extends IntegrationTest {

    private static final String THIRD_PARTY = "临沂某某物流有限公司";
    private static final String THIRD_PARTY_MAIL = "falv@wuliu.example.cn";
    private static final String STAFF_NOTE = "内部意见：申请人系多次来信人员，注意口径";

    @Autowired TestRestTemplate http;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired NoticeService notices;
    @Autowired CaseFileService caseFiles;
    @Autowired StatutoryDeadlines deadlines;

    @SuppressWarnings("unchecked")
    @Test
    void anOpenCorrectionShowsItsItemsDeadlineAndDeliveriesAndNothingMeantForOthers() {
        // A walk-in without a description, registered by the clerk: the correction notice goes out first.
        String json = TestApplications.DESIGN_EXAMPLE_JSON.replace("\"ONLINE\"", "\"IN_PERSON\"")
                .replace("\"2026-11-23\"", "null")
                .replace("2025年临沂市某路段道路拓宽工程的立项批复文件", "");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> created = http.withBasicAuth("clerk", "demo")
                .postForEntity("/api/applications", new HttpEntity<>(json, h), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) created.getBody().get("caseNo");
        String code = (String) created.getBody().get("trackingCode");
        AsyncJobs.executeAll(management, runtime, caseNo);

        // What is meant for others: a letter to a third party and a staff note on the record.
        notices.issueThirdPartyConsultation(caseNo, THIRD_PARTY, THIRD_PARTY_MAIL, "该公司的运输许可材料",
                LocalDate.now().plusDays(21));
        caseFiles.recordEvent(caseNo, "NOTE", "staffNote", null, STAFF_NOTE, "clerk", STAFF_NOTE);

        String base = "/api/applications/" + caseNo + "?trackingCode=" + code;
        // The e-mails go out through the outbox; the view then says when. Both of them: the acknowledgment's may go
        // out while the correction notice's still waits.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String shown = http.getForObject(base, String.class);
            return shown.contains("以电子邮件方式发出") && !shown.contains("尚未发出");
        });
        Map<String, Object> view = http.getForObject(base, Map.class);
        assertThat(view).containsEntry("status", "CORRECTION_REQUIRED").containsEntry("correctionAwaited", true);
        Map<String, Object> correction = (Map<String, Object>) view.get("correction");
        assertThat((List<String>) correction.get("items")).singleElement().asString()
                .startsWith("请填写所需政府信息的名称");
        LocalDate today = LocalDate.now(CalendarConfiguration.CHINA);
        assertThat(correction.get("correctBy")).isEqualTo(deadlines.calendar().addWorkingDays(today, 15).due().toString());
        List<Map<String, Object>> listed = (List<Map<String, Object>>) view.get("notices");
        assertThat(listed).extracting(n -> n.get("type")).containsExactly("ACKNOWLEDGMENT", "CORRECTION");
        for (Map<String, Object> n : listed) {
            List<Map<String, Object>> deliveries = (List<Map<String, Object>>) n.get("deliveries");
            assertThat(deliveries).as(n.get("type").toString()).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("channel", "EMAIL")
                            .containsEntry("sentOn", today.toString()).containsEntry("failed", false)
                            .satisfies(m -> assertThat((String) m.get("text")).startsWith("已于" + today + "以电子邮件方式发出")));
        // The correction notice is a tracked delivery: the mail server's acceptance is its day of delivery.
        assertThat((List<Map<String, Object>>) listed.get(1).get("deliveries")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("receivedOn", today.toString())
                        .containsEntry("text", "已于" + today + "以电子邮件方式发出，" + today + "送达"));
        }
        String raw = http.getForObject(base, String.class);
        assertThat(raw).doesNotContain(THIRD_PARTY, THIRD_PARTY_MAIL, STAFF_NOTE, "第三方意见征询函", "staffNote");

        // The status page shows the same, and the same nothing.
        ApplicantNoticesPrivacyTest.Portal portal = ApplicantNoticesPrivacyTest.Portal.open(http);
        String page = portal.post("/track", "caseNo=" + caseNo + "&trackingCode=" + code).getBody();
        assertThat(page).contains("补正期限", correction.get("correctBy") + " 前", "需要补正的事项",
                        "请填写所需政府信息的名称", "已于" + today + "以电子邮件方式发出")
                .doesNotContain(THIRD_PARTY, THIRD_PARTY_MAIL, STAFF_NOTE, "第三方意见征询函");
    }

    /** A presumed day of delivery (no return receipt) is marked as presumed, never passed off as a proven one. */
    @Test
    void aPresumedDeliveryReadsAsPresumedNotAsReceived() {
        var d = new NoticeDeliveries.DeliveryView(7, NoticeDeliveries.Channel.POST, LocalDate.of(2026, 9, 30),
                "XA123456789CN", LocalDate.of(2026, 10, 15), false, true);
        CaseViews.DeliveryLine line = CaseViews.DeliveryLine.of(d);
        assertThat(line.text())
                .isEqualTo("已于2026-09-30以邮寄方式发出，邮件号码XA123456789CN，未收到送达回证，推定2026-10-15送达");
        assertThat(line.presumed()).isTrue();
        assertThat(line.receivedOn()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(CaseViews.DeliveryLine.of(new NoticeDeliveries.DeliveryView(7, NoticeDeliveries.Channel.POST,
                LocalDate.of(2026, 9, 30), "XA123456789CN", LocalDate.of(2026, 10, 9), false)).presumed()).isFalse();
    }

    @Test
    void aPostedNoticeReadsWithItsRegisteredNumberAndDayOfReceipt() {
        var d = new NoticeDeliveries.DeliveryView(7, NoticeDeliveries.Channel.POST, LocalDate.of(2026, 9, 30),
                "XA123456789CN", LocalDate.of(2026, 10, 9), false);
        assertThat(CaseViews.DeliveryLine.of(d).text())
                .isEqualTo("已于2026-09-30以邮寄方式发出，邮件号码XA123456789CN，2026-10-09送达");
        assertThat(CaseViews.DeliveryLine.of(new NoticeDeliveries.DeliveryView(7, NoticeDeliveries.Channel.PICKUP,
                null, null, null, false)).text()).isEqualTo("将以领取方式送达，尚未发出");
        assertThat(CaseViews.DeliveryLine.of(new NoticeDeliveries.DeliveryView(7, NoticeDeliveries.Channel.EMAIL,
                null, null, null, true)).text()).isEqualTo("以电子邮件方式未能送达");
        assertThat(CaseViews.items("1. 请写明文件名称\n2、请提供身份证明\n\n补充说明"))
                .containsExactly("请写明文件名称", "请提供身份证明", "补充说明");
    }
}
