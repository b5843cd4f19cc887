package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.workflow.TestApplications;

/** One test per notice other than the reply: render, read back with PDFBox, check the elements. */
class OtherNoticesTest extends IntegrationTest {

    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository repository;
    @Autowired MailOutbox outbox;
    @Autowired cn.gov.disclosure.acknowledgment.AcknowledgmentService acknowledgments;

    ApplicationCase c;
    final LocalDate by = LocalDate.of(2026, 12, 14);

    @BeforeEach
    void aCase() {
        c = caseFiles.get(intake.submit(TestApplications.online("关于那个项目的文件"), "applicant", false).caseNo());
        // What the process's acknowledgment step does after the intake (no job executor in tests).
        acknowledgments.issue(c.caseNo());
    }

    private String text(Notice n) {
        return NoticeChecker.textOf(repository.pdf(n.id()).orElseThrow());
    }

    private void commonElements(String text) {
        assertThat(text).contains(c.caseNo()).contains("中华人民共和国政府信息公开条例")
                .contains(NoticeService.chineseDate(caseFiles.today())).contains("示例市人民政府办公室");
    }

    private void remedies(String text) {
        assertThat(text).contains("示例市人民政府（地址：示例省示例市人民路1号）").contains("六十日").contains("六个月")
                .contains("示例市人民法院");
    }

    private void noRemedies(String text) {
        assertThat(text).doesNotContain("申请行政复议").doesNotContain("提起行政诉讼").doesNotContain("救济途径");
    }

    @Test
    void correctionNotice() {
        String t = text(notices.issueCorrectionNotice(c.caseNo(), "请写明所需文件的名称、文号或者形成时间。", by));
        commonElements(t);
        noRemedies(t);
        assertThat(t).contains("补正告知书").contains("第三十条").contains("一次性告知").contains("请写明所需文件的名称")
                .contains("2026年12月14日").contains("视为放弃申请").contains(c.applicantName());
    }

    @Test
    void abandonmentNotice() {
        String t = text(notices.issueAbandonment(c.caseNo(), LocalDate.of(2026, 11, 25), by));
        commonElements(t);
        remedies(t);
        assertThat(t).contains("视为放弃").contains("第三十条").contains("2026年11月25日").contains("2026年12月14日")
                .contains("可以重新提出申请");
    }

    @Test
    void thirdPartyConsultationGoesToTheThirdParty() {
        Notice n = notices.issueThirdPartyConsultation(c.caseNo(), "某某科技有限公司", "legal@thirdparty.example.cn",
                "贵公司提交的环境影响报告书中的工艺参数", by);
        String t = text(n);
        commonElements(t);
        noRemedies(t);
        assertThat(t).contains("某某科技有限公司").contains("第三十二条").contains("十五个工作日").contains("2026年12月14日")
                .contains("工艺参数").contains("公共利益").doesNotContain(c.applicantName() + "：");
        assertThat(outbox.forCase(c.id())).anyMatch(m -> m.recipient().equals("legal@thirdparty.example.cn")
                && m.noticeId() == n.id() && m.body().startsWith("某某科技有限公司："));
    }

    @Test
    void agencyConsultationSaysSilenceIsConsent() {
        Notice n = notices.issueAgencyConsultation(c.caseNo(), "示例市自然资源局", "gk@zrzy.example.cn",
                "两机关联合印发的土地征收方案", by);
        String t = text(n);
        commonElements(t);
        noRemedies(t);
        assertThat(t).contains("示例市自然资源局").contains("第三十四条").contains("视为同意公开").contains("十五个工作日")
                .contains("不计算在答复申请人的期限内");
        assertThat(outbox.forCase(c.id())).anyMatch(m -> m.recipient().equals("gk@zrzy.example.cn"));
    }

    @Test
    void feeNoticeStatesBasisRateAmountAndDeadline() {
        String t = text(notices.issueFeeNotice(c.caseNo(), FeeCalculator.Method.BY_VOLUME, 150, by));
        commonElements(t);
        remedies(t);
        assertThat(t).contains("第四十二条").contains("国办函〔2020〕109号").contains("按量计收").contains("150页")
                .contains("人民币1700元").contains("2026年12月14日").contains("二十个工作日").contains("请持本通知到");
        String perApplication = text(notices.issueFeeNotice(c.caseNo(), FeeCalculator.Method.PER_APPLICATION, 11, by));
        assertThat(perApplication).contains("按件计收").contains("第11件").contains("人民币100元");
    }

    @Test
    void acknowledgmentStatesReceiptAndDueDate() {
        Notice ack = repository.listForCase(c.id()).get(0);
        assertThat(ack.type()).isEqualTo("ACKNOWLEDGMENT");
        String t = text(ack);
        commonElements(t);
        noRemedies(t);
        assertThat(t).contains("受理回执").contains("第三十一条").contains("第三十三条第二款").contains("二十个工作日")
                .contains(NoticeService.chineseDate(c.dueOn())).contains("查询码").contains("/track");
    }

