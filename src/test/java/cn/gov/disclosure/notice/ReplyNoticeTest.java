package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.TestApplications;

/** Every reply type rendered and read back with PDFBox; the checker refusing broken notices. */
class ReplyNoticeTest extends IntegrationTest {

    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository repository;
    @Autowired ReplyCatalogue catalogue;
    @Autowired NoticeChecker checker;
    @Autowired NoticeTemplates templates;
    @Autowired PdfRenderer renderer;

    ApplicationCase c;

    @BeforeEach
    void aCase() {
        c = caseFiles.get(intake.submit(TestApplications.online("某建设项目环境影响评价文件及批复"), "applicant", false)
                .caseNo());
    }

    static List<String> replyTypes() {
        return new ReplyCatalogue().types().stream().map(ReplyCatalogue.ReplyType::code).toList();
    }

    public static List<String> legallyReviewedTypes() {
        return new ReplyCatalogue().types().stream().filter(ReplyCatalogue.ReplyType::legalReview)
                .filter(ReplyCatalogue.ReplyType::selectable).map(ReplyCatalogue.ReplyType::code).toList();
    }

    /** A complete decision for the type: its first allowed reason, reasoning, details and referral. */
    private ReplyDraft complete(ReplyCatalogue.ReplyType type) {
        return new ReplyDraft(type.code(), type.reasonsAllowed().isEmpty() ? List.of() : List.of(type.reasonsAllowed().get(0)),
                "经检索本机关档案并审查申请内容，依据所引条款作出本答复。", "文件电子版一份，请查收",
                type.referral() ? "示例市生态环境局" : null, type.referral() ? "0000-1112222" : null);
    }

