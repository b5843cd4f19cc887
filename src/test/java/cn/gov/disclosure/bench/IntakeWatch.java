package cn.gov.disclosure.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the intake benchmarks watch besides the HTTP answers: while a round runs, the acknowledgment backlog as the
 * product's own gauges show it ({@code disclosure.acknowledgments.pending} and its oldest age; the benchmark sets
 * {@code disclosure.metrics.refresh=PT1S}), the continuations not yet run (clerks' tasks not yet created), on
 * PostgreSQL the statements waiting on a lock, and the request threads' states; afterwards how long the tasks and
 * the acknowledgments took to follow, the job executor's conflicts (Camunda's own metrics: jobs it could not lock
 * because another acquisition took them first) and failed job runs, and whether every case is complete.
 */
final class IntakeWatch implements AutoCloseable {

    private final List<ConfigurableApplicationContext> nodes;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Thread sampler;
    private volatile boolean running = true;
    private final AtomicLong peakPending = new AtomicLong();
    private final AtomicLong peakOldestAge = new AtomicLong();
    private final AtomicLong peakContinuations = new AtomicLong();
    private final Map<String, AtomicLong> lockWaits = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requestThreads = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final Map<String, Long> metricsBefore;

    private static final String[] JOB_METRICS = {Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED};

    IntakeWatch(List<ConfigurableApplicationContext> nodes, boolean postgres) {
        this.nodes = nodes;
        this.jdbc = nodes.get(0).getBean(JdbcClient.class);
        this.postgres = postgres;
        this.metricsBefore = jobMetrics();
        sampler = new Thread(this::sample, "intake-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        MeterRegistry registry = nodes.get(0).getBean(MeterRegistry.class);
        while (running) {
            try {
                peakPending.accumulateAndGet((long) registry.get("disclosure.acknowledgments.pending").gauge().value(),
                        Math::max);
                peakOldestAge.accumulateAndGet((long) registry.get("disclosure.acknowledgments.pending.oldest.age")
                        .gauge().value(), Math::max);
                peakContinuations.accumulateAndGet(continuationsLeft(), Math::max);
                if (postgres) {
                    // Row locks show as waits on a transaction id: the waiting statement names the row's table.
                    jdbc.sql("SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q, wait_event FROM "
                                    + "pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                            .query((rs, n) -> rs.getString(1) + " [" + rs.getString(2) + "]").list()
                            .forEach(q -> lockWaits.computeIfAbsent(q, k -> new AtomicLong()).incrementAndGet());
                }
                for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false, 8)) {
                    if (t.getThreadName().contains("http-nio") && t.getThreadName().contains("exec")) {
                        StackTraceElement top = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
                        if (top != null && top.getClassName().startsWith("jdk.internal.misc.Unsafe")
                                && t.getLockName() != null && t.getLockName().contains("ConditionObject")) {
                            continue; // idle in Tomcat's queue
                        }
                        String where = t.getThreadState() + (t.getLockName() != null ? " on " + t.getLockName()
                                .replaceAll("@[0-9a-f]+$", "") : "");
                        requestThreads.computeIfAbsent(where, k -> new AtomicLong()).incrementAndGet();
                    }
                }
                samples.incrementAndGet();
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A sample lost while a context shuts down: harmless.
            }
        }
    }

    long continuationsLeft() {
        return jdbc.sql("SELECT count(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ "
                + "WHERE d.act_id_ = 'RegisterApplication'").query(Long.class).single();
    }

    long acknowledgmentsLeft() {
        return jdbc.sql("SELECT count(*) FROM pending_acknowledgment").query(Long.class).single();
    }

