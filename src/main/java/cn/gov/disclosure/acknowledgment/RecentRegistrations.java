package cn.gov.disclosure.acknowledgment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.Channel;

/**
 * The cases one member of staff registered lately (letters, faxes, walk-ins, the API as staff), newest first, for
 * the page of their receipts: whatever way the case went on (补正 first, 当场答复 straight to 归档), the clerk finds
 * the 受理回执 to hand over or post. Only the clerk's own registrations, within
 * {@code disclosure.receipts.recent-days} (7) and at most {@code disclosure.receipts.recent-max} (50) rows.
 */
@Repository
public class RecentRegistrations {

    /** One registration; {@code issued}: the receipt exists already (false: it is issued when first opened). */
    public record Registration(String caseNo, LocalDate receivedOn, Channel channel, String applicantName,
                               Instant registeredAt, boolean issued) {

        public String channelLabel() {
            return channel.label();
        }

        public String receiptUrl() {
            return ReceiptController.receiptUrl(caseNo);
        }

        /** When it was registered, Beijing time, to the minute. */
        public String registeredAtText() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(registeredAt.atZone(CalendarConfiguration.CHINA));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int days;
    private final int max;

    RecentRegistrations(JdbcClient jdbc, Clock clock,
                        @Value("${disclosure.receipts.recent-days:7}") int days,
                        @Value("${disclosure.receipts.recent-max:50}") int max) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.days = days;
        this.max = max;
    }

    public int days() {
        return days;
    }

    public List<Registration> by(String actor) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return jdbc.sql("""
                        SELECT c.case_no, c.received_on, c.channel, c.applicant_name, c.created_at,
                          EXISTS (SELECT 1 FROM notice n WHERE n.case_id = c.id AND n.notice_type = 'ACKNOWLEDGMENT'
                                  AND n.status = 'ISSUED') AS issued
                        FROM application_case c WHERE c.created_by = ? AND c.created_at >= ?
                        ORDER BY c.created_at DESC, c.id DESC LIMIT ?""")
                .params(actor, Timestamp.from(since), max)
                .query((rs, n) -> new Registration(rs.getString(1), rs.getObject(2, LocalDate.class),
                        Channel.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6)))
                .list();
    }
}
