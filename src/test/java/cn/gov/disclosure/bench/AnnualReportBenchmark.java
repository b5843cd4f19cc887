package cn.gov.disclosure.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.report.AnnualReport;
import cn.gov.disclosure.report.AnnualReportService;
import cn.gov.disclosure.support.EmbeddedPostgresSupport;
import cn.gov.disclosure.workflow.EngineSchemaMigration;

/**
 * The annual report over 1,000,000 cases in an H2 file database and in PostgreSQL (embedded, as the tests use)
 * with the project's schema (Flyway) — a main class, not a test: {@code mvn -Pbench verify -DskipTests}
 * (arguments: rows, databases {@code h2,postgres}). Rows are generated in SQL, spread over 2024–2026 with every
 * outcome; the report for 2025 is then computed five times.
 */
public final class AnnualReportBenchmark {

    /** CASE expr WHEN 0 THEN 'a' WHEN 1 THEN 'b' ... END */
    private static String pick(String expr, String[] values) {
        StringBuilder sb = new StringBuilder("CASE ").append(expr);
        for (int i = 0; i < values.length; i++) {
            sb.append(" WHEN ").append(i).append(" THEN '").append(values[i]).append('\'');
        }
        return sb.append(" END").toString();
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (String db : (args.length > 1 ? args[1] : "h2,postgres").split(",")) {
            if (db.trim().equals("postgres")) {
                postgres(rows);
            } else {
                h2(rows);
            }
        }
        System.exit(0);
    }

    private static void postgres(int rows) throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabase("annualreport");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(EmbeddedPostgresSupport.USER);
        run("PostgreSQL (embedded)", ds, rows, "(DATE '2024-01-01' + (%s))", "generate_series(1, ?) AS g(X)");
    }

    private static void h2(int rows) throws Exception {
        // -Dbench.h2.dir=<dir>: the file stays there; a later run on it skips the generation (to EXPLAIN or try a
        // change on the same data).
        String keep = System.getProperty("bench.h2.dir", "");
        Path dir = keep.isBlank() ? Files.createTempDirectory("report-bench") : Files.createDirectories(Path.of(keep));
        JdbcDataSource ds = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: the database stays open between queries, as under the product's connection pool (without
        // it every query of the unpooled data source reopened the 600 MB file, about 2 s of each run).
        ds.setURL("jdbc:h2:file:" + dir.resolve("bench") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        run("H2 file database", ds, rows, "DATEADD('DAY', %s, DATE '2024-01-01')", "SYSTEM_RANGE(1, ?)");
        JdbcClient.create(ds).sql("SHUTDOWN").update();
        if (!keep.isBlank()) {
            return;
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }

    /** {@code day} turns a day offset from 2024-01-01 into a date; {@code range} yields X = 1 … rows. */
    private static void run(String label, DataSource ds, int rows, String day, String range) {
        // As the application migrates (application.yml): the case-file scripts and the engine tables.
        Flyway.configure().dataSource(ds).javaMigrations(new EngineSchemaMigration()).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);

        long t0 = System.nanoTime();
        long existing = jdbc.sql("SELECT COUNT(*) FROM application_case").query(Long.class).single();
        String[] types = {"NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION",
                "PUBLIC_INTEREST_ORGANIZATION", "LEGAL_SERVICE_ORGANIZATION", "OTHER_ORGANIZATION"};
        String[] replies = {"DISCLOSED", "ALREADY_PUBLIC", "PARTIALLY_DISCLOSED", "NOT_DISCLOSED", "NOT_HELD",
                "OTHER_AGENCY", "NEEDS_CREATION", "STILL_UNCLEAR", "PETITION", "REPEAT", "PUBLISHED_MATERIAL",
                "EXCESSIVE", "CONFIRM_OR_REISSUE", "SEPARATE_ACCESS_REGIME", "ABANDONED", "FEE_NOT_PAID",
                "OTHER_HANDLING"};
        if (existing == 0) {
            jdbc.sql("""
                    INSERT INTO application_case (case_no, tracking_code_hash, channel, received_on, applicant_type,
                      applicant_name, id_type, id_number, description, info_form, delivery, filled_in_by_staff, status,
                      due_on, created_at, created_by, reply_type, primary_reason, replied_on, extension_days)
                    SELECT 'B-' || X, 'x', 'ONLINE', %s,
                      %s, '生成', 'OTHER', 'X', '生成的申请', 'ELECTRONIC', 'EMAIL', FALSE,
                      'CLOSED', %s, CURRENT_TIMESTAMP, 'bench',
                      CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE %s END,
                      CASE WHEN MOD(X, 17) = 3 THEN 'PROCESS_INFORMATION' END,
                      CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE %s END,
                      CASE WHEN MOD(X, 9) = 0 THEN 20 ELSE 0 END
                    FROM %s
                    """.formatted(day.formatted("MOD(X * 7, 1096)"), pick("MOD(X, 6)", types),
                    day.formatted("MOD(X * 7, 1096) + 28"), pick("MOD(X, 17)", replies),
                    day.formatted("MOD(X * 7, 1096) + MOD(X, 40)"), range)).params(rows).update();
        }
        long generated = (System.nanoTime() - t0) / 1_000_000;
        // Statistics as autovacuum would have them after such a load (H2 and PostgreSQL both know ANALYZE).
        jdbc.sql("ANALYZE").update();

        AnnualReportService service = new AnnualReportService(jdbc, new ReplyCatalogue(),
                new com.fasterxml.jackson.databind.ObjectMapper(), java.time.Clock.systemDefaultZone());
        AnnualReport report = null;
        long best = Long.MAX_VALUE;
        long first = 0;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            report = service.report(2025);
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (i == 0) {
                first = ms;
            }
            best = Math.min(best, ms);
        }
        long newCases = report.applications().rows().get(0).value("TOTAL");
        System.out.printf("%n== %s ==%n", label);
        System.out.printf(existing == 0 ? "generated %,d cases in %,d ms (project schema)%n"
                : "kept database: %,d cases already there%n", existing == 0 ? rows : existing, generated);
        System.out.printf("annual report 2025: first run %,d ms, best of 5 %,d ms; %,d new cases in 2025%n",
                first, best, newCases);
        System.out.printf("memory used after the runs: %,d MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
    }
}
