package cn.gov.disclosure.delivery;

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

/** SQL for {@code delivery}. Status changes are guarded by the expected status, so a double submit changes once. */
@Repository
public class DeliveryRepository {

    private final JdbcClient jdbc;

    public DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long caseId, long noticeId, String addressee, DeliveryChannel channel, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO delivery (case_id, notice_id, addressee, channel, status, presumed, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, 'PENDING', FALSE, ?, ?)")
                .params(caseId, noticeId, addressee, channel.name(), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<DeliveryRecord> find(long id) {
        return jdbc.sql("SELECT * FROM delivery WHERE id = ?").param(id).query(DeliveryRepository::map).optional();
    }

    public List<DeliveryRecord> forNotice(long noticeId) {
        return jdbc.sql("SELECT * FROM delivery WHERE notice_id = ? ORDER BY id").param(noticeId)
                .query(DeliveryRepository::map).list();
    }

    public List<DeliveryRecord> forCase(long caseId) {
        return jdbc.sql("SELECT * FROM delivery WHERE case_id = ? ORDER BY id").param(caseId)
                .query(DeliveryRepository::map).list();
    }

    /** The e-mail attempt still waiting for the outbox, if any. */
    public Optional<DeliveryRecord> pendingEmail(long noticeId) {
        return jdbc.sql("SELECT * FROM delivery WHERE notice_id = ? AND channel = 'EMAIL' AND status = 'PENDING' "
                + "ORDER BY id FETCH FIRST 1 ROWS ONLY").param(noticeId).query(DeliveryRepository::map).optional();
    }

    public boolean markSent(long id, DeliveryStatus expected, Instant sentAt, String registeredNo, String appointment,
                            Instant now) {
        return jdbc.sql("UPDATE delivery SET status = 'SENT', sent_at = ?, registered_no = ?, appointment = ?, "
                        + "updated_at = ? WHERE id = ? AND status = ?")
                .params(Timestamp.from(sentAt), registeredNo, appointment, Timestamp.from(now), id, expected.name())
                .update() == 1;
    }

    public boolean markDelivered(long id, DeliveryStatus expected, LocalDate deliveredOn, boolean presumed,
                                 String evidence, Instant sentAtIfUnset, Instant now) {
        return jdbc.sql("UPDATE delivery SET status = 'DELIVERED', delivered_on = ?, presumed = ?, evidence = ?, "
                        + "sent_at = COALESCE(sent_at, ?), updated_at = ? WHERE id = ? AND status = ?")
                .params(deliveredOn, presumed, evidence, Timestamp.from(sentAtIfUnset), Timestamp.from(now), id,
                        expected.name())
                .update() == 1;
    }

    /** A presumed delivery proven after all: the return receipt came back late. */
    public boolean replacePresumption(long id, LocalDate deliveredOn, String evidence, Instant now) {
        return jdbc.sql("UPDATE delivery SET delivered_on = ?, presumed = FALSE, evidence = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'DELIVERED' AND presumed = TRUE")
                .params(deliveredOn, evidence, Timestamp.from(now), id).update() == 1;
    }

    public boolean markFailed(long id, String evidence, Instant now) {
        return jdbc.sql("UPDATE delivery SET status = 'FAILED', evidence = ?, updated_at = ? "
                        + "WHERE id = ? AND status IN ('PENDING', 'SENT')")
                .params(evidence, Timestamp.from(now), id).update() == 1;
    }

    /** Collection becomes viewing (or back) when the appointment says so. */
    public void changeChannel(long id, DeliveryChannel channel) {
        jdbc.sql("UPDATE delivery SET channel = ? WHERE id = ?").params(channel.name(), id).update();
    }

    public String noticeType(long noticeId) {
        return jdbc.sql("SELECT notice_type FROM notice WHERE id = ?").param(noticeId).query(String.class).single();
    }

    public String noticeTitle(long noticeId) {
        return jdbc.sql("SELECT title FROM notice WHERE id = ?").param(noticeId).query(String.class).single();
    }

    private static DeliveryRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new DeliveryRecord(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("notice_id"),
                rs.getString("addressee"), DeliveryChannel.valueOf(rs.getString("channel")),
                DeliveryStatus.valueOf(rs.getString("status")), sent == null ? null : sent.toInstant(),
                rs.getString("registered_no"), rs.getString("appointment"),
                rs.getObject("delivered_on", LocalDate.class), rs.getBoolean("presumed"), rs.getString("evidence"),
                rs.getTimestamp("created_at").toInstant());
    }
}
