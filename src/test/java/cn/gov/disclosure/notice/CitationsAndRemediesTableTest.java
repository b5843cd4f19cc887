package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.gov.disclosure.report.ReportRow;

/**
 * Issue 14 items 6 and 7 as tables written from STATUTE.md, not from the catalogue: every reply type and ground
 * → the articles it cites (§4), its row in Table 3 of the annual report (§6) and whether reconsideration comes
 * first (§5, 行政复议法 Art. 23); every notice type → whether it carries the remedy paragraph.
 */
class CitationsAndRemediesTableTest {

    /** code → articles, annual-report row (null: the grounds decide), reconsideration first. */
    record Expected(List<String> articles, String row, boolean reconsiderationFirst) {
    }

    static final Map<String, Expected> REPLIES = Map.ofEntries(
            Map.entry("ALREADY_PUBLIC", new Expected(List.of("第三十六条第一项"), "DISCLOSED", false)),
            Map.entry("DISCLOSED", new Expected(List.of("第三十六条第二项"), "DISCLOSED", false)),
            Map.entry("PARTIALLY_DISCLOSED", new Expected(List.of("第三十七条"), "PARTIALLY_DISCLOSED", true)),
            Map.entry("NOT_DISCLOSED", new Expected(List.of("第三十六条第三项"), null, true)),
            Map.entry("NOT_HELD", new Expected(List.of("第三十六条第四项"), "CANNOT_PROVIDE_NOT_HELD", false)),
            // 非本机关: counted as 本机关不掌握相关政府信息 (三（四）1).
            Map.entry("OTHER_AGENCY", new Expected(List.of("第三十六条第五项"), "CANNOT_PROVIDE_NOT_HELD", false)),
            Map.entry("NEEDS_CREATION", new Expected(List.of("第三十八条"), "CANNOT_PROVIDE_NEEDS_CREATION", false)),
            Map.entry("STILL_UNCLEAR", new Expected(List.of("第二十九条第二款", "第三十条"),
                    "CANNOT_PROVIDE_STILL_UNCLEAR", false)),
            Map.entry("PETITION", new Expected(List.of("第三十九条第一款"), "NOT_PROCESSED_PETITION", false)),
            Map.entry("REPEAT", new Expected(List.of("第三十六条第六项"), "NOT_PROCESSED_REPEAT", false)),
            Map.entry("PUBLISHED_MATERIAL", new Expected(List.of("第三十九条第二款"), "NOT_PROCESSED_PUBLICATION", false)),
            Map.entry("EXCESSIVE", new Expected(List.of("第三十五条"), "NOT_PROCESSED_EXCESSIVE", false)),
            // Not Art. 38 (that is 需另行制作): a request to confirm or re-issue seeks no recorded information (Art. 2).
            Map.entry("CONFIRM_OR_REISSUE", new Expected(List.of("第二条"), "NOT_PROCESSED_CONFIRM_OR_REISSUE", false)),
            // Art. 36(7), counted as 不予公开 8 (行政查询事项): a withholding reply, so reconsideration first.
            Map.entry("SEPARATE_ACCESS_REGIME", new Expected(List.of("第三十六条第七项"), "WITHHELD_ADMINISTRATIVE_QUERY",
                    true)),
            Map.entry("ABANDONED", new Expected(List.of("第三十条"), "OTHER_NO_CORRECTION", false)),
            Map.entry("FEE_NOT_PAID", new Expected(List.of("第四十二条"), "OTHER_FEE_NOT_PAID", false)),
            // Art. 41: correction of records about oneself has its own handling, counted under 其他.
            Map.entry("RECORD_CORRECTION", new Expected(List.of("第四十一条"), "OTHER_OTHER", false)),
            // 其他处理: Art. 33 is the time limit, not a ground; the clerk states the basis in the details.
            Map.entry("OTHER_HANDLING", new Expected(List.of(), "OTHER_OTHER", false)));

    static final Map<String, List<String>> GROUNDS = Map.of(
            "STATE_SECRET", List.of("第十四条", "WITHHELD_STATE_SECRET"),
            "LAW_PROHIBITS", List.of("第十四条", "WITHHELD_PROHIBITED_BY_LAW"),
            "SECURITY_STABILITY", List.of("第十四条", "WITHHELD_SECURITY_STABILITY"),
            "THIRD_PARTY_RIGHTS", List.of("第十五条", "WITHHELD_THIRD_PARTY"),
            "INTERNAL_AFFAIRS", List.of("第十六条第一款", "WITHHELD_INTERNAL_AFFAIRS"),
            "PROCESS_INFORMATION", List.of("第十六条第二款", "WITHHELD_PROCESS_INFORMATION"),
            "ENFORCEMENT_FILES", List.of("第十六条第二款", "WITHHELD_ENFORCEMENT_FILES"));

    /** Notice type → remedy paragraph on it (STATUTE.md §5; NoticeRules explains the choice). */
    static final Map<NoticeType, Boolean> REMEDIES = new EnumMap<>(Map.ofEntries(
            Map.entry(NoticeType.ACKNOWLEDGMENT, false),
            Map.entry(NoticeType.CORRECTION, false),
            Map.entry(NoticeType.ABANDONED, true),
            Map.entry(NoticeType.EXTENSION, false),
            Map.entry(NoticeType.THIRD_PARTY_CONSULTATION, false),
            Map.entry(NoticeType.AGENCY_CONSULTATION, false),
            Map.entry(NoticeType.PUBLIC_INTEREST_DISCLOSURE, true),
            Map.entry(NoticeType.FEE, true),
            // Art. 35: asking for reasons decides nothing yet; a deferral moves the reply date like an extension.
            Map.entry(NoticeType.REASONS_REQUEST, false),
            Map.entry(NoticeType.DEFERRAL, false),
            Map.entry(NoticeType.REPLY, true)));

