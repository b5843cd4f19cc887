package cn.gov.disclosure.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

import cn.gov.disclosure.support.EmbeddedPostgresSupport;
import cn.gov.disclosure.workflow.EngineSchemaMigration;

/**
 * What one job acquisition costs the database with many timers waiting — a main class, not a test: {@code mvn
 * -Pbench verify -DskipTests} (arguments: waiting timers, databases {@code h2,postgres}). Every open case holds three
 * reminder and deadline timers, so 100,000 open cases mean about 300,000 jobs, nearly all due in the future, next to a
 * handful that are due. The job executor asks for due jobs every few seconds when idle and once per batch of three
 * under load. Timed here with the project's schema (Flyway, V46's index): Camunda's acquisition statement as it reads
 * with the engine's default ("no due date, or due date passed") and with every job dated (the product's
 * {@code ensure-job-due-date-not-null}, V58). H2 runs with result reuse off: under load the job table changes between
 * two acquisitions, so H2 could not reuse an earlier result. {@code -Dbench.explain=true} prints each database's plan;
 * {@code -Dbench.backlog=N} adds N acknowledgments due now (priority -10, as after a burst of applications), which
 * every acquisition must sort by priority.
 */
public final class JobAcquisitionBenchmark {

    /** The conditions of Camunda 7.24's selectNextJobsToExecute (Job.xml), acquisition by priority. */
    private static final String ACQUIRE = """
            SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
            FROM ACT_RU_JOB RES
            WHERE (RES.RETRIES_ > 0)
              AND (%s)
              AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < ?)
              AND RES.SUSPENSION_STATE_ = 1
              AND ((RES.EXCLUSIVE_ = TRUE AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2
                      WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND (J2.EXCLUSIVE_ = TRUE)
                      AND (J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= ?)))
                   OR RES.EXCLUSIVE_ = FALSE)
            ORDER BY RES.PRIORITY_ DESC
            LIMIT 3
            """;
    private static final String UNDATED_OR_DUE = "RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= ?";
    private static final String DUE = "RES.DUEDATE_ <= ?";

    public static void main(String[] args) throws Exception {
        int timers = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        for (String db : (args.length > 1 ? args[1] : "h2,postgres").split(",")) {
            if (db.trim().equals("postgres")) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(EmbeddedPostgresSupport.freshDatabase("jobacquisition"));
                ds.setUser(EmbeddedPostgresSupport.USER);
                run("PostgreSQL (embedded)", ds, timers, "LOCALTIMESTAMP + (5 + MOD(X, 30)) * INTERVAL '1 day'",
                        "generate_series(1, ?) AS g(X)");
            } else {
                Path dir = Files.createTempDirectory("job-bench");
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL("jdbc:h2:file:" + dir.resolve("bench")
                        + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0");
                ds.setUser("sa");
                run("H2 file database", ds, timers, "DATEADD('DAY', 5 + MOD(X, 30), LOCALTIMESTAMP)",
                        "SYSTEM_RANGE(1, ?)");
                JdbcClient.create(ds).sql("SHUTDOWN").update();
                FileSystemUtils.deleteRecursively(dir);
            }
        }
        System.exit(0);
    }

    /** {@code future} dates a timer by X; {@code range} yields X = 1 … timers. */
    private static void run(String label, DataSource ds, int timers, String future, String range)
            throws SQLException {
        Flyway.configure().dataSource(ds).javaMigrations(new EngineSchemaMigration()).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        long t0 = System.nanoTime();
        // Three timers per process instance, as three per open case.
        jdbc.sql("""
                INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_,
                  HANDLER_TYPE_, SUSPENSION_STATE_, PRIORITY_)
                SELECT 'timer-' || X, 1, 'timer', TRUE, 'case-' || (X / 3), 3, %s, 'timer-intermediate-transition',
                  1, 0
                FROM %s
                """.formatted(future, range)).params(timers).update();
        // Due now: ten waiting without a date (the engine's default for async continuations), ten dated.
        for (int i = 0; i < 20; i++) {
            jdbc.sql("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_, "
                            + "HANDLER_TYPE_, SUSPENSION_STATE_, PRIORITY_) VALUES (?, 1, 'message', TRUE, ?, 3, ?, "
                            + "'async-continuation', 1, 10)")
                    .params("due-" + i, "new-" + i,
                            i < 10 ? null : new Timestamp(System.currentTimeMillis() - 1000)).update();
        }
        // A burst's queued acknowledgments: due, exclusive, one per case, below the timers' priority.
        int backlog = Integer.getInteger("bench.backlog", 0);
        jdbc.sql("""
                INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_,
                  HANDLER_TYPE_, SUSPENSION_STATE_, PRIORITY_)
                SELECT 'ack-' || X, 1, 'message', TRUE, 'ackcase-' || X, 3, LOCALTIMESTAMP, 'async-continuation', 1, -10
                FROM %s
                """.formatted(range)).params(backlog).update();
        jdbc.sql("ANALYZE").update();
        System.out.printf("%n== %s ==%n%,d waiting timers, 20 due jobs and %,d queued acknowledgments inserted in %,d ms%n",
                label, timers, backlog, (System.nanoTime() - t0) / 1_000_000);
        // One connection kept open, as the job executor borrows one from the product's pool: an unpooled data source
        // would time a new connection for each query.
        try (Connection c = ds.getConnection()) {
            JdbcClient pooled = JdbcClient.create(new SingleConnectionDataSource(c, true));
            time(pooled, "engine default (no due date, or passed)", UNDATED_OR_DUE);
            time(pooled, "every job dated (product)", DUE);
        }
    }

    private static void time(JdbcClient jdbc, String what, String dueCondition) {
        String sql = ACQUIRE.formatted(dueCondition);
        List<Long> runs = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < 230; i++) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            long t = System.nanoTime();
            found = jdbc.sql(sql).params(now, now, now).query().listOfRows().size();
            if (i >= 30) {
                runs.add(System.nanoTime() - t);
            }
        }
        if (Boolean.getBoolean("bench.explain")) {
            // -Dbench.explain=true: the database's own account of the last run (H2 and PostgreSQL both know this).
            Timestamp now = new Timestamp(System.currentTimeMillis());
            jdbc.sql("EXPLAIN ANALYZE " + sql).params(now, now, now).query().listOfRows()
                    .forEach(row -> row.values().forEach(System.out::println));
        }
        Collections.sort(runs);
        System.out.printf("acquisition, %-40s p50 %8.2f ms   p95 %8.2f ms   (%d jobs found, %d runs after 30 warm-up)%n",
                what + ":", Percentile.millis(runs, 50), Percentile.millis(runs, 95), found, runs.size());
    }
}
