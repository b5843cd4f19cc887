package cn.gov.disclosure.repeats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;

/**
 * Art. 36(6) repeat applications: finds the applicant's earlier answered applications whose request reads alike
 * (same identity number; character-bigram similarity of the descriptions at least
 * {@code disclosure.repeat.similarity}), lets the clerk link the case to one, and words the reply's reference to
 * the earlier case and its reply. The clerk decides; similarity only proposes.
 */
@Service
public class RepeatApplications {

    /** An earlier answered application of the same applicant. */
    public record Candidate(String caseNo, LocalDate receivedOn, String description, String replyType,
                            LocalDate repliedOn, double similarity) {
    }

    private final JdbcClient jdbc;
    private final CaseFileService caseFiles;
    private final Clock clock;
    private final double threshold;

    public RepeatApplications(JdbcClient jdbc, CaseFileService caseFiles, Clock clock,
                              @Value("${disclosure.repeat.similarity:0.6}") double threshold) {
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** The likely earlier applications, most similar first (at most five). */
    public List<Candidate> candidates(String caseNo) {
        ApplicationCase c = caseFiles.get(caseNo);
        List<Candidate> found = new ArrayList<>();
        jdbc.sql("""
                SELECT case_no, received_on, description, reply_type, replied_on FROM application_case
                WHERE id_type = ? AND id_number = ? AND id <> ? AND replied_on IS NOT NULL AND received_on <= ?
                """).params(c.idType().name(), c.idNumber(), c.id(), c.receivedOn())
                .query((rs, i) -> {
                    double sim = similarity(c.description(), rs.getString("description"));
                    if (sim >= threshold) {
                        found.add(new Candidate(rs.getString("case_no"), rs.getDate("received_on").toLocalDate(),
                                rs.getString("description"), rs.getString("reply_type"),
                                rs.getDate("replied_on").toLocalDate(), sim));
                    }
                    return null;
                }).list();
        found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return found.size() > 5 ? found.subList(0, 5) : found;
    }

    /** Dice coefficient of the two texts' character bigrams (whitespace and punctuation ignored). */
    static double similarity(String a, String b) {
        Map<String, Integer> x = bigrams(a);
        Map<String, Integer> y = bigrams(b);
        int total = x.values().stream().mapToInt(Integer::intValue).sum()
                + y.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return 0;
        }
        int common = 0;
        for (var e : x.entrySet()) {
            common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * common / total;
    }

    private static Map<String, Integer> bigrams(String s) {
        String t = s == null ? "" : s.replaceAll("[\\s\\p{P}]", "");
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            m.merge(t.substring(i, i + 2), 1, Integer::sum);
        }
        return m;
    }

    /**
     * The clerk's link to the earlier case (reply type 重复申请): it must be an earlier answered application of the
     * same applicant. Returns the sentence the reply states about it.
     */
    @Transactional
    public String link(String caseNo, String earlierCaseNo, String actor) {
        String earlierNo = earlierCaseNo == null || earlierCaseNo.isBlank() ? null : earlierCaseNo.strip();
        if (earlierNo == null) {
            throw new InvalidInputException(FieldError.of("earlierCaseNo", "repeats.earlier.required"));
        }
        ApplicationCase c = caseFiles.get(caseNo);
        ApplicationCase earlier = caseFiles.find(earlierNo).orElse(null);
        if (earlier == null || earlier.id() == c.id() || earlier.repliedOn() == null
                || earlier.receivedOn().isAfter(c.receivedOn()) || earlier.idType() != c.idType()
                || !earlier.idNumber().equals(c.idNumber())) {
            throw new InvalidInputException(FieldError.of("earlierCaseNo", "repeats.earlier.invalid", earlierNo));
        }
        jdbc.sql("DELETE FROM repeat_link WHERE case_id = ?").param(c.id()).update();
        jdbc.sql("INSERT INTO repeat_link (case_id, earlier_case_id, linked_by, linked_at) VALUES (?, ?, ?, ?)")
                .params(c.id(), earlier.id(), actor, Timestamp.from(clock.instant())).update();
        caseFiles.recordChange(caseNo, "REPEAT_LINKED", "earlierCaseNo", earlierNo, actor,
                Texts.get("repeats.event.linked", earlierNo));
        return Texts.get("repeats.reference", earlier.receivedOn(), earlierNo, earlier.repliedOn());
    }
}
