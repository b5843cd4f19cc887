package cn.gov.disclosure.report;

import cn.gov.disclosure.common.Texts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.notice.ReplyCatalogue;

/**
 * Computes the annual report in the database with a few GROUP BY queries (no case is loaded into memory).
 * Counting rules (README): a case is new in the year it was received; it is handled in the year it was
 * answered (the reply date), counted once under its reply type — a refusal under its first withholding
 * reason in the catalogue's order, a partial disclosure only as 部分公开; it is carried forward when received
 * by 31 December and not answered by then. So 一 + 二 = 三（七） + 四 in every column.
 */
@Service
public class AnnualReportService {

    private static final Logger log = LoggerFactory.getLogger(AnnualReportService.class);
    static final String TOTAL = "TOTAL";

    private final JdbcClient jdbc;
    private final ReplyCatalogue catalogue;
    private final ObjectMapper json;
    private final Clock clock;

    public AnnualReportService(JdbcClient jdbc, ReplyCatalogue catalogue, ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** A year's published figures once published (the lock), otherwise the figures as they stand today. */
    public AnnualReport report(int year) {
        return published(year).map(Publication::figures).orElseGet(() -> live(year));
    }

    /** What was published for a year, when and by whom. */
    public record Publication(int year, Instant publishedAt, String publishedBy, AnnualReport figures) {
    }

    public Optional<Publication> published(int year) {
        return jdbc.sql("SELECT published_at, published_by, figures FROM annual_report_publication WHERE report_year = ?")
                .param(year).query((rs, i) -> new Publication(year, rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by"), read(rs.getString("figures")))).optional();
    }

    /**
     * Publishes a year's report (Arts. 49–50): its figures are stored as they stand and from then on are what
     * {@link #report} answers for that year, so a case reopened or an appeal decided later leaves them as
     * published; such a change shows in the next year's report (a reopened case is carried over into it). Only a
     * year that has ended, and only once.
     */
    @Transactional
    public Publication publish(int year, String actor) {
        if (year >= LocalDate.now(clock).getYear()) {
            throw new InvalidInputException(FieldError.of("year", "report.publish.notOver", year));
        }
        Optional<Publication> earlier = published(year);
        if (earlier.isPresent()) {
            throw new InvalidInputException(FieldError.of("year", "report.publish.already", year,
                    earlier.get().publishedBy()));
        }
        AnnualReport figures = live(year);
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO annual_report_publication (report_year, published_at, published_by, figures) "
                    + "VALUES (?, ?, ?, ?)").params(year, Timestamp.from(now), actor, write(figures)).update();
        } catch (DuplicateKeyException e) {
            // Published by someone else at the same moment.
            throw new InvalidInputException(FieldError.of("year", "report.publish.already", year, "?"));
        }
        log.info("Annual report {} published by {}", year, actor);
        return new Publication(year, now, actor, figures);
    }

    private String write(AnnualReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AnnualReport read(String stored) {
        try {
            return json.readValue(stored, AnnualReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored annual report unreadable", e);
        }
    }

    /** The figures as they stand today, published or not. */
    public AnnualReport live(int year) {
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        Tally tally = tally(start, end);
        return new AnnualReport(year, tally.applications(), appeals(start, end), tally.channels(), tally.timeliness(),
                fees(start, end));
    }

    /** Table 3, channels and timeliness from one pass over the cases that matter for the year. */
    private record Tally(AnnualReport.Table applications, AnnualReport.Table channels, AnnualReport.Table timeliness) {
    }

    private Tally tally(Date start, Date end) {
        List<String> columns = new ArrayList<>();
        for (ApplicantType t : ApplicantType.values()) {
            columns.add(t.name());
        }
        columns.add(TOTAL);
        Map<ReportRow, Map<String, Long>> rows = new EnumMap<>(ReportRow.class);
        for (ReportRow r : ReportRow.values()) {
            rows.put(r, AnnualReport.zeros(columns));
        }
        Map<String, Long> channels = new LinkedHashMap<>();
        for (Channel ch : Channel.values()) {
            channels.put(ch.name(), 0L);
        }
        Map<String, Long> timeliness = new LinkedHashMap<>();
        timeliness.put("ON_TIME", 0L);
        timeliness.put("ON_TIME_EXTENDED", 0L);
        timeliness.put("LATE", 0L);
        // Only cases received by 31 December and not answered before 1 January can count anywhere. One flat
        // GROUP BY with FILTER: H2 runs it in half the time of the same sums over a derived table.
        jdbc.sql("""
                SELECT applicant_type, reply_type, primary_reason, channel,
                  CASE WHEN replied_on > due_on THEN 'LATE' WHEN extension_days > 0 THEN 'ON_TIME_EXTENDED'
                       ELSE 'ON_TIME' END AS t,
                  COUNT(*) FILTER (WHERE received_on >= ?) AS new_cases,
                  COUNT(*) FILTER (WHERE received_on < ?) AS carried_over,
                  COUNT(*) FILTER (WHERE replied_on <= ?) AS handled,
                  COUNT(*) FILTER (WHERE replied_on IS NULL OR replied_on > ?) AS carried_forward
                FROM application_case
                WHERE received_on <= ? AND (replied_on IS NULL OR replied_on >= ?)
                GROUP BY applicant_type, reply_type, primary_reason, channel, t
                """).params(start, start, end, end, end, start)
                .query((rs, i) -> {
                    String type = rs.getString("applicant_type");
                    long fresh = rs.getLong("new_cases");
                    long handled = rs.getLong("handled");
                    add(rows.get(ReportRow.NEW), type, fresh);
                    add(rows.get(ReportRow.CARRIED_OVER), type, rs.getLong("carried_over"));
                    add(rows.get(ReportRow.CARRIED_FORWARD), type, rs.getLong("carried_forward"));
                    if (handled > 0) {
                        add(rows.get(outcomeRow(rs.getString("reply_type"), rs.getString("primary_reason"))), type,
                                handled);
                        add(rows.get(ReportRow.HANDLED_TOTAL), type, handled);
                        timeliness.merge(rs.getString("t"), handled, Long::sum);
                    }
                    channels.merge(rs.getString("channel"), fresh, Long::sum);
                    return null;
                }).list();
        List<AnnualReport.Row> list = new ArrayList<>();
        rows.forEach((row, values) -> list.add(new AnnualReport.Row(row.name(), row.label(), values)));
        List<AnnualReport.Row> channelRows = new ArrayList<>();
        for (Channel ch : Channel.values()) {
            channelRows.add(new AnnualReport.Row(ch.name(), ch.label(), Map.of("COUNT", channels.get(ch.name()))));
        }
        List<AnnualReport.Row> timelinessRows = new ArrayList<>();
        timeliness.forEach((code, n) -> timelinessRows.add(new AnnualReport.Row(code, Texts.get("report.timeliness." + code), Map.of("COUNT", n))));
        return new Tally(new AnnualReport.Table(columns, list), new AnnualReport.Table(List.of("COUNT"), channelRows),
                new AnnualReport.Table(List.of("COUNT"), timelinessRows));
    }

    /** The row of Table 3 for a reply; an unknown or unmapped outcome counts as 其他. */
    ReportRow outcomeRow(String replyType, String primaryReason) {
        String code = catalogue.type(replyType).map(ReplyCatalogue.ReplyType::annualReportRow).orElse(null);
        if (code == null && primaryReason != null) {
            code = catalogue.reason(primaryReason).map(ReplyCatalogue.WithholdingReason::annualReportRow).orElse(null);
        }
        try {
            return code == null ? ReportRow.OTHER_OTHER : ReportRow.valueOf(code);
        } catch (IllegalArgumentException e) {
            return ReportRow.OTHER_OTHER;
        }
    }

    /**
     * Table 4: appeals received in the year, by the outcome known at 31 December (a decision after it counts
     * as 尚未审结).
     */
    private AnnualReport.Table appeals(Date start, Date end) {
        List<String> columns = List.of("UPHELD", "CORRECTED", "OTHER", "PENDING", TOTAL);
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        rows.put("RECONSIDERATION", AnnualReport.zeros(columns));
        rows.put("LAWSUIT_DIRECT", AnnualReport.zeros(columns));
        rows.put("LAWSUIT_AFTER_RECONSIDERATION", AnnualReport.zeros(columns));
        jdbc.sql("SELECT kind, after_reconsideration, result, COUNT(*) AS n FROM (SELECT kind, after_reconsideration, "
                        + "CASE WHEN decided_on IS NOT NULL AND decided_on <= ? THEN outcome ELSE 'PENDING' END AS result "
                        + "FROM appeal WHERE received_on BETWEEN ? AND ?) a GROUP BY kind, after_reconsideration, result")
                .params(end, start, end)
                .query((rs, i) -> {
                    String row = "RECONSIDERATION".equals(rs.getString("kind")) ? "RECONSIDERATION"
                            : rs.getBoolean("after_reconsideration") ? "LAWSUIT_AFTER_RECONSIDERATION" : "LAWSUIT_DIRECT";
                    Map<String, Long> values = rows.get(row);
                    values.merge(rs.getString("result"), rs.getLong("n"), Long::sum);
                    values.merge(TOTAL, rs.getLong("n"), Long::sum);
                    return null;
                }).list();
        List<AnnualReport.Row> list = new ArrayList<>();
        rows.forEach((code, values) -> list.add(new AnnualReport.Row(code, Texts.get("report.appeal." + code), values)));
        return new AnnualReport.Table(columns, list);
    }

    /**
     * Art. 42 fees decided in the year: fee notices issued (by notice date) with the amounts charged and paid,
     * waivers granted and fees left unpaid (by assessment date).
     */
    private AnnualReport.Table fees(Date start, Date end) {
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT
                  SUM(CASE WHEN notice_on BETWEEN ? AND ? THEN 1 ELSE 0 END) AS notices,
                  SUM(CASE WHEN notice_on BETWEEN ? AND ? THEN amount ELSE 0 END) AS charged,
                  SUM(CASE WHEN notice_on BETWEEN ? AND ? AND status = 'PAID' THEN 1 ELSE 0 END) AS paid,
                  SUM(CASE WHEN notice_on BETWEEN ? AND ? AND status = 'PAID' THEN amount ELSE 0 END) AS collected,
                  SUM(CASE WHEN created_at >= ? AND created_at < ? AND status = 'WAIVED' THEN 1 ELSE 0 END) AS waived,
                  SUM(CASE WHEN notice_on BETWEEN ? AND ? AND status = 'NOT_PAID' THEN 1 ELSE 0 END) AS not_paid
                FROM fee
                """).params(start, end, start, end, start, end, start, end, new Timestamp(start.getTime()),
                        Timestamp.valueOf(end.toLocalDate().plusDays(1).atStartOfDay()), start, end)
                .query((rs, i) -> {
                    figures.put("NOTICES", rs.getLong("notices"));
                    figures.put("AMOUNT_CHARGED", rs.getLong("charged"));
                    figures.put("PAID", rs.getLong("paid"));
                    figures.put("AMOUNT_PAID", rs.getLong("collected"));
                    figures.put("WAIVED", rs.getLong("waived"));
                    figures.put("NOT_PAID", rs.getLong("not_paid"));
                    return null;
                }).list();
        List<AnnualReport.Row> rows = new ArrayList<>();
        figures.forEach((code, n) -> rows.add(new AnnualReport.Row(code, Texts.get("report.fees." + code),
                Map.of("COUNT", n))));
        return new AnnualReport.Table(List.of("COUNT"), rows);
    }

    private static void add(Map<String, Long> values, String applicantType, long n) {
        if (n == 0) {
            return;
        }
        values.merge(applicantType, n, Long::sum);
        values.merge(TOTAL, n, Long::sum);
    }
}
