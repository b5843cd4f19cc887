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

    public long insert(long caseId, NoticeType type, String status, LocalDate issuedOn, Instant createdAt, byte[] pdf) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notice (case_id, notice_type, title, status, issued_on, created_at, pdf) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, type.name(), type.title(), status, issuedOn, Timestamp.from(createdAt), pdf)
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
}
