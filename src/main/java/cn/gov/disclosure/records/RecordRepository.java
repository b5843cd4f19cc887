package cn.gov.disclosure.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables record_file, record_redaction, record_copy, release_approval, record_release (V34). */
@Repository
public class RecordRepository {

    /** The copy that would go out now. */
    public record Copy(long id, long recordId, String fileName, String mediaType, long sizeBytes, String sha256,
                Integer pages) {
    }

    /** A released file as the applicant sees it. */
    public record Release(long id, String caseNo, long noticeId, long copyId, int itemNo, String fileName, Integer pages,
                   String sha256, long sizeBytes, boolean byMail, Instant releasedAt, Instant expiresAt) {
    }

    public record Approval(long id, String fingerprint, String fileList, String approvedBy, Instant approvedAt) {
    }

    private final JdbcClient jdbc;

    RecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the case row, so two uploads to one case check the case limit one after the other. */
    boolean lockCase(String caseNo) {
        return !jdbc.sql("SELECT id FROM application_case WHERE case_no = ? FOR UPDATE").param(caseNo)
                .query(Long.class).list().isEmpty();
    }

    long storedBytes(String caseNo) {
        return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM record_file WHERE case_no = ? AND deleted_at IS NULL")
                .param(caseNo).query(Long.class).single();
    }

