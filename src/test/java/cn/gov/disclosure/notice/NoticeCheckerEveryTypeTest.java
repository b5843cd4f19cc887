package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Issue 14 item 10: the checker rejects a deliberately broken sample of every notice type, one test per type and
 * defect class. Each sample goes through the real issuing path; only its filled HTML is broken on the way to the
 * renderer, and the refused notice is neither stored nor does it keep its 文号.
 */
class NoticeCheckerEveryTypeTest extends IntegrationTest {

    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired NoticeRules rules;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void unbreak() {
        notices.breakHtmlForTests(null);
    }

    /** A defect: how it breaks the HTML (null when it does not apply to the sample) and what the checker says. */
    enum Defect {
        NO_DOC_NUMBER("中缺少文号"),
        NO_SEAL("中缺少发文机关印章"),
        NO_DATE_UNDER_ISSUER("中缺少发文机关署名下的成文日期"),
        NO_ISSUER("中缺少发文机关名称"),
        NO_CASE_NUMBER("中缺少案件编号"),
        NO_REQUEST_QUOTED("中缺少所申请（或所涉及）的政府信息"),
        NO_ARTICLE("中缺少法律依据"),
        NO_REQUIRED_VALUE("中缺少"),
        NO_REMEDY_BODY("中缺少行政复议机关名称"),
        NO_REMEDY_LIMIT("中缺少申请行政复议的期限（六十日）"),
        REMEDIES_WHERE_NONE_BELONG("不应载明申请行政复议、提起行政诉讼的途径"),
        NO_RECONSIDERATION_FIRST("中缺少不予公开须先申请行政复议的告知（行政复议法第二十三条）"),
        NO_DECISION("的处理决定"),
        NO_GROUND_ARTICLE("中缺少不予公开理由的依据"),
        NO_REFERRAL_AGENCY("中缺少负责公开的机关名称"),
        /** 本机关不掌握 (Art. 36(4)) with its search description (检索情况) removed. */
        NO_SEARCH_DESCRIPTION("中缺少检索情况");

        final String says;

        Defect(String says) {
            this.says = says;
        }
    }

    static List<Arguments> samplesAndDefects() {
        List<Arguments> all = new ArrayList<>();
        NoticeRules rules = new NoticeRules();
        ReplyCatalogue catalogue = new ReplyCatalogue();
        for (NoticeSamples.Sample s : NoticeSamples.all()) {
            ReplyCatalogue.ReplyType reply = s.replyType() == null ? null : catalogue.require(s.replyType());
            for (Defect d : Defect.values()) {
                boolean applies = switch (d) {
                    case NO_REQUIRED_VALUE -> !rules.rule(s.type()).orElseThrow().requiredKeys().isEmpty();
                    case NO_ARTICLE -> reply != null ? !reply.articles().isEmpty()
                            : !rules.rule(s.type()).orElseThrow().articles().isEmpty();
                    case NO_REMEDY_BODY, NO_REMEDY_LIMIT -> rules.remedies(s.type());
                    case REMEDIES_WHERE_NONE_BELONG -> !rules.remedies(s.type());
                    case NO_RECONSIDERATION_FIRST -> reply != null && reply.reconsiderationFirst();
                    case NO_DECISION -> reply != null;
                    case NO_GROUND_ARTICLE -> reply != null && reply.reasonsRequired();
                    case NO_REFERRAL_AGENCY -> reply != null && reply.referral();
                    case NO_SEARCH_DESCRIPTION -> reply != null && "NOT_HELD".equals(reply.code());
                    default -> true;
                };
                if (applies) {
                    all.add(Arguments.of(s, d));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samplesAndDefects")
    void theCheckerRefusesTheBrokenSample(NoticeSamples.Sample sample, Defect defect) {
        ApplicationCase c = caseFiles.get(intake.submit(TestApplications.online("某项目的立项批复文件及其附件"),
                "applicant", false).caseNo());
        long stored = count(c);
        long held = heldNumbers();
        notices.breakHtmlForTests(breaker(sample, defect));
        assertThatThrownBy(() -> NoticeSamples.issue(notices, sample, c.caseNo()))
                .isInstanceOf(NoticeIncompleteException.class)
                .satisfies(e -> assertThat(((NoticeIncompleteException) e).problems())
                        .as("problems").anyMatch(p -> p.contains(defect.says)));
        assertThat(count(c)).as("nothing stored").isEqualTo(stored);
        // The number the refused notice held is free again: the next notice of the year takes it, no gap. (Other
        // tests of the shared database may leave numbers held under their lease; this one adds none.)
        notices.breakHtmlForTests(null);
        assertThat(heldNumbers()).as("numbers held without a notice").isLessThanOrEqualTo(held);
    }

    private long heldNumbers() {
        return jdbc.sql("SELECT COUNT(*) FROM notice_number WHERE notice_id IS NULL AND reserved_until > ?")
                .param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600 * 24 * 365)))
                .query(Long.class).single();
    }

    private long count(ApplicationCase c) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE case_id = ?").param(c.id()).query(Long.class).single();
    }