    /** Art. 33(3), not Arts. 32/34, is why consultation time is not counted in the reply period. */
    @Test
    void art33_3_theAcknowledgmentCitesArticle33_3ForConsultationTimeNotCounted() {
        String t = text(repository.listForCase(c.id()).get(0));
        assertThat(t).contains("依据第三十三条第三款，征求第三方和其他机关意见所需时间不计算在答复期限内")
                .doesNotContain("第三十二条、第三十四条").doesNotContain("依据第三十二条");
    }

    /** The checker holds an acknowledgment to Art. 33(3): without it the acknowledgment is refused. */
    @Test
    void art33_3_anAcknowledgmentWithoutArticle33_3IsRefused() {
        ApplicationCase other = caseFiles.get(intake.submit(TestApplications.online("另一个项目的立项批复文件"),
                "applicant", false).caseNo());
        notices.breakHtmlForTests((m, html) -> html.replace("依据第三十三条第三款", "依据第三十二条、第三十四条"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> notices.issueAcknowledgment(other.caseNo(), null))
                    .isInstanceOf(NoticeIncompleteException.class)
                    .hasMessageContaining("第三十三条第三款");
        } finally {
            notices.breakHtmlForTests(null);
        }
    }

    /**
     * Art. 33(1): an acknowledgment of a reply given at the counter states the reply; the checker refuses one that
     * still promises a reply within twenty working days (Art. 33(2)).
     */
    @Test
    void art33_1_anOnTheSpotAcknowledgmentStatesTheReplyAndMayNotPromiseAReplyPeriod() {
        ApplicationCase other = caseFiles.get(intake.submit(TestApplications.online("本街道2025年民生实事项目清单"),
                "applicant", false).caseNo());
        Notice onSpot = notices.issueAcknowledgment(other.caseNo(), null, "该清单已在本机关门户网站公开，已当场告知查阅方法。",
                "已主动公开，告知获取方式");
        String t = text(onSpot);
        try {
            // Beside NoticeLayoutTest's samples, to be looked at (target/notice-gallery/).
            java.nio.file.Path dir = java.nio.file.Path.of("target", "notice-gallery");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve("ACKNOWLEDGMENT-ON_THE_SPOT.pdf"), repository.pdf(onSpot.id()).orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // The only written form of the reply given at the counter: it tells the applicant how to challenge it.
        remedies(t);
        assertThat(t).contains("第五十一条");
        assertThat(t).contains("第三十三条第一款").contains("当场").contains("门户网站").contains("已主动公开")
                .doesNotContain("二十个工作日").doesNotContain("第三十三条第二款").doesNotContain("。。");
        notices.breakHtmlForTests((m, html) -> html.replace("当场对您的申请作出答复",
                "将自收到申请之日起二十个工作日内予以答复，并当场对您的申请作出答复"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> notices.issueAcknowledgment(other.caseNo(), null,
                    "该清单已在本机关门户网站公开。", null)).isInstanceOf(NoticeIncompleteException.class)
                    .hasMessageContaining("不应载明“二十个工作日内”");
        } finally {
            notices.breakHtmlForTests(null);
        }
        // Without the remedies it is refused; an ordinary acknowledgment carries none.
        notices.breakHtmlForTests((m, html) -> html.replace("六个月", "若干月"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> notices.issueAcknowledgment(other.caseNo(), null,
                    "该清单已在本机关门户网站公开。", null)).isInstanceOf(NoticeIncompleteException.class);
        } finally {
            notices.breakHtmlForTests(null);
        }
        noRemedies(text(notices.issueAcknowledgment(other.caseNo(), null)));
    }

    /** Several items are quoted one per line, not run together into one paragraph. */
    @Test
    void theItemsOfAnApplicationAreQuotedOnePerLine() {
        ApplicationCase several = caseFiles.get(intake.submit(TestApplications.onlineItems(
                "2025年某路段道路拓宽工程的立项批复文件", "该工程2024年的环境影响评价批复"), "applicant", false).caseNo());
        String t;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(repository.pdf(
                notices.issueAcknowledgment(several.caseNo(), null).id()).orElseThrow())) {
            t = new org.apache.pdfbox.text.PDFTextStripper().getText(d); // line by line, as printed
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(t).containsPattern("(?m)^\\s*1\\. 2025年某路段").containsPattern("(?m)^\\s*2\\. 该工程2024年");
    }

    @Test
    void extensionNoticeStatesReasonDaysAndNewDate() {
        String t = text(notices.issueExtension(c.caseNo(), 10, "需要调取的档案分散在多个科室"));
        commonElements(t);
        noRemedies(t);
        assertThat(t).contains("延长答复期限告知书").contains("第三十三条第二款").contains("工作机构负责人同意")
                .contains("延长10个工作日").contains("因需要调取的档案分散在多个科室，本机关");
        // A reason typed as a sentence does not leave "。，" (issue 14 item 4).
        String sentence = text(notices.issueExtension(c.caseNo(), 10, "需要调取的档案分散在多个科室。"));
        assertThat(sentence).contains("因需要调取的档案分散在多个科室，本机关").doesNotContain("。，");
        assertThat(text(notices.issueExtension(c.caseNo(), 10, null))).doesNotContain("因，").contains("本机关不能在规定期限内");
    }
}
