package cn.gov.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.notice.NoticeChecker;

/**
 * The report over a generated year (2023, a year no other test uses) against counts computed here,
 * independently, from the generated data.
 */
class AnnualReportTest extends IntegrationTest {

    static final int YEAR = 2023;
    static List<GeneratedYear.Case> cases;
    static List<GeneratedYear.Appeal> appeals;

    /** The national table's row for each outcome, written out here rather than read from the catalogue. */
    static final Map<String, String> ROW = new HashMap<>(Map.ofEntries(
            Map.entry("ALREADY_PUBLIC", "DISCLOSED"), Map.entry("DISCLOSED", "DISCLOSED"),
            Map.entry("PARTIALLY_DISCLOSED", "PARTIALLY_DISCLOSED"),
            Map.entry("NOT_DISCLOSED/STATE_SECRET", "WITHHELD_STATE_SECRET"),
            Map.entry("NOT_DISCLOSED/LAW_PROHIBITS", "WITHHELD_PROHIBITED_BY_LAW"),
            Map.entry("NOT_DISCLOSED/SECURITY_STABILITY", "WITHHELD_SECURITY_STABILITY"),
            Map.entry("NOT_DISCLOSED/THIRD_PARTY_RIGHTS", "WITHHELD_THIRD_PARTY"),
            Map.entry("NOT_DISCLOSED/INTERNAL_AFFAIRS", "WITHHELD_INTERNAL_AFFAIRS"),
            Map.entry("NOT_DISCLOSED/PROCESS_INFORMATION", "WITHHELD_PROCESS_INFORMATION"),
            Map.entry("NOT_DISCLOSED/ENFORCEMENT_FILES", "WITHHELD_ENFORCEMENT_FILES"),
            Map.entry("SEPARATE_ACCESS_REGIME", "WITHHELD_ADMINISTRATIVE_QUERY"),
            Map.entry("NOT_HELD", "CANNOT_PROVIDE_NOT_HELD"), Map.entry("OTHER_AGENCY", "CANNOT_PROVIDE_NOT_HELD"),
            Map.entry("NEEDS_CREATION", "CANNOT_PROVIDE_NEEDS_CREATION"),
            Map.entry("STILL_UNCLEAR", "CANNOT_PROVIDE_STILL_UNCLEAR"), Map.entry("PETITION", "NOT_PROCESSED_PETITION"),
            Map.entry("REPEAT", "NOT_PROCESSED_REPEAT"), Map.entry("PUBLISHED_MATERIAL", "NOT_PROCESSED_PUBLICATION"),
            Map.entry("EXCESSIVE", "NOT_PROCESSED_EXCESSIVE"),
            Map.entry("CONFIRM_OR_REISSUE", "NOT_PROCESSED_CONFIRM_OR_REISSUE"),
            Map.entry("ABANDONED", "OTHER_NO_CORRECTION"), Map.entry("FEE_NOT_PAID", "OTHER_FEE_NOT_PAID"),
            Map.entry("OTHER_HANDLING", "OTHER_OTHER")));

    @Autowired AnnualReportService reports;
    @Autowired TestRestTemplate http;

    @BeforeAll
    static void generate(@Autowired JdbcClient jdbc) {
        cases = GeneratedYear.cases("GEN" + YEAR, YEAR, 1500, 42);
        appeals = GeneratedYear.appeals(YEAR, 120, 7);
        GeneratedYear.insert(jdbc, cases, appeals);
    }

    private static String expectedRow(GeneratedYear.Case c) {
        String key = "NOT_DISCLOSED".equals(c.replyType()) ? c.replyType() + "/" + c.primaryReason() : c.replyType();
        return ROW.get(key);
    }

