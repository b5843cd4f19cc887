package cn.gov.disclosure.notice;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;

import cn.gov.disclosure.common.Texts;
import org.springframework.stereotype.Component;

/**
 * What each notice type must show, as one table that the renderer and {@link NoticeChecker} both read: whether
 * the notice carries the remedy paragraph, the articles it must cite, which model value is the request (or the
 * information) it quotes, and the values that must appear on it. A new {@link NoticeType} plugs in with one
 * {@code rule(…)} line below; until it has one it gets only the checks common to every notice, and
 * {@code NoticeRulesTest} fails.
 * <p>
 * Remedies (行政复议, 行政诉讼) belong on notices that are administrative acts deciding something for their addressee:
 * replies of every type, 视为放弃申请, the fee notice and the public-interest decision a third party may challenge.
 * They do not belong on the acknowledgment, on letters asking a third party or another agency for their opinion,
 * on the correction notice (最高人民法院关于审理政府信息公开行政案件若干问题的规定 Art. 2(1): a 补正 request that does
 * not affect the applicant's rights is not actionable), nor by default on the extension notice (a procedural step
 * of the same kind; the applicant's remedy lies against the reply or its absence). {@code disclosure.notice.remedy-types}
 * replaces this choice with a configured list of types.
 */
@Component
public class NoticeRules {

    /**
     * @param remedies     whether the remedy paragraph must be on the notice (else it must not be)
     * @param articles     articles of the Regulation the notice must cite (replies add their catalogue's)
     * @param requestKey   model key of the request or the information quoted
     * @param requiredKeys model keys whose values must be given and appear on the notice
     * @param optionalKeys model keys whose values, when given, must appear on the notice
     * @param forbidden    wording that must not appear on the notice (e.g. a promise that does not apply)
     */
    public record Rule(boolean remedies, List<String> articles, String requestKey, List<String> requiredKeys,
                       List<String> optionalKeys, List<String> forbidden) {

        public Rule {
            forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
        }
    }

    /** The model key every notice to the applicant quotes the request from. */
    public static final String REQUEST = "request";

    /**
     * Model key of the reply given at the counter (当场答复, Art. 33(1)); an acknowledgment that carries it follows
     * {@link #ACKNOWLEDGMENT_ON_THE_SPOT} instead of the row of {@link NoticeType#ACKNOWLEDGMENT}.
     */
    public static final String ON_THE_SPOT_REPLY = "onSpotReply";

    private static final Map<NoticeType, Rule> DEFAULTS = new EnumMap<>(NoticeType.class);

    /**
     * The acknowledgment of an application answered on the spot: it states that reply (Art. 33(1)) and must not
     * promise a reply within twenty working days (Art. 33(2)), nor announce that consultation time is not counted.
     */
    private static final Rule ACKNOWLEDGMENT_ON_THE_SPOT = new Rule(true, articles("ACKNOWLEDGMENT_ON_THE_SPOT"),
            REQUEST, List.of("receivedOnText", ON_THE_SPOT_REPLY), List.of("trackingCode", "onSpotTypeLabel"),
            articles("ACKNOWLEDGMENT_ON_THE_SPOT.forbidden"));

