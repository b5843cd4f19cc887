package cn.gov.disclosure.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for {@code consultation}. */
@Repository
public class ConsultationRepository {

    private final JdbcClient jdbc;

    public ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long caseId, String kind, String code, String name, String email, String address,
                       String information, LocalDate sentOn, LocalDate answerBy, String tokenHash,
                       LocalDate receivedOn, LetterReceipt source) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO consultation (case_id, party_kind, party_code, party_name, party_email, party_address,
                  information, sent_on, answer_by, token_hash, letter_received_on, receipt_source)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(caseId, kind, code, name, email, address, information, sentOn, answerBy, tokenHash,
                        receivedOn, source.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Moves the receipt and answer day of a consultation not yet answered; false if it was answered meanwhile. */
    public boolean recordReceipt(long id, LocalDate receivedOn, LetterReceipt source, LocalDate answerBy) {
        return jdbc.sql("UPDATE consultation SET letter_received_on = ?, receipt_source = ?, answer_by = ? "
                        + "WHERE id = ? AND outcome IS NULL")
                .params(receivedOn, source.name(), answerBy, id).update() == 1;
    }

    public Optional<Consultation> find(long id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ?").param(id).query(ConsultationRepository::map)
                .optional();
    }

    /** The consultation whose letter is this notice, if any. */
    public Optional<Consultation> findByNotice(long noticeId) {
        return jdbc.sql("SELECT * FROM consultation WHERE notice_id = ?").param(noticeId)
                .query(ConsultationRepository::map).optional();
    }

    public Optional<Consultation> findByTokenHash(String hash) {
        return jdbc.sql("SELECT * FROM consultation WHERE token_hash = ?").param(hash)
                .query(ConsultationRepository::map).optional();
    }

    public List<Consultation> forCase(long caseId) {
        return jdbc.sql("SELECT * FROM consultation WHERE case_id = ? ORDER BY id").param(caseId)
                .query(ConsultationRepository::map).list();
    }

    public void attachNotice(long id, long noticeId) {
        jdbc.sql("UPDATE consultation SET notice_id = ? WHERE id = ?").params(noticeId, id).update();
    }

    /** Records the answer once: false if the consultation was already answered. */
    public boolean recordAnswer(long id, ConsultationOutcome outcome, String opinion, Instant at, String by,
                                boolean throughLink) {
        return jdbc.sql("UPDATE consultation SET outcome = ?, opinion = ?, answered_at = ?, answered_by = ?, "
                        + "token_used_at = CASE WHEN ? THEN ? ELSE token_used_at END "
                        + "WHERE id = ? AND outcome IS NULL")
                .params(outcome.name(), opinion, Timestamp.from(at), by, throughLink, Timestamp.from(at), id)
                .update() == 1;
    }

    private static Consultation map(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new Consultation(rs.getLong("id"), rs.getLong("case_id"), rs.getString("party_kind"),
                rs.getString("party_code"), rs.getString("party_name"), rs.getString("party_email"),
                rs.getString("party_address"), rs.getString("information"),
                rs.getObject("sent_on", LocalDate.class), rs.getObject("answer_by", LocalDate.class),
                outcome == null ? null : ConsultationOutcome.valueOf(outcome), rs.getString("opinion"),
                answeredAt == null ? null : answeredAt.toInstant(), rs.getString("answered_by"),
                rs.getTimestamp("token_used_at") != null, rs.getObject("letter_received_on", LocalDate.class),
                rs.getString("receipt_source") == null ? null : LetterReceipt.valueOf(rs.getString("receipt_source")));
    }
}
