package cn.gov.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.notice.NoticeChecker;

/**
 * Arts. 49–50 and the national format (STATUTE.md §6): a published year's figures do not change when a case
 * answered in it is reopened or an appeal is decided late; the change shows in the next year.
 */
class AnnualReportPublicationTest extends IntegrationTest {

    static final int YEAR = 2021;

    @Autowired AnnualReportService reports;
    @Autowired CaseFileService caseFiles;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    /** The database is shared with other report tests: leave no case of ours to be carried into their years. */
    @AfterEach
    void removeOurCases() {
        String ours = "SELECT id FROM application_case WHERE case_no LIKE 'PUB" + YEAR + "%'";
        jdbc.sql("DELETE FROM case_event WHERE case_id IN (" + ours + ")").update();
        jdbc.sql("DELETE FROM appeal WHERE case_id IN (" + ours + ")").update();
        jdbc.sql("DELETE FROM fee WHERE case_id IN (" + ours + ")").update();
        jdbc.sql("DELETE FROM application_case WHERE case_no LIKE 'PUB" + YEAR + "%'").update();
        jdbc.sql("DELETE FROM annual_report_publication").update();
    }

    @Test
    void art50_aPublishedYearKeepsItsFiguresWhenACaseIsReopenedAndTheChangeShowsNextYear() {
        List<GeneratedYear.Case> cases = GeneratedYear.cases("PUB" + YEAR, YEAR, 60, 11);
        List<GeneratedYear.Appeal> appeals = GeneratedYear.appeals(YEAR, 6, 3);
        GeneratedYear.insert(jdbc, cases, appeals);
        GeneratedYear.Case answered = cases.stream().filter(c -> c.repliedOn() != null
                && c.repliedOn().getYear() == YEAR && "NATURAL_PERSON".equals(c.applicantType())).findFirst()
                .orElseThrow();
        AnnualReport before = reports.report(YEAR);
        long nextYearCarriedOver = value(reports.report(YEAR + 1), "CARRIED_OVER", "TOTAL");

        TestRestTemplate head = http.withBasicAuth("head", "demo");
        assertThat(head.getForEntity("/api/reports/annual/" + YEAR + "/publication", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> published = head.postForEntity("/api/reports/annual/" + YEAR + "/publication", null,
                Map.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(published.getBody()).containsEntry("publishedBy", "head");
        assertThat(http.postForEntity("/api/reports/annual/" + YEAR + "/publication", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> again = head.postForEntity("/api/reports/annual/" + YEAR + "/publication", null,
                String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody()).contains("year").contains("已由head发布");

        // A correcting decision reopens a case answered in the published year; an appeal of that year is decided
        // only now.
        caseFiles.reopen(answered.caseNo(), LocalDate.of(YEAR + 1, 3, 1), "system");
        jdbc.sql("UPDATE appeal SET outcome = 'CORRECTED', decided_on = ? WHERE outcome = 'PENDING' "
                + "AND received_on BETWEEN ? AND ?").params(LocalDate.of(YEAR, 12, 20), LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 12, 31)).update();

        assertThat(reports.live(YEAR)).as("the live figures did move").isNotEqualTo(before);
        assertThat(reports.report(YEAR)).as("the published figures did not").isEqualTo(before);
        assertThat(value(reports.report(YEAR + 1), "CARRIED_OVER", "TOTAL"))
                .as("the reopened case is carried over into the next year").isEqualTo(nextYearCarriedOver + 1);
    }

    @Test
    void art49_aYearNotYetOverCannotBePublished() {
        int thisYear = caseFiles.today().getYear();
        assertThatThrownBy(() -> reports.publish(thisYear, "head")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("尚未结束");
    }

    /** STATUTE.md §6: the national format's columns are 自然人, the five kinds of organisation, 总计 — no 小计. */
    @Test
    void theNationalFormatHasNoSubtotalColumn() {
        ResponseEntity<byte[]> pdf = http.withBasicAuth("clerk", "demo")
                .getForEntity("/api/reports/annual/2020?format=pdf", byte[].class);
        assertThat(NoticeChecker.textOf(pdf.getBody())).contains("法人或其他组织").contains("总计")
                .doesNotContain("小计");
    }

    /** Art. 42: the fees of the year (notices, amounts charged and paid, waivers, unpaid) are in the report. */
    @Test
    void art42_feesAreInTheAnnualReport() {
        List<GeneratedYear.Case> cases = GeneratedYear.cases("PUB" + YEAR, YEAR, 3, 5);
        GeneratedYear.insert(jdbc, cases, List.of());
        long caseId = jdbc.sql("SELECT id FROM application_case WHERE case_no = ?").param(cases.get(0).caseNo())
                .query(Long.class).single();
        LocalDate noticeOn = LocalDate.of(YEAR, 5, 6);
        for (String status : List.of("PAID", "PAID", "NOT_PAID")) {
            jdbc.sql("INSERT INTO fee (case_id, method, quantity, amount, notice_on, pay_by, status, created_at) "
                    + "VALUES (?, 'BY_VOLUME', 40, 100, ?, ?, ?, ?)").params(caseId, noticeOn, noticeOn.plusDays(28),
                    status, java.sql.Timestamp.valueOf(noticeOn.atStartOfDay())).update();
        }
        jdbc.sql("INSERT INTO fee (case_id, method, quantity, amount, status, created_at) "
                + "VALUES (?, 'PER_APPLICATION', 11, 100, 'WAIVED', ?)").params(caseId,
                java.sql.Timestamp.valueOf(noticeOn.atStartOfDay())).update();
        AnnualReport.Table fees = reports.report(YEAR).fees();
        assertThat(fees.rows()).extracting(AnnualReport.Row::code, r -> r.value("COUNT")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NOTICES", 3L), org.assertj.core.groups.Tuple.tuple("AMOUNT_CHARGED", 300L),
                org.assertj.core.groups.Tuple.tuple("PAID", 2L), org.assertj.core.groups.Tuple.tuple("AMOUNT_PAID", 200L),
                org.assertj.core.groups.Tuple.tuple("WAIVED", 1L), org.assertj.core.groups.Tuple.tuple("NOT_PAID", 1L));
        assertThat(NoticeChecker.textOf(http.withBasicAuth("clerk", "demo").getForEntity(
                "/api/reports/annual/" + YEAR + "?format=pdf", byte[].class).getBody())).contains("信息处理费");
    }

    private static long value(AnnualReport report, String code, String column) {
        return report.applications().rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow()
                .value(column);
    }
}
