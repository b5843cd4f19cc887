package cn.gov.disclosure.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.notice.ReplyCatalogue;

/**
 * The grounds a cut may rest on: the catalogue's withholding reasons (Arts. 14, 15, 16) and the two results of
 * the procedure — a third party's objection that stands (Arts. 15, 32) and a secrecy determination (Arts. 14, 17).
 * Each has a short form printed in the box (the article, e.g. 第十五条).
 */
@Component
public class RedactionGrounds {

    public static final String THIRD_PARTY_OBJECTION = "THIRD_PARTY_OBJECTION";
    public static final String SECRECY_DETERMINATION = "SECRECY_DETERMINATION";

    /** One ground: code, label for the clerk and the notice, article, and the text in the box. */
    public record Ground(String code, String label, String article, String shortText) {
    }

    // The article number in a citation such as 《条例》第十六条第二款 (pattern in records.properties).
    private static final Pattern ARTICLE = Pattern.compile(Texts.get("records.articlePattern"));

    private final List<Ground> all;

    public RedactionGrounds(ReplyCatalogue catalogue) {
        List<Ground> grounds = new ArrayList<>();
        for (ReplyCatalogue.WithholdingReason r : catalogue.reasons()) {
            Matcher m = ARTICLE.matcher(r.article());
            grounds.add(new Ground(r.code(), r.label(), r.article(), m.find() ? m.group() : r.article()));
        }
        for (String code : List.of(THIRD_PARTY_OBJECTION, SECRECY_DETERMINATION)) {
            grounds.add(new Ground(code, Texts.get("records.ground." + code + ".label"),
                    Texts.get("records.ground." + code + ".article"), Texts.get("records.ground." + code + ".short")));
        }
        this.all = List.copyOf(grounds);
    }

    public List<Ground> all() {
        return all;
    }

    public Optional<Ground> find(String code) {
        return all.stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
