package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.ApplicationCase;

/**
 * Checks notices before they go out. A reply is checked twice: the decision must carry what the law requires
 * (grounds and reasoning for any refusal, the responsible agency for a referral, what is provided for a partial
 * disclosure); then the rendered PDF of every notice type is read back and must show the issuer and seal, the
 * 文号, the date, the case number, the request or information quoted, the articles relied on, the values its
 * {@link NoticeRules} row names, and the remedy bodies, addresses and limits where they belong (and none where
 * they do not) — for a withholding decision, that reconsideration comes first. Every problem is said so the clerk
 * can act on it.
 */
@Component
public class NoticeChecker {

    static final int MIN_REASONING = 10;

    private final ReplyCatalogue catalogue;
    private final AgencyProfile agency;
    private final NoticeRules rules;

    public NoticeChecker(ReplyCatalogue catalogue, AgencyProfile agency, NoticeRules rules) {
        this.catalogue = catalogue;
        this.agency = agency;
        this.rules = rules;
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

    /**
     * Problems found in the rendered PDF of a notice of any type, read against the model it was rendered from
     * and the type's row in {@link NoticeRules}; empty when every required element is there (and the remedy
     * paragraph is absent where it does not belong).
     */
    public List<String> checkRendered(NoticeType noticeType, byte[] pdf, Map<String, Object> model) {
        return checkRendered(noticeType, Reading.of(pdf), model);
    }

    /** The same, on what was read from the PDF once (see {@link Reading}). */
    List<String> checkRendered(NoticeType noticeType, Reading reading, Map<String, Object> model) {
        String text = reading.text();
        String title = String.valueOf(model.getOrDefault("title", noticeType.title()));
        List<String> problems = new ArrayList<>();
        ApplicationCase c = (ApplicationCase) model.get("c");
        boolean draft = Boolean.TRUE.equals(model.get("draft"));
        // Issuer, seal, 文号, date and case number: on every notice.
        require(text, agency.name(), part("issuer"), title, problems);
        require(text, agency.officeName(), part("contact"), title, problems);
        if (!draft) {
            require(text, (String) model.get("docNumber"), part("docNumber"), title, problems);
            if (model.get("sealImage") != null && !reading.imageOnLastPage()) {
                problems.add(Texts.get("notice.check.missingInPdf", title, part("seal")));
            }
        }
        // The date as the signature block shows it: under the issuer's name (GB/T 9704 7.3.5).
        String issuedOn = (String) model.get("issuedOnText");
        require(text, issuedOn == null || issuedOn.isBlank() ? null : agency.name() + issuedOn, part("date"), title,
                problems);
        require(text, c == null ? null : c.caseNo(), part("caseNo"), title, problems);
        require(text, Texts.get("notice.check.regulationName"), part("regulation"), title, problems);

        NoticeRules.Rule rule = rules.rule(noticeType, model).orElse(null);
        // A reply to several items quotes and decides item by item; each item is checked on its own
        // (checkRendered for one decision), the notice as a whole here.
        boolean itemized = model.get("items") instanceof List<?> items && !items.isEmpty();
        if (rule != null) {
            if (!itemized) {
                require(text, string(model.get(rule.requestKey())), part("request"), title, problems);
            }
            for (String article : rule.articles()) {
                require(text, article, Texts.get("notice.check.part.article", article), title, problems);
            }
            for (String key : rule.requiredKeys()) {
                require(text, string(model.get(key)), part(key), title, problems);
            }
            for (String key : rule.optionalKeys()) {
                if (string(model.get(key)) != null) {
                    require(text, string(model.get(key)), part(key), title, problems);
                }
            }
            for (String wording : rule.forbidden()) {
                if (text.contains(wording.replaceAll("\\s+", ""))) {
                    problems.add(Texts.get("notice.check.notAllowed", title, wording));
                }
            }
        }
        if (model.get("type") instanceof ReplyCatalogue.ReplyType type && !itemized) {
            replyChecks(text, title, type, model, problems);
        }
        // The row of this very notice decides (an on-the-spot acknowledgment carries them, an ordinary one not).
        if (rule != null ? rule.remedies() : rules.remedies(noticeType)) {
            remedies(text, title, Boolean.TRUE.equals(model.get("reconsiderationFirst")), problems);
        } else if (text.contains(Texts.get("notice.check.reconsiderationWord"))
                || text.contains(Texts.get("notice.check.lawsuitWord"))) {
            problems.add(Texts.get("notice.check.remediesNotAllowed", title));
        }
        return problems;
    }

    /**
     * The checks of one reply decision (its wording, articles, grounds, referral agency) and of the remedies it
     * needs, on the text ({@link #textOf}) of a rendered reply: for each item of a reply to several items, the text
     * read once for all of them.
     */
    List<String> checkRenderedText(String text, ApplicationCase c, ReplyCatalogue.ReplyType type, ReplyDraft draft,
                                   String issuedOnText) {
        String title = NoticeType.REPLY.title();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("reasons", draft.reasonCodes().stream().map(catalogue::reason).flatMap(java.util.Optional::stream)
                .toList());
        model.put("referralAgency", draft.referralAgency());
        List<String> problems = new ArrayList<>();
        replyChecks(text, title, type, model, problems);
        remedies(text, title, type.reconsiderationFirst(), problems);
        return problems;
    }

    /** The decision and each article it relies on, each ground's article, the referral agency (Art. 36(5)). */
    private void replyChecks(String text, String title, ReplyCatalogue.ReplyType type, Map<String, Object> model,
                             List<String> problems) {
        require(text, type.decision(), Texts.get("notice.check.part.decision", type.label()), title, problems);
        for (String article : type.articles()) {
            require(text, article.replace(Texts.get("notice.check.regulationShort"), ""),
                    Texts.get("notice.check.part.article", article), title, problems);
        }
        if (model.get("reasons") instanceof List<?> reasons) {
            for (Object o : reasons) {
                ReplyCatalogue.WithholdingReason r = (ReplyCatalogue.WithholdingReason) o;
                require(text, r.article().replace(Texts.get("notice.check.regulationShort"), ""),
                        Texts.get("notice.check.part.groundArticle", r.article()), title, problems);
            }
        }
        if (type.referral()) {
            require(text, string(model.get("referralAgency")), part("referralAgency"), title, problems);
        }
        if (type.remedyNote() != null) {
            require(text, type.remedyNote(), part("remedyNote"), title, problems);
        }
    }

    /** Body, address and limit of each remedy; for a withholding decision, that reconsideration comes first. */
    private void remedies(String text, String title, boolean reconsiderationFirst, List<String> problems) {
        require(text, agency.reconsiderationBody().name(), part("reconsiderationBody"), title, problems);
        require(text, agency.reconsiderationBody().address(), part("reconsiderationAddress"), title, problems);
        require(text, Texts.get("notice.check.reconsiderationLimit"), part("reconsiderationLimit"), title, problems);
        require(text, agency.court().name(), part("court"), title, problems);
        require(text, agency.court().address(), part("courtAddress"), title, problems);
        if (reconsiderationFirst) {
            require(text, Texts.get("notice.check.reconsiderationFirst"), part("reconsiderationFirst"), title, problems);
            require(text, Texts.get("notice.check.lawsuitAfterReconsiderationLimit"),
                    part("lawsuitAfterReconsiderationLimit"), title, problems);
        } else {
            require(text, Texts.get("notice.check.lawsuitLimit"), part("lawsuitLimit"), title, problems);
            if (text.contains(Texts.get("notice.check.reconsiderationFirst"))) {
                problems.add(Texts.get("notice.check.reconsiderationFirstWrong", title));
            }
        }
    }

    private static String part(String key) {
        return Texts.get("notice.check.part." + key);
    }

    private static String string(Object o) {
        if (o == null) {
            return null;
        }
        String s = String.valueOf(o);
        return s.isBlank() ? null : s;
    }

    /**
     * What the checks read from a rendered notice, from one parse of the PDF (parsing is a good part of a check's
     * cost, and every acknowledgment is checked): the text as a reader would copy it, and whether the last page
     * holds an image (the seal, over the issuer and date on the page that ends the notice).
     */
    record Reading(String text, boolean imageOnLastPage) {

        /** Line and page breaks, and the page numbers (—1—) the notices print; compiled once, used per notice. */
        private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("\\s+");
        private static final java.util.regex.Pattern PAGE_NUMBER = java.util.regex.Pattern.compile("—\\d+—");

        static Reading of(byte[] pdf) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                String text = PAGE_NUMBER.matcher(SPACE.matcher(stripper.getText(doc)).replaceAll(""))
                        .replaceAll("");
                return new Reading(text, hasImage(doc.getPage(doc.getNumberOfPages() - 1).getResources()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean hasImage(PDResources resources) throws IOException {
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void require(String text, String needle, String what, String title, List<String> problems) {
        if (needle == null || needle.isBlank() || !text.contains(needle.replaceAll("\\s+", ""))) {
            problems.add(Texts.get("notice.check.missingInPdf", title, what));
        }
    }

    /** The text as a reader would copy it, without line breaks, page breaks or page numbers. */
    public static String textOf(byte[] pdf) {
        return Reading.of(pdf).text();
    }

    private static int length(String s) {
        return s == null ? 0 : s.strip().length();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