    static {
        // Art. 33(2): the reply period; Art. 33(3) (not Arts. 32/34) is why consultation time is not counted.
        rule(NoticeType.ACKNOWLEDGMENT, false, articles("ACKNOWLEDGMENT"), REQUEST,
                List.of("receivedOnText", "dueOnText"), List.of("trackingCode"));
        rule(NoticeType.CORRECTION, false, articles("CORRECTION"), REQUEST,
                List.of("items", "correctByText"), List.of());
        rule(NoticeType.ABANDONED, true, articles("ABANDONED"), REQUEST,
                List.of("correctionNoticeText", "correctByText"), List.of());
        rule(NoticeType.EXTENSION, false, articles("EXTENSION"), REQUEST,
                List.of("extensionDays", "dueOnText"), List.of("reason"));
        rule(NoticeType.THIRD_PARTY_CONSULTATION, false, articles("THIRD_PARTY_CONSULTATION"), "informationConcerned",
                List.of("addressee", "answerByText"), List.of());
        rule(NoticeType.AGENCY_CONSULTATION, false, articles("AGENCY_CONSULTATION"), "informationConcerned",
                List.of("addressee", "answerByText"), List.of());
        rule(NoticeType.PUBLIC_INTEREST_DISCLOSURE, true, articles("PUBLIC_INTEREST_DISCLOSURE"), "informationConcerned",
                List.of("addressee", "reason"), List.of());
        rule(NoticeType.FEE, true, articles("FEE"), REQUEST,
                List.of("methodLabel", "basis", "rate", "amount", "payByText", "paymentInstructions"), List.of());
        // Art. 35 steps: asking for reasons is not itself a decision on the application; a deferral moves the
        // reply date like an extension does, and the remedy lies against the reply or its absence.
        rule(NoticeType.REASONS_REQUEST, false, articles("REASONS_REQUEST"), REQUEST,
                List.of("items", "reasonsByText"), List.of());
        rule(NoticeType.DEFERRAL, false, articles("DEFERRAL"), REQUEST, List.of("deferralDays", "dueOnText"), List.of());
        // Replies: the articles, decision and grounds come from the reply catalogue (NoticeChecker.replyChecks).
        rule(NoticeType.REPLY, true, articles("REPLY"), REQUEST, List.of(),
                List.of("details", "referralAgency", "referralContact", "searchDescription", "searchSummary"));
        // No appeal-related NoticeType: the system issues no notice in an appeal. What the agency sends there — the
        // 行政复议答复书 with its evidence (行政复议法 Art. 48), the 答辩状 in a lawsuit (行政诉讼法 Art. 67) — goes to
        // the reconsideration body or the court, is drafted outside the system, and is only registered: appeal.bpmn's
        // task 提交书面答复和证据 records that it was submitted (answerNotes) within its deadline, and the appeal row
        // its dates and outcome (appeal/AppealService). A correcting decision leads to a new reply, checked as a
        // REPLY. A notice type the system comes to issue in an appeal gets its row here.
    }

    /** The articles a type must cite, from {@code notice.rules.articles.<TYPE>} (comma-separated; empty for none). */
    private static List<String> articles(String type) {
        String list = Texts.get("notice.rules.articles." + type);
        return list.isBlank() ? List.of() : List.of(list.split(","));
    }

    private static void rule(NoticeType type, boolean remedies, List<String> articles, String requestKey,
                             List<String> requiredKeys, List<String> optionalKeys) {
        DEFAULTS.put(type, new Rule(remedies, articles, requestKey, requiredKeys, optionalKeys, List.of()));
    }

    private final Set<NoticeType> remedyTypes;

    public NoticeRules(@Value("${disclosure.notice.remedy-types:}") List<String> configured) {
        Set<NoticeType> types = EnumSet.noneOf(NoticeType.class);
        if (configured == null || configured.stream().allMatch(String::isBlank)) {
            DEFAULTS.forEach((t, r) -> {
                if (r.remedies()) {
                    types.add(t);
                }
            });
        } else {
            configured.stream().filter(s -> !s.isBlank()).map(String::strip).map(NoticeType::valueOf).forEach(types::add);
        }
        // A reply is always an administrative act: it never goes out without the remedies.
        types.add(NoticeType.REPLY);
        this.remedyTypes = types;
    }

    /** The default table (without configuration), for tests. */
    public NoticeRules() {
        this(List.of());
    }

    /** The rule of {@code type}, if it has one. */
    public Optional<Rule> rule(NoticeType type) {
        return Optional.ofNullable(DEFAULTS.get(type)).map(r -> withRemedies(type, r));
    }

    /** The rule of a notice rendered from {@code model}: an acknowledgment of a reply given on the spot has its own. */
    public Optional<Rule> rule(NoticeType type, Map<String, Object> model) {
        if (type == NoticeType.ACKNOWLEDGMENT && model != null && model.get(ON_THE_SPOT_REPLY) != null) {
            // The only written form of a reply given at the counter, an administrative act like any reply: it
            // always tells the applicant how to challenge it (Art. 51), whatever the acknowledgment's own row says.
            return Optional.of(ACKNOWLEDGMENT_ON_THE_SPOT);
        }
        return rule(type);
    }

    private Rule withRemedies(NoticeType type, Rule r) {
        return new Rule(remedies(type), r.articles(), r.requestKey(), r.requiredKeys(), r.optionalKeys(), r.forbidden());
    }

    /** Whether a notice of this type carries the remedy paragraph. */
    public boolean remedies(NoticeType type) {
        return remedyTypes.contains(type);
    }
}