    private String textOf(Notice n) {
        return NoticeChecker.textOf(repository.pdf(n.id()).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replyTypes")
    void everyReplyTypeStatesItsGroundsAndRemedies(String code) {
        ReplyCatalogue.ReplyType type = catalogue.require(code);
        String text = textOf(notices.draftReply(c.caseNo(), complete(type)));
        assertThat(text).contains(c.caseNo()).contains(c.applicantName()).contains("中华人民共和国政府信息公开条例")
                .contains("某建设项目环境影响评价文件及批复").contains("示例市人民政府").contains("六十日");
        for (String article : type.articles()) {
            assertThat(text).contains(article.replace("《条例》", ""));
        }
        for (String reason : complete(type).reasonCodes()) {
            ReplyCatalogue.WithholdingReason r = catalogue.reason(reason).orElseThrow();
            assertThat(text).contains(r.label()).contains(r.article().replace("《条例》", ""));
        }
        if (type.reconsiderationFirst()) {
            assertThat(text).contains("应当先申请行政复议").contains("行政复议法》第二十条、第二十三条");
        } else {
            assertThat(text).contains("示例市人民法院").contains("六个月").doesNotContain("应当先申请行政复议");
        }
        if (type.referral()) {
            assertThat(text).contains("示例市生态环境局").contains("0000-1112222");
        }
        if (type.legalReview()) {
            assertThat(text).contains("理由说明");
        }
        if ("DISCLOSED".equals(code)) {
            // The way the information is provided is a sentence of its own: it ends with its full stop.
            assertThat(text.replaceAll("\\s+", "")).containsPattern("(发送给您|邮寄给您|领取所需信息|在网上获取)。");
        }
        assertThat(text).startsWith("草稿（供核对，未发出）");
    }

    @Test
    void eachWithholdingReasonMapsToExactlyOneAnnualReportRow() {
        assertThat(catalogue.reasons()).hasSize(7).allMatch(r -> r.annualReportRow() != null);
        assertThat(catalogue.reasons()).extracting(ReplyCatalogue.WithholdingReason::annualReportRow)
                .doesNotHaveDuplicates();
        assertThat(catalogue.types()).filteredOn(t -> t.annualReportRow() == null)
                .extracting(ReplyCatalogue.ReplyType::code).containsExactly("NOT_DISCLOSED");
        assertThat(catalogue.types()).filteredOn(t -> !t.selectable()).extracting(ReplyCatalogue.ReplyType::code)
                .containsExactly("ABANDONED", "FEE_NOT_PAID");
    }

    @Test
    void theCheckerRefusesIncompleteDecisions() {
        assertThatThrownBy(() -> notices.draftReply(c.caseNo(), new ReplyDraft("NOT_DISCLOSED", List.of(), null,
                null, null, null)))
                .isInstanceOf(NoticeIncompleteException.class)
                .hasMessageContaining("须选择不予公开的理由").hasMessageContaining("须写明答复理由");
        assertThatThrownBy(() -> notices.draftReply(c.caseNo(), new ReplyDraft("OTHER_AGENCY", List.of(),
                "该信息由其他机关制作并保存。", null, null, null)))
                .hasMessageContaining("负责公开该信息的机关名称");
        assertThatThrownBy(() -> notices.draftReply(c.caseNo(), new ReplyDraft("PARTIALLY_DISCLOSED",
                List.of("STATE_SECRET"), "部分内容涉及国家秘密，已作区分处理。", null, null, null)))
                .hasMessageContaining("提供的部分");
        assertThatThrownBy(() -> notices.draftReply(c.caseNo(), new ReplyDraft("NOT_HELD",
                List.of("STATE_SECRET"), "经检索本机关未制作该信息。", null, null, null)))
                .hasMessageContaining("不适用于");
        assertThatThrownBy(() -> notices.draftReply(c.caseNo(), new ReplyDraft("NO_SUCH_TYPE", List.of(), null,
                null, null, null))).hasMessageContaining("请选择答复类型");
        assertThat(repository.listForCase(c.id())).extracting(Notice::type).doesNotContain("REPLY");
    }

    @Test
    void theCheckerRefusesARenderedNoticeThatLacksRequiredElements() {
        ReplyCatalogue.ReplyType notDisclosed = catalogue.require("NOT_DISCLOSED");
        ReplyDraft draft = complete(notDisclosed);
        byte[] broken = renderer.render(templates.notice("broken-reply", Map.of("title", "答复书", "c", c,
                "agency", new AgencyProfile("某机关", "某科", "某地", null, null, null,
                        new AgencyProfile.Body("甲", "乙"), new AgencyProfile.Body("丙", "丁"), null, null),
                "issuedOnText", "2026年11月23日")), "答复书");
        Map<String, Object> asRefusal = new java.util.HashMap<>(Map.of("title", "答复书", "c", c, "draft", true,
                "issuedOnText", NoticeService.chineseDate(caseFiles.today()), "type", notDisclosed,
                "reasons", draft.reasonCodes().stream().map(r -> catalogue.reason(r).orElseThrow()).toList(),
                "reconsiderationFirst", true, NoticeRules.REQUEST, c.description()));
        List<String> problems = checker.checkRendered(NoticeType.REPLY, broken, asRefusal);
        assertThat(problems).contains("答复书中缺少所依据的《中华人民共和国政府信息公开条例》",
                "答复书中缺少法律依据《条例》第三十六条第三项", "答复书中缺少行政复议机关名称",
                "答复书中缺少申请行政复议的期限（六十日）",
                "答复书中缺少不予公开须先申请行政复议的告知（行政复议法第二十三条）");

        // A sound disclosure reply checked as if it were a refusal lacks the refusal's elements.
        Notice disclosed = notices.draftReply(c.caseNo(), complete(catalogue.require("DISCLOSED")));
        assertThat(checker.checkRendered(NoticeType.REPLY, repository.pdf(disclosed.id()).orElseThrow(), asRefusal))
                .contains("答复书中缺少法律依据《条例》第三十六条第三项",
                        "答复书中缺少不予公开须先申请行政复议的告知（行政复议法第二十三条）");
    }
}
