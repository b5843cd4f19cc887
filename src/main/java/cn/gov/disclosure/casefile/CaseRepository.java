package cn.gov.disclosure.casefile;

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

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;

/** SQL for {@code application_case} and {@code case_event}. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ApplicationCase c, String trackingCodeHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO application_case (case_no, tracking_code_hash, channel, received_on, applicant_type,
                  applicant_name, id_type, id_number, contact_person, phone, email, address, postal_code,
                  description, document_number, info_form, delivery, fee_waiver_reason, filled_in_by_staff,
                  status, due_on, created_at, created_by)
                VALUES (:caseNo, :hash, :channel, :receivedOn, :applicantType, :applicantName, :idType, :idNumber,
                  :contactPerson, :phone, :email, :address, :postalCode, :description, :documentNumber, :form,
                  :delivery, :feeWaiverReason, :filledInByStaff, :status, :dueOn, :createdAt, :createdBy)
                """)
                .param("caseNo", c.caseNo())
                .param("hash", trackingCodeHash)
                .param("channel", c.channel().name())
                .param("receivedOn", c.receivedOn())
                .param("applicantType", c.applicantType().name())
                .param("applicantName", c.applicantName())
                .param("idType", c.idType().name())
                .param("idNumber", c.idNumber())
                .param("contactPerson", c.contactPerson())
                .param("phone", c.phone())
                .param("email", c.email())
                .param("address", c.address())
                .param("postalCode", c.postalCode())
                .param("description", c.description())
                .param("documentNumber", c.documentNumber())
                .param("form", c.form().name())
                .param("delivery", c.delivery().name())
                .param("feeWaiverReason", c.feeWaiverReason())
                .param("filledInByStaff", c.filledInByStaff())
                .param("status", c.status().name())
                .param("dueOn", c.dueOn())
                .param("createdAt", Timestamp.from(c.createdAt()))
                .param("createdBy", c.createdBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ApplicationCase> findByCaseNo(String caseNo) {
        return jdbc.sql("SELECT * FROM application_case WHERE case_no = ?").param(caseNo)
                .query(CaseRepository::map).optional();
    }

    public String caseNoOf(long id) {
        return jdbc.sql("SELECT case_no FROM application_case WHERE id = ?").param(id).query(String.class).single();
    }

    public Optional<String> trackingCodeHash(String caseNo) {
        return jdbc.sql("SELECT tracking_code_hash FROM application_case WHERE case_no = ?").param(caseNo)
                .query(String.class).optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM application_case").query(Long.class).single();
    }

    public void updateStatus(long id, CaseStatus status) {
        jdbc.sql("UPDATE application_case SET status = ? WHERE id = ?").param(status.name()).param(id).update();
    }

    /** Clears the reply so that the new one is counted when it is made. */
    public void reopen(long id, LocalDate newDue) {
        jdbc.sql("UPDATE application_case SET reply_type = NULL, reply_reasons = NULL, primary_reason = NULL, "
                + "replied_on = NULL, due_on = ? WHERE id = ?").params(newDue, id).update();
    }

    public void updateDescription(long id, String description) {
        jdbc.sql("UPDATE application_case SET description = ? WHERE id = ?").params(description, id).update();
    }

    public void updateReply(long id, String replyType, String reasons, LocalDate repliedOn) {
        String primary = reasons == null ? null : reasons.split(",")[0];
        jdbc.sql("UPDATE application_case SET reply_type = ?, reply_reasons = ?, primary_reason = ?, replied_on = ? "
                        + "WHERE id = ?")
                .params(replyType, reasons, primary, repliedOn, id).update();
    }

    public void insertEvent(long caseId, Instant at, String actor, String type, String field, String oldValue,
                            String newValue, String note) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, occurred_at, actor, event_type, field, old_value, new_value, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, Timestamp.from(at), actor, type, field, oldValue, newValue, note).update();
    }

    /** The value a field had after its latest recorded change, if any. */
    public Optional<String> latestValue(long caseId, String field) {
        // A list, not a stream: the latest value may be null (a field cleared), which findFirst() cannot hold.
        List<String> values = jdbc.sql("SELECT new_value FROM case_event WHERE case_id = ? AND field = ? ORDER BY id DESC")
                .params(caseId, field).query(String.class).list();
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public List<CaseEvent> events(long caseId) {
        return jdbc.sql("SELECT * FROM case_event WHERE case_id = ? ORDER BY occurred_at, id").param(caseId)
                .query((rs, n) -> new CaseEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("event_type"), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getString("note")))
                .list();
    }

    private static ApplicationCase map(ResultSet rs, int rowNum) throws SQLException {
        return new ApplicationCase(
                rs.getLong("id"),
                rs.getString("case_no"),
                Channel.valueOf(rs.getString("channel")),
                rs.getObject("received_on", LocalDate.class),
                ApplicantType.valueOf(rs.getString("applicant_type")),
                rs.getString("applicant_name"),
                IdType.valueOf(rs.getString("id_type")),
                rs.getString("id_number"),
                rs.getString("contact_person"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("address"),
                rs.getString("postal_code"),
                rs.getString("description"),
                rs.getString("document_number"),
                InformationForm.valueOf(rs.getString("info_form")),
                Delivery.valueOf(rs.getString("delivery")),
                rs.getString("fee_waiver_reason"),
                rs.getBoolean("filled_in_by_staff"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("reply_type"),
                rs.getObject("replied_on", LocalDate.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
