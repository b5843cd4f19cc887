package cn.gov.disclosure.notice;

import cn.gov.disclosure.mail.AttachmentSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for {@code notice}: every notice is kept exactly as it was sent. */
@Repository
public class NoticeRepository implements AttachmentSource {

    private final JdbcClient jdbc;

    public NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static final String ISSUED = "ISSUED";
    public static final String DRAFT = "DRAFT";

    /** SQL list of the notice types the applicant may see (constants from the enum, no user input). */
    private static final String APPLICANT_TYPES = Arrays.stream(NoticeType.values())
            .filter(NoticeType::addressedToApplicant).map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));

    public long insert(long caseId, NoticeType type, String status, LocalDate issuedOn, Instant createdAt, byte[] pdf,
                       String sha256) {
        return insert(caseId, type, status, issuedOn, createdAt, pdf, sha256, null);
    }

    /** The same with the notice's 文号 (null for drafts). */
    public long insert(long caseId, NoticeType type, String status, LocalDate issuedOn, Instant createdAt, byte[] pdf,
                       String sha256, String docNumber) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notice (case_id, notice_type, title, status, issued_on, created_at, pdf, sha256, "
                        + "doc_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, type.name(), type.title(), status, issuedOn, Timestamp.from(createdAt), pdf, sha256,
                        docNumber)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * The notices the applicant received (drafts and letters to third parties or other agencies excluded),
     * oldest first.
     */
    public List<Notice> listForCase(long caseId) {
        return jdbc.sql("SELECT id, case_id, notice_type, title, issued_on FROM notice WHERE case_id = ? "
                        + "AND status = 'ISSUED' AND notice_type IN (" + APPLICANT_TYPES + ") ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new Notice(rs.getLong("id"), rs.getLong("case_id"), rs.getString("notice_type"),
                        rs.getString("title"), rs.getObject("issued_on", LocalDate.class)))
                .list();
    }

    /**
     * The PDF of an issued notice for the applicant, only if it belongs to the given case and is addressed to
     * the applicant; anything else is as absent as a missing notice.
     */
    /** The 文号 of a stored notice (null for drafts and notices issued before numbering). */
    public Optional<String> docNumber(long noticeId) {
        return jdbc.sql("SELECT doc_number FROM notice WHERE id = ?").param(noticeId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("doc_number"))).optional().flatMap(o -> o);
    }

    public Optional<byte[]> pdf(long caseId, long noticeId) {
        return jdbc.sql("SELECT pdf FROM notice WHERE id = ? AND case_id = ? AND status = 'ISSUED' "
                        + "AND notice_type IN (" + APPLICANT_TYPES + ")")
                .params(noticeId, caseId)
                .query((rs, n) -> rs.getBytes("pdf")).optional();
    }

    @Override
    public Optional<byte[]> pdf(long noticeId) {
        return jdbc.sql("SELECT pdf FROM notice WHERE id = ?").param(noticeId)
                .query((rs, n) -> rs.getBytes("pdf")).optional();
    }

    /** An issued notice as the verify page sees it: no personal data, only what identifies the act. */
    public record IssuedNotice(long id, String caseNo, String title, LocalDate issuedOn, Instant createdAt,
                               String sha256, byte[] pdf) {
    }

    /** The issued notice whose stored file has this SHA-256 (lower-case hex). */
    public Optional<IssuedNotice> findBySha256(String sha256) {
        return jdbc.sql(ISSUED_SELECT + "WHERE n.sha256 = ? AND n.status = 'ISSUED'")
                .param(sha256).query(NoticeRepository::issued).optional();
    }

    /** The same, only if it belongs to the case with this number (what is printed on the notice as 编号). */
    public Optional<IssuedNotice> findBySha256(String caseNo, String sha256) {
        return jdbc.sql(ISSUED_SELECT + "WHERE n.sha256 = ? AND c.case_no = ? AND n.status = 'ISSUED'")
                .params(sha256, caseNo).query(NoticeRepository::issued).optional();
    }

    private static final String ISSUED_SELECT = "SELECT n.id, c.case_no, n.title, n.issued_on, n.created_at, "
            + "n.sha256, n.pdf FROM notice n JOIN application_case c ON c.id = n.case_id ";

    private static IssuedNotice issued(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new IssuedNotice(rs.getLong("id"), rs.getString("case_no"), rs.getString("title"),
                rs.getObject("issued_on", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("sha256"), rs.getBytes("pdf"));
    }
}