    private BiFunction<Map<String, Object>, String, String> breaker(NoticeSamples.Sample s, Defect d) {
        return (m, html) -> {
            ApplicationCase c = (ApplicationCase) m.get("c");
            AgencyProfile agency = (AgencyProfile) m.get("agency");
            NoticeRules.Rule rule = rules.rule(s.type()).orElseThrow();
            ReplyCatalogue.ReplyType reply = (ReplyCatalogue.ReplyType) m.get("type");
            return switch (d) {
                case NO_DOC_NUMBER -> inText(html, (String) m.get("docNumber"), "");
                case NO_SEAL -> html.replaceAll("<img class=\"seal\"[^>]*>", "");
                case NO_DATE_UNDER_ISSUER -> html.replaceFirst("(<div class=\"signer\">\\s*<p>[^<]*</p>\\s*)<p>[^<]*</p>", "$1");
                case NO_ISSUER -> inText(html, agency.name(), "本机关");
                case NO_CASE_NUMBER -> inText(html, c.caseNo(), "");
                case NO_REQUEST_QUOTED -> inText(html, String.valueOf(m.get(rule.requestKey())), "（略）");
                case NO_ARTICLE -> inText(html, reply != null ? reply.articles().get(0).replace("《条例》", "")
                        : rule.articles().get(0), "有关规定");
                case NO_REQUIRED_VALUE -> inText(html, String.valueOf(m.get(rule.requiredKeys().get(0))), "");
                case NO_REMEDY_BODY -> inText(html, agency.reconsiderationBody().name(), "有关机关");
                case NO_REMEDY_LIMIT -> inText(html, "六十日", "法定期限");
                case REMEDIES_WHERE_NONE_BELONG -> html.replace("<div class=\"sign-off\"",
                        "<p>如不服本告知，可以申请行政复议，也可以提起行政诉讼。</p><div class=\"sign-off\"");
                case NO_RECONSIDERATION_FIRST -> inText(html, "应当先申请行政复议", "可以申请行政复议");
                case NO_DECISION -> inText(html, reply.decision(), "现答复如下。");
                case NO_GROUND_ARTICLE -> inText(html, "第十四条", "有关条款");
                case NO_REFERRAL_AGENCY -> inText(html, (String) m.get("referralAgency"), "有关机关");
                case NO_SEARCH_DESCRIPTION -> inText(html, (String) m.get("searchSummary"), "");
            };
        };
    }

    /** Replaces {@code needle} only in text between tags (never in an attribute such as the seal's data URI). */
    static String inText(String html, String needle, String replacement) {
        assertThat(needle).as("value to break").isNotBlank();
        Matcher m = Pattern.compile(">([^<]*)<").matcher(html);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        while (m.find()) {
            String text = m.group(1);
            if (text.contains(needle)) {
                found = true;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(">" + text.replace(needle, replacement) + "<"));
        }
        m.appendTail(out);
        assertThat(found).as("the sample shows " + needle).isTrue();
        return out.toString();
    }
}
