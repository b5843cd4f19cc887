package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

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
            problems.add(Texts.get("notice.check.replyTypeMissing"));
            return problems;
        }
        if (c.caseNo() == null || c.applicantName() == null || c.description() == null) {
            problems.add(Texts.get("notice.check.caseIncomplete"));
        }
        if (type.reasonsRequired() && draft.reasonCodes().isEmpty()) {
            problems.add(Texts.get("notice.check.groundsMissing", type.label()));
        }
        for (String code : draft.reasonCodes()) {
            if (!type.reasonsAllowed().contains(code)) {
                problems.add(Texts.get("notice.check.groundNotApplicable",
                        catalogue.reason(code).map(ReplyCatalogue.WithholdingReason::label).orElse(code), type.label()));
            }
        }
        // Every reply other than a plain disclosure must explain itself (既讲法理，也说情理).
        boolean needsReasoning = type.reasonsRequired() || type.legalReview();
        if (needsReasoning && length(draft.reasoning()) < MIN_REASONING) {
            problems.add(Texts.get("notice.check.reasoningMissing", type.label(), MIN_REASONING));
        }
        if (type.detailsRequired() && length(draft.details()) == 0) {
            problems.add(Texts.get("notice.check.detailsMissing", type.label(), type.detailsLabel()));
        }
        if (type.referral() && length(draft.referralAgency()) == 0) {
            problems.add(Texts.get("notice.check.referralAgencyMissing"));
        }
        if (blank(agency.reconsiderationBody().name()) || blank(agency.reconsiderationBody().address())
                || blank(agency.court().name()) || blank(agency.court().address())) {
            problems.add(Texts.get("notice.check.agencyProfileIncomplete"));
        }
        return problems;
    }

    /** Problems found in the text of the rendered PDF; empty when every required element is there. */
    public List<String> checkRendered(byte[] pdf, ApplicationCase c, ReplyCatalogue.ReplyType type, ReplyDraft draft,
                                      String issuedOnText) {
        String text = textOf(pdf);
        List<String> problems = new ArrayList<>();
        require(text, c.caseNo(), Texts.get("notice.check.part.caseNo"), problems);
        require(text, issuedOnText, Texts.get("notice.check.part.date"), problems);
        require(text, Texts.get("notice.check.regulationName"), Texts.get("notice.check.part.regulation"), problems);
        for (String article : type.articles()) {
            require(text, article.replace(Texts.get("notice.check.regulationShort"), ""),
                    Texts.get("notice.check.part.article", article), problems);
        }
        for (String code : draft.reasonCodes()) {
            catalogue.reason(code).ifPresent(r -> require(text, r.article().replace(Texts.get("notice.check.regulationShort"), ""),
                    Texts.get("notice.check.part.groundArticle", r.article()), problems));
        }
        require(text, agency.reconsiderationBody().name(), Texts.get("notice.check.part.reconsiderationBody"), problems);
        require(text, agency.reconsiderationBody().address(), Texts.get("notice.check.part.reconsiderationAddress"), problems);
        require(text, Texts.get("notice.check.reconsiderationLimit"), Texts.get("notice.check.part.reconsiderationLimit"), problems);
        if (type.reconsiderationFirst()) {
            require(text, Texts.get("notice.check.reconsiderationFirst"), Texts.get("notice.check.part.reconsiderationFirst"), problems);
        } else {
            require(text, agency.court().name(), Texts.get("notice.check.part.court"), problems);
            require(text, Texts.get("notice.check.lawsuitLimit"), Texts.get("notice.check.part.lawsuitLimit"), problems);
        }
        if (type.referral()) {
            require(text, draft.referralAgency(), Texts.get("notice.check.part.referralAgency"), problems);
        }
        return problems;
    }

    private static void require(String text, String needle, String what, List<String> problems) {
        if (needle == null || needle.isBlank() || !text.contains(needle.replaceAll("\\s+", ""))) {
            problems.add(Texts.get("notice.check.missingInPdf", what));
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
