package cn.gov.disclosure.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.ApplicationCase;

/**
 * Checks a reply before it can be sent, twice: the decision must carry what the law requires (grounds and
 * reasoning for any refusal, the responsible agency for a referral, what is provided for a partial
 * disclosure), and the rendered PDF must actually show the case number, the date, the Regulation and the
 * articles relied on, the remedy bodies and limits, and — for a refusal — that reconsideration comes first.
 * Every problem is said so the clerk can act on it.
 */
@Component
public class NoticeChecker {

    static final int MIN_REASONING = 10;

    private final ReplyCatalogue catalogue;
    private final AgencyProfile agency;

    public NoticeChecker(ReplyCatalogue catalogue, AgencyProfile agency) {
        this.catalogue = catalogue;
        this.agency = agency;
    }

    /** Problems with the decision itself; empty when it may be rendered. */
    public List<String> checkDraft(ApplicationCase c, ReplyDraft draft) {
        List<String> problems = new ArrayList<>();
        ReplyCatalogue.ReplyType type = catalogue.type(draft.replyType()).orElse(null);
        if (type == null) {
            problems.add("请选择答复类型");
            return problems;
        }
        if (c.caseNo() == null || c.applicantName() == null || c.description() == null) {
            problems.add("案件编号、申请人或申请内容缺失，请核对案件登记信息");
        }
        if (type.reasonsRequired() && draft.reasonCodes().isEmpty()) {
            problems.add(type.label() + "须选择不予公开的理由（《条例》第十四条至第十六条）");
        }
        for (String code : draft.reasonCodes()) {
            if (!type.reasonsAllowed().contains(code)) {
                problems.add("理由“" + catalogue.reason(code).map(ReplyCatalogue.WithholdingReason::label).orElse(code)
                        + "”不适用于" + type.label());
            }
        }
        // Every reply other than a plain disclosure must explain itself (既讲法理，也说情理).
        boolean needsReasoning = type.reasonsRequired() || type.legalReview();
        if (needsReasoning && length(draft.reasoning()) < MIN_REASONING) {
            problems.add(type.label() + "须写明答复理由（说理，至少" + MIN_REASONING + "字），说明为什么适用所引条款");
        }
        if (type.detailsRequired() && length(draft.details()) == 0) {
            problems.add(type.label() + "须填写“" + type.detailsLabel() + "”");
        }
        if (type.referral() && length(draft.referralAgency()) == 0) {
            problems.add("不属于本机关负责公开的，须写明负责公开该信息的机关名称（能够确定的，并告知联系方式，第三十六条第五项）");
        }
        if (blank(agency.reconsiderationBody().name()) || blank(agency.reconsiderationBody().address())
                || blank(agency.court().name()) || blank(agency.court().address())) {
            problems.add("机关信息中缺少行政复议机关或人民法院的名称、地址，请管理员补充 disclosure.agency 配置");
        }
        return problems;
    }

    /** Problems found in the text of the rendered PDF; empty when every required element is there. */
    public List<String> checkRendered(byte[] pdf, ApplicationCase c, ReplyCatalogue.ReplyType type, ReplyDraft draft,
                                      String issuedOnText) {
        String text = textOf(pdf);
        List<String> problems = new ArrayList<>();
        require(text, c.caseNo(), "案件编号", problems);
        require(text, issuedOnText, "答复日期", problems);
        require(text, "中华人民共和国政府信息公开条例", "所依据的《中华人民共和国政府信息公开条例》", problems);
        for (String article : type.articles()) {
            require(text, article.replace("《条例》", ""), "法律依据" + article, problems);
        }
        for (String code : draft.reasonCodes()) {
            catalogue.reason(code).ifPresent(r -> require(text, r.article().replace("《条例》", ""),
                    "不予公开理由的依据" + r.article(), problems));
        }
        require(text, agency.reconsiderationBody().name(), "行政复议机关名称", problems);
        require(text, agency.reconsiderationBody().address(), "行政复议机关地址", problems);
        require(text, "六十日", "申请行政复议的期限（六十日）", problems);
        if (type.reconsiderationFirst()) {
            require(text, "应当先申请行政复议", "不予公开须先申请行政复议的告知（行政复议法第二十三条）", problems);
        } else {
            require(text, agency.court().name(), "人民法院名称", problems);
            require(text, "六个月", "提起行政诉讼的期限（六个月）", problems);
        }
        if (type.referral()) {
            require(text, draft.referralAgency(), "负责公开的机关名称", problems);
        }
        return problems;
    }

    private static void require(String text, String needle, String what, List<String> problems) {
        if (needle == null || needle.isBlank() || !text.contains(needle.replaceAll("\\s+", ""))) {
            problems.add("答复书中缺少" + what);
        }
    }

    /** The text as a reader would copy it, without line breaks, page breaks or page numbers. */
    public static String textOf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc).replaceAll("\\s+", "").replaceAll("—\\d+—", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.strip().length();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