    @Test
    void everyCellMatchesAnIndependentCountAndTheInvariantHolds() {
        LocalDate start = LocalDate.of(YEAR, 1, 1);
        LocalDate end = LocalDate.of(YEAR, 12, 31);
        Map<String, Map<String, Long>> expected = new HashMap<>();
        for (GeneratedYear.Case c : cases) {
            boolean receivedInYear = !c.receivedOn().isBefore(start) && !c.receivedOn().isAfter(end);
            boolean repliedInYear = c.repliedOn() != null && !c.repliedOn().isBefore(start) && !c.repliedOn().isAfter(end);
            if (receivedInYear) {
                count(expected, "NEW", c.applicantType());
            }
            if (c.receivedOn().isBefore(start) && (c.repliedOn() == null || !c.repliedOn().isBefore(start))) {
                count(expected, "CARRIED_OVER", c.applicantType());
            }
            if (repliedInYear) {
                count(expected, expectedRow(c), c.applicantType());
                count(expected, "HANDLED_TOTAL", c.applicantType());
            }
            if (!c.receivedOn().isAfter(end) && (c.repliedOn() == null || c.repliedOn().isAfter(end))) {
                count(expected, "CARRIED_FORWARD", c.applicantType());
            }
        }
        AnnualReport report = reports.report(YEAR);
        for (AnnualReport.Row row : report.applications().rows()) {
            for (String column : report.applications().columns()) {
                long want = expected.getOrDefault(row.code(), Map.of()).getOrDefault(column, 0L);
                assertThat(row.value(column)).as(row.code() + "/" + column).isEqualTo(want);
            }
        }
        // Every outcome row has cases: the generated year covers the whole table.
        assertThat(report.applications().rows()).filteredOn(r -> ReportRow.valueOf(r.code()).isOutcome())
                .allMatch(r -> r.value("TOTAL") > 0);
        // 一 + 二 = 三（七） + 四, in every column.
        for (String column : report.applications().columns()) {
            assertThat(value(report, "NEW", column) + value(report, "CARRIED_OVER", column)).as(column)
                    .isEqualTo(value(report, "HANDLED_TOTAL", column) + value(report, "CARRIED_FORWARD", column));
        }
        assertThat(value(report, "NEW", "TOTAL")).isGreaterThan(1000);
    }

    @Test
    void appealsChannelsAndTimelinessMatchIndependentCounts() {
        AnnualReport report = reports.report(YEAR);
        LocalDate end = LocalDate.of(YEAR, 12, 31);
        Map<String, Map<String, Long>> expected = new HashMap<>();
        for (GeneratedYear.Appeal a : appeals) {
            String row = "RECONSIDERATION".equals(a.kind()) ? "RECONSIDERATION"
                    : a.afterReconsideration() ? "LAWSUIT_AFTER_RECONSIDERATION" : "LAWSUIT_DIRECT";
            String result = a.decidedOn() != null && !a.decidedOn().isAfter(end) ? a.outcome() : "PENDING";
            count(expected, row, result);
        }
        for (AnnualReport.Row row : report.appeals().rows()) {
            for (String column : List.of("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL")) {
                assertThat(row.value(column)).as(row.code() + "/" + column)
                        .isEqualTo(expected.getOrDefault(row.code(), Map.of()).getOrDefault(column, 0L));
            }
        }
        long newTotal = value(report, "NEW", "TOTAL");
        assertThat(report.channels().rows().stream().mapToLong(r -> r.value("COUNT")).sum()).isEqualTo(newTotal);
        long late = cases.stream().filter(c -> c.repliedOn() != null && c.repliedOn().getYear() == YEAR
                && c.repliedOn().isAfter(c.dueOn())).count();
        assertThat(report.timeliness().rows()).filteredOn(r -> r.code().equals("LATE"))
                .extracting(r -> r.value("COUNT")).containsExactly(late);
    }

    @Test
    void staffGetJsonCsvAndPdf() {
        TestRestTemplate clerk = http.withBasicAuth("clerk", "demo");
        assertThat(http.getForEntity("/api/reports/annual/" + YEAR, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> json = clerk.getForEntity("/api/reports/annual/" + YEAR, Map.class);
        assertThat(json.getBody()).containsEntry("year", YEAR);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) json.getBody()
                .get("applications")).get("rows");
        assertThat(rows.get(0)).containsEntry("code", "NEW").containsEntry("label", "一、本年新收政府信息公开申请数量");
        assertThat((Map<String, Object>) rows.get(0).get("values")).containsKeys("NATURAL_PERSON", "TOTAL");

        ResponseEntity<String> csv = clerk.getForEntity("/api/reports/annual/" + YEAR + "?format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getBody()).contains("applications,NEW,\"一、本年新收政府信息公开申请数量\"")
                .contains("appeals,RECONSIDERATION");

        ResponseEntity<byte[]> pdf = clerk.getForEntity("/api/reports/annual/" + YEAR + "?format=pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(NoticeChecker.textOf(pdf.getBody())).contains("2023年度政府信息公开工作年度报告统计表")
                .contains("结转下年度继续办理").contains("行政复议");
        assertThat(clerk.getForEntity("/api/reports/annual/" + YEAR + "?format=xls", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static long value(AnnualReport report, String code, String column) {
        return report.applications().rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow()
                .value(column);
    }

    private static void count(Map<String, Map<String, Long>> expected, String row, String column) {
        Map<String, Long> values = expected.computeIfAbsent(row, k -> new HashMap<>());
        values.merge(column, 1L, Long::sum);
        values.merge("TOTAL", 1L, Long::sum);
    }
}