    long insertFile(String caseNo, int itemNo, String fileName, RecordKind kind, String mediaType, long size,
                    String sha256, Integer pages, boolean internalOnly, byte[] content, String actor, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO record_file (case_no, item_no, file_name, kind, media_type, size_bytes, sha256, pages,
                  internal_only, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(caseNo, itemNo, fileName, kind.name(), mediaType, size, sha256, pages, internalOnly,
                content, actor, Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<RecordFile> find(long id) {
        return jdbc.sql("SELECT * FROM record_file WHERE id = ? AND deleted_at IS NULL").param(id)
                .query(RecordRepository::file).optional();
    }

    List<RecordFile> forCase(String caseNo) {
        return jdbc.sql("SELECT * FROM record_file WHERE case_no = ? AND deleted_at IS NULL ORDER BY item_no, id")
                .param(caseNo).query(RecordRepository::file).list();
    }

    byte[] content(long id) {
        return jdbc.sql("SELECT content FROM record_file WHERE id = ?").param(id).query(byte[].class).single();
    }

    void markDeleted(long id, String actor, Instant at) {
        jdbc.sql("UPDATE record_file SET deleted_at = ?, deleted_by = ? WHERE id = ?")
                .params(Timestamp.from(at), actor, id).update();
    }

    void moveToItem(long id, int itemNo) {
        jdbc.sql("UPDATE record_file SET item_no = ? WHERE id = ?").params(itemNo, id).update();
    }

    void setWithheld(long id, String ground) {
        jdbc.sql("UPDATE record_file SET withheld_ground = ? WHERE id = ?").params(ground, id).update();
    }

    long insertCut(long recordId, int page, double x, double y, double w, double h, String foundText, String ground,
                   String actor, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO record_redaction (record_id, page_no, x, y, width, height, found_text, ground, created_by,
                  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(recordId, page, x, y, w, h, foundText, ground, actor, Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    List<Redaction> cuts(long recordId) {
        return jdbc.sql("SELECT * FROM record_redaction WHERE record_id = ? AND removed_at IS NULL ORDER BY page_no, id")
                .param(recordId).query(RecordRepository::cut).list();
    }

    Optional<Redaction> cut(long id) {
        return jdbc.sql("SELECT * FROM record_redaction WHERE id = ? AND removed_at IS NULL").param(id)
                .query(RecordRepository::cut).optional();
    }

    void removeCut(long id, String actor, Instant at) {
        jdbc.sql("UPDATE record_redaction SET removed_at = ?, removed_by = ? WHERE id = ?")
                .params(Timestamp.from(at), actor, id).update();
    }

    /** Stores a new current copy; older copies no release refers to are dropped. */
    long replaceCopy(long recordId, String fileName, String mediaType, byte[] content, String sha256, Integer pages,
                     Instant at) {
        jdbc.sql("UPDATE record_copy SET current_copy = FALSE WHERE record_id = ? AND current_copy = TRUE")
                .param(recordId).update();
        jdbc.sql("DELETE FROM record_copy WHERE record_id = ? AND current_copy = FALSE "
                + "AND id NOT IN (SELECT copy_id FROM record_release)").param(recordId).update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO record_copy (record_id, file_name, media_type, size_bytes, sha256, pages, content,
                  current_copy, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)
                """).params(recordId, fileName, mediaType, (long) content.length, sha256, pages, content,
                Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Copy> currentCopy(long recordId) {
        return jdbc.sql("SELECT id, record_id, file_name, media_type, size_bytes, sha256, pages FROM record_copy "
                        + "WHERE record_id = ? AND current_copy = TRUE").param(recordId)
                .query((rs, n) -> new Copy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getObject(7, Integer.class))).optional();
    }

    String copyMediaType(long copyId) {
        return jdbc.sql("SELECT media_type FROM record_copy WHERE id = ?").param(copyId).query(String.class).single();
    }

    byte[] copyContent(long copyId) {
        return jdbc.sql("SELECT content FROM record_copy WHERE id = ?").param(copyId).query(byte[].class).single();
    }

    Optional<Approval> validApproval(String caseNo) {
        return jdbc.sql("SELECT id, fingerprint, file_list, approved_by, approved_at FROM release_approval "
                        + "WHERE case_no = ? AND invalidated_at IS NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(caseNo).query((rs, n) -> new Approval(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).optional();
    }

    boolean everApproved(String caseNo) {
        return jdbc.sql("SELECT COUNT(*) FROM release_approval WHERE case_no = ?").param(caseNo).query(Long.class)
                .single() > 0;
    }

    void insertApproval(String caseNo, String fingerprint, String fileList, String actor, Instant at) {
        jdbc.sql("INSERT INTO release_approval (case_no, fingerprint, file_list, approved_by, approved_at) "
                + "VALUES (?, ?, ?, ?, ?)").params(caseNo, fingerprint, fileList, actor, Timestamp.from(at)).update();
    }

    int invalidateApprovals(String caseNo, String actor, Instant at) {
        return jdbc.sql("UPDATE release_approval SET invalidated_at = ?, invalidated_by = ? "
                + "WHERE case_no = ? AND invalidated_at IS NULL").params(Timestamp.from(at), actor, caseNo).update();
    }

    void insertRelease(String caseNo, long noticeId, Copy copy, int itemNo, boolean byMail, Instant at,
                       Instant expires) {
        jdbc.sql("""
                INSERT INTO record_release (case_no, notice_id, copy_id, item_no, file_name, pages, sha256,
                  size_bytes, by_mail, released_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(caseNo, noticeId, copy.id(), itemNo, copy.fileName(), copy.pages(), copy.sha256(),
                copy.sizeBytes(), byMail, Timestamp.from(at), Timestamp.from(expires)).update();
    }

    List<Release> releases(String caseNo) {
        return jdbc.sql("SELECT * FROM record_release WHERE case_no = ? ORDER BY id").param(caseNo)
                .query(RecordRepository::release).list();
    }

    List<Release> releasesOfNotice(long noticeId) {
        return jdbc.sql("SELECT * FROM record_release WHERE notice_id = ? ORDER BY id").param(noticeId)
                .query(RecordRepository::release).list();
    }

    Optional<Release> release(long id) {
        return jdbc.sql("SELECT * FROM record_release WHERE id = ?").param(id).query(RecordRepository::release)
                .optional();
    }

    private static RecordFile file(ResultSet rs, int n) throws SQLException {
        return new RecordFile(rs.getLong("id"), rs.getString("case_no"), rs.getInt("item_no"), rs.getString("file_name"),
                RecordKind.valueOf(rs.getString("kind")), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getObject("pages", Integer.class), rs.getBoolean("internal_only"),
                rs.getString("withheld_ground"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

    private static Redaction cut(ResultSet rs, int n) throws SQLException {
        return new Redaction(rs.getLong("id"), rs.getLong("record_id"), rs.getInt("page_no"), rs.getDouble("x"),
                rs.getDouble("y"), rs.getDouble("width"), rs.getDouble("height"), rs.getString("found_text"),
                rs.getString("ground"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static Release release(ResultSet rs, int n) throws SQLException {
        return new Release(rs.getLong("id"), rs.getString("case_no"), rs.getLong("notice_id"), rs.getLong("copy_id"),
                rs.getInt("item_no"), rs.getString("file_name"), rs.getObject("pages", Integer.class),
                rs.getString("sha256"), rs.getLong("size_bytes"), rs.getBoolean("by_mail"),
                rs.getTimestamp("released_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }
}