    static final ReplyCatalogue CATALOGUE = new ReplyCatalogue();

    static List<String> replyCodes() {
        return CATALOGUE.types().stream().map(ReplyCatalogue.ReplyType::code).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replyCodes")
    void art36to42EveryReplyTypeCitesItsArticlesAndCountsInItsRow(String code) {
        ReplyCatalogue.ReplyType t = CATALOGUE.require(code);
        Expected e = REPLIES.get(code);
        assertThat(e).as("STATUTE.md row for catalogue entry " + code + " — add it to this table").isNotNull();
        assertThat(t.articles()).extracting(a -> a.replace("《条例》", "")).containsExactlyElementsOf(e.articles());
        assertThat(t.annualReportRow()).isEqualTo(e.row());
        if (e.row() != null) {
            assertThat(ReportRow.valueOf(e.row()).isOutcome()).isTrue();
        }
        assertThat(t.reconsiderationFirst()).as("行政复议法 Art. 23 for " + code).isEqualTo(e.reconsiderationFirst());
        // The decision's wording cites exactly the listed articles, no more, no fewer.
        assertThat(citedArticles(t.decision())).isEqualTo(new TreeSet<>(e.articles()));
    }

    @Test
    void art33IsATimeLimitNotAGroundAndArt38IsNotConfirmation() {
        assertThat(CATALOGUE.require("OTHER_HANDLING").decision()).doesNotContain("第三十三条");
        assertThat(CATALOGUE.require("OTHER_HANDLING").articles()).noneMatch(a -> a.contains("第三十三条"));
        assertThat(CATALOGUE.require("CONFIRM_OR_REISSUE").articles()).noneMatch(a -> a.contains("第三十八条"));
        assertThat(CATALOGUE.require("CONFIRM_OR_REISSUE").decision()).doesNotContain("第三十八条");
        assertThat(CATALOGUE.require("SEPARATE_ACCESS_REGIME").remedyNote()).contains("有关法律、行政法规");
        assertThat(CATALOGUE.require("OTHER_HANDLING").detailsRequired()).isTrue();
    }

    @Test
    void art14to16EveryGroundCitesItsArticleAndItsOwnRow() {
        assertThat(CATALOGUE.reasons()).extracting(ReplyCatalogue.WithholdingReason::code)
                .containsExactlyInAnyOrderElementsOf(GROUNDS.keySet());
        for (ReplyCatalogue.WithholdingReason r : CATALOGUE.reasons()) {
            assertThat(r.article()).isEqualTo("《条例》" + GROUNDS.get(r.code()).get(0));
            assertThat(r.annualReportRow()).isEqualTo(GROUNDS.get(r.code()).get(1));
            assertThat(ReportRow.valueOf(r.annualReportRow()).isOutcome()).isTrue();
        }
    }

    @Test
    void reconsiderationLaw23EveryWithholdingReplyTellsReconsiderationFirst() {
        for (ReplyCatalogue.ReplyType t : CATALOGUE.types()) {
            assertThat(t.reconsiderationFirst()).as(t.code()).isEqualTo(t.withholds());
        }
        assertThat(CATALOGUE.types()).filteredOn(ReplyCatalogue.ReplyType::reconsiderationFirst)
                .extracting(ReplyCatalogue.ReplyType::code)
                .containsExactlyInAnyOrder("PARTIALLY_DISCLOSED", "NOT_DISCLOSED", "SEPARATE_ACCESS_REGIME");
    }

    @Test
    void art51RemediesOnAdministrativeActsOnlyPerNoticeType() {
        NoticeRules rules = new NoticeRules();
        for (NoticeType type : NoticeType.values()) {
            assertThat(REMEDIES).as("remedy decision for " + type + " — add it to this table").containsKey(type);
            assertThat(rules.remedies(type)).as(type.name()).isEqualTo(REMEDIES.get(type));
            assertThat(rules.rule(type)).as("NoticeRules row for " + type).isPresent();
        }
        // Letters to a third party or another agency never carry the applicant's remedies.
        for (NoticeType type : NoticeType.values()) {
            if (!type.addressedToApplicant() && type != NoticeType.PUBLIC_INTEREST_DISCLOSURE) {
                assertThat(rules.remedies(type)).as(type.name()).isFalse();
            }
        }
    }

    @Test
    void remedyTypesAreConfigurableButAReplyAlwaysCarriesThem() {
        NoticeRules configured = new NoticeRules(List.of("EXTENSION", "FEE"));
        assertThat(configured.remedies(NoticeType.EXTENSION)).isTrue();
        assertThat(configured.remedies(NoticeType.ABANDONED)).isFalse();
        assertThat(configured.remedies(NoticeType.REPLY)).isTrue();
    }

    /** Every "第…条[第…款][第…项]" the text cites (the Regulation's; other laws are not cited in decisions). */
    static Set<String> citedArticles(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("第[一二三四五六七八九十]+条(第[一二三四五六七八九十]+款)?(第[一二三四五六七八九十]+项)?")
                .matcher(text);
        List<String> all = new ArrayList<>();
        while (m.find()) {
            all.add(m.group());
        }
        // "第二十九条第二款、第三十条" lists two articles; each match is one.
        found.addAll(all);
        return found;
    }
}
