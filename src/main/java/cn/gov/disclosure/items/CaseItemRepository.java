package cn.gov.disclosure.items;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code case_item}. */
@Repository
class CaseItemRepository {

    private final JdbcClient jdbc;

    CaseItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long caseId, int no, String description, String documentNumber, List<Integer> derivedFrom,
                Instant now) {
        jdbc.sql("""
                INSERT INTO case_item (case_id, item_no, description, document_number, state, derived_from, created_at)
                VALUES (?, ?, ?, ?, 'OPEN', ?, ?)
                """)
                .params(caseId, no, description, documentNumber, join(derivedFrom), Timestamp.from(now)).update();
    }

    List<CaseItem> list(long caseId, String caseNo) {
        return jdbc.sql("SELECT * FROM case_item WHERE case_id = ? ORDER BY item_no").param(caseId)
                .query((rs, n) -> map(rs, caseNo)).list();
    }

    /** Locks the case's items for a split or merge, so two clerks cannot hand out the same new number. */
    void lockCase(long caseId) {
        jdbc.sql("SELECT id FROM application_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).list();
    }

    void retire(long caseId, int no, ItemState state, List<Integer> replacedBy) {
        jdbc.sql("UPDATE case_item SET state = ?, replaced_by = ? WHERE case_id = ? AND item_no = ?")
                .params(state.name(), join(replacedBy), caseId, no).update();
    }

    void updateDescription(long caseId, int no, String description) {
        jdbc.sql("UPDATE case_item SET description = ? WHERE case_id = ? AND item_no = ?")
                .params(description, caseId, no).update();
    }

    void decide(long caseId, int no, ItemDecision d) {
        jdbc.sql("""
                UPDATE case_item SET reply_type = ?, reply_reasons = ?, reasoning = ?, details = ?, referral_agency = ?,
                  referral_contact = ?, decided_by = ?, decided_at = ? WHERE case_id = ? AND item_no = ?
                """)
                .params(d.replyType(), d.reasonCodes().isEmpty() ? null : String.join(",", d.reasonCodes()),
                        d.reasoning(), d.details(), d.referralAgency(), d.referralContact(), d.decidedBy(),
                        d.decidedAt() == null ? null : Timestamp.from(d.decidedAt()), caseId, no)
                .update();
    }

    void recordSearch(long caseId, int no, SearchRecord s) {
        jdbc.sql("""
                UPDATE case_item SET search_places = ?, search_keywords = ?, searched_on = ?, searched_by = ?
                WHERE case_id = ? AND item_no = ?
                """)
                .params(s.places(), s.keywords(), s.searchedOn(), s.searchedBy(), caseId, no).update();
    }

    private static CaseItem map(ResultSet rs, String caseNo) throws SQLException {
        String type = rs.getString("reply_type");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        ItemDecision decision = type == null ? null : new ItemDecision(type, split(rs.getString("reply_reasons")),
                rs.getString("reasoning"), rs.getString("details"), rs.getString("referral_agency"),
                rs.getString("referral_contact"), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant());
        String places = rs.getString("search_places");
        String keywords = rs.getString("search_keywords");
        LocalDate on = rs.getObject("searched_on", LocalDate.class);
        String by = rs.getString("searched_by");
        SearchRecord search = places == null && keywords == null && on == null && by == null ? null
                : new SearchRecord(places, keywords, on, by);
        return new CaseItem(caseNo, rs.getInt("item_no"), rs.getString("description"),
                rs.getString("document_number"), ItemState.valueOf(rs.getString("state")),
                numbers(rs.getString("replaced_by")), numbers(rs.getString("derived_from")), decision, search);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static List<Integer> numbers(String csv) {
        return split(csv).stream().map(String::strip).map(Integer::valueOf).toList();
    }

    private static String join(List<Integer> numbers) {
        return numbers == null || numbers.isEmpty() ? null
                : numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