    /** The gauges' lines as Prometheus reads them (signed in as the demo administrator). */
    void printPrometheus(String base) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + "/actuator/prometheus")).header("Authorization", "Basic "
                            + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String lines = r.body().lines().filter(l -> l.startsWith("disclosure_acknowledgments_pending"))
                    .collect(Collectors.joining("  |  "));
            System.out.printf("/actuator/prometheus (%d) at the end of the load: %s%n", r.statusCode(), lines);
        } catch (Exception e) {
            System.out.println("/actuator/prometheus not read: " + e);
        }
    }

    /**
     * Waits (at most 10 minutes) until every continuation ran and every acknowledgment was issued; prints when
     * each was done, counted from {@code loadEnded}, and what was sampled meanwhile.
     */
    void follow(long loadEnded) throws InterruptedException {
        long continued = -1;
        long pending;
        while (true) {
            if (continued < 0 && continuationsLeft() == 0) {
                continued = System.nanoTime();
            }
            pending = acknowledgmentsLeft();
            if ((pending == 0 && continued >= 0) || System.nanoTime() - loadEnded > Duration.ofMinutes(10).toNanos()) {
                break;
            }
            Thread.sleep(200);
        }
        close();
        System.out.printf("clerks' tasks: all created %.1f s after the load ended (at most %d waiting)%n",
                ((continued < 0 ? System.nanoTime() : continued) - loadEnded) / 1e9, peakContinuations.get());
        System.out.printf("acknowledgments: all issued %.1f s after the load ended (%d still pending); backlog gauge "
                        + "peak %d, oldest age peak %d s%n", (System.nanoTime() - loadEnded) / 1e9, pending,
                peakPending.get(), peakOldestAge.get());
        Map<String, Long> after = jobMetrics();
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - metricsBefore.getOrDefault(k, 0L)));
        System.out.println("job executor (Camunda metrics, this round, all nodes): " + delta);
        System.out.println("failed job runs by step (this database, so far): " + jdbc.sql(
                        "SELECT act_id_, count(*) FROM act_hi_job_log WHERE job_exception_msg_ IS NOT NULL "
                                + "GROUP BY act_id_").query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()
                + ", optimistic locking among them: " + jdbc.sql("SELECT count(*) FROM act_hi_job_log WHERE "
                        + "job_exception_msg_ LIKE '%OptimisticLocking%' OR job_exception_msg_ LIKE '%concurrently%'")
                .query(Long.class).single());
        if (postgres) {
            System.out.println("lock waits sampled (" + samples.get() + " samples, 2/s): " + top(lockWaits));
        }
        System.out.println("request threads sampled: " + top(requestThreads));
    }

    private static String top(Map<String, AtomicLong> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .limit(6).map(e -> e.getValue().get() + "× " + e.getKey()).collect(Collectors.joining("; "));
    }

    /** Camunda's job-executor counters of every node, flushed to the database first. */
    private Map<String, Long> jobMetrics() {
        ManagementService management = nodes.get(0).getBean(ManagementService.class);
        for (ConfigurableApplicationContext node : nodes) {
            try {
                node.getBean(ManagementService.class).reportDbMetricsNow();
            } catch (RuntimeException e) {
                // metrics reporting off: the counters stay 0
            }
        }
        Map<String, Long> m = new LinkedHashMap<>();
        for (String name : JOB_METRICS) {
            m.put(name, management.createMetricsQuery().name(name).sum());
        }
        return m;
    }

    /**
     * After the rounds: case numbers 1..n per year without gaps or duplicates and none left reserved, 文号 gap-free,
     * and every case with exactly one clerk's 审查申请内容 and one issued acknowledgment. Returns the problems found.
     */
    static List<String> checkComplete(JdbcClient jdbc) {
        List<String> problems = new ArrayList<>();
        long cases = jdbc.sql("SELECT count(*) FROM application_case").query(Long.class).single();
        for (Map<String, Object> y : jdbc.sql("SELECT substring(case_no, 4, 4) AS y, count(*) AS n, "
                + "count(DISTINCT case_no) AS d FROM application_case GROUP BY substring(case_no, 4, 4)").query()
                .listOfRows()) {
            int year = Integer.parseInt((String) y.get("y"));
            long n = ((Number) y.get("n")).longValue();
            long max = jdbc.sql("SELECT max(CAST(substring(case_no, 9) AS INT)) FROM application_case "
                    + "WHERE substring(case_no, 4, 4) = ?").param(y.get("y")).query(Long.class).single();
            if (max != n || ((Number) y.get("d")).longValue() != n) {
                problems.add("case numbers of " + year + ": " + n + " cases, highest number " + max);
            }
            long reserved = jdbc.sql("SELECT count(*) FROM case_number_reservation WHERE case_year = ?").param(year)
                    .query(Long.class).single();
            if (reserved != 0) {
                problems.add(reserved + " case numbers of " + year + " still reserved");
            }
        }
        long withoutTask = jdbc.sql("SELECT count(*) FROM application_case c WHERE (SELECT count(*) FROM "
                + "act_hi_taskinst t JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_ WHERE p.business_key_ = c.case_no "
                + "AND p.proc_def_key_ = 'disclosure-application' AND t.task_def_key_ = 'ReviewCompleteness') <> 1")
                .query(Long.class).single();
        if (withoutTask != 0) {
            problems.add(withoutTask + " cases without exactly one 审查申请内容");
        }
        long withoutAck = jdbc.sql("SELECT count(*) FROM application_case c WHERE (SELECT count(*) FROM notice n "
                + "WHERE n.case_id = c.id AND n.notice_type = 'ACKNOWLEDGMENT' AND n.status = 'ISSUED') <> 1")
                .query(Long.class).single();
        if (withoutAck != 0) {
            problems.add(withoutAck + " cases without exactly one issued acknowledgment");
        }
        long ended = jdbc.sql("SELECT count(*) FROM act_hi_actinst WHERE act_id_ = 'AcknowledgmentIssued' "
                + "AND end_time_ IS NOT NULL").query(Long.class).single();
        if (ended != cases) {
            problems.add(ended + " of " + cases + " processes passed 回执已出具");
        }
        long docGaps = jdbc.sql("SELECT count(*) FROM (SELECT agency_key, doc_year FROM notice_number "
                + "GROUP BY agency_key, doc_year HAVING count(*) <> max(seq)) g").query(Long.class).single();
        long unused = jdbc.sql("SELECT count(*) FROM notice_number WHERE notice_id IS NULL").query(Long.class).single();
        if (docGaps != 0 || unused != 0) {
            problems.add("文号: " + docGaps + " agency-years with gaps, " + unused + " reserved without a notice");
        }
        System.out.printf("checked %d cases: %s%n", cases, problems.isEmpty()
                ? "numbers gap-free, none reserved, each with its 审查申请内容 and its acknowledgment, 文号 gap-free"
                : String.join("; ", problems));
        return problems;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
