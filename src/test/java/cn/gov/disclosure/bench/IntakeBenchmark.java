package cn.gov.disclosure.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;
import cn.gov.disclosure.support.EmbeddedPostgresSupport;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Issue 17's ratio, in one JVM on one database kind ({@code h2} or {@code postgres}, the first argument):
 * (a) a bare Camunda engine behind a plain HTTP server (JDK {@code HttpServer}, 200 threads like Tomcat's default)
 * starting a minimal process — start, no-op service task, user task — for each POST; (b) the product's
 * {@code POST /api/applications} (anonymous, channel ONLINE; per-address limit raised) with the same N clients;
 * (c) notice rendering (答复书) with 1 and 2 threads. Prints accepted/s, p50/p95 and intake ÷ bare engine, and how long
 * the acknowledgments took to follow. Both engines get a pool of 10 connections, history level full, no job executor
 * for the bare one (it has no jobs), the product's own for its acknowledgments. Not a test: {@code mvn -Pbench verify
 * -DskipTests} (arguments: database, clients, seconds, warm-up seconds; {@code -Dbench.rounds=N} alternates (a) and (b)
 * N times with the acknowledgments of each round issued before the next, {@code -Dbench.render=false} skips (c)).
 */
public final class IntakeBenchmark {

    private static final String BODY = TestApplications.DESIGN_EXAMPLE_JSON;

    /**
     * The databases of a run take gigabytes (one run's two H2 files took 9.3 GB after two rounds of a few
     * thousand applications); they are deleted after a run that ended normally unless {@code -Dbench.keep=true}.
     */
    private static void deleteUnlessKept(Path dir) throws IOException {
        if (Boolean.getBoolean("bench.keep")) {
            System.out.println("databases kept in " + dir);
            return;
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path dir = Files.createDirectories(Path.of("target", "bench", db + "-" + System.currentTimeMillis()))
                .toAbsolutePath();
        System.out.printf("INTAKE BENCHMARK [%s]: %d clients, %d s measured after %d s warm-up, %d processors, %s%n",
                db, clients, seconds, warmup, Runtime.getRuntime().availableProcessors(), LocalDate.now());

        // bench.rounds > 1 alternates bare engine and intake in the same JVM (both stay up), so a shared machine's
        // changing load hits both alike; the ratio is computed over the sums. bench.render=false skips (c).
        int rounds = Integer.getInteger("bench.rounds", 1);
        boolean renderToo = Boolean.parseBoolean(System.getProperty("bench.render", "true"));
        double bareSum = 0;
        double intakeSum = 0;
        ConfigurableApplicationContext app = null;
        List<String> problems;
        try (BareEngine engine = new BareEngine(jdbcUrl(db, dir, "bare"))) {
            app = product(jdbcUrl(db, dir, "product"));
            String base = base(app);
            for (int round = 1; round <= rounds; round++) {
                System.out.printf("-- round %d of %d, load average %.2f%n", round, rounds,
                        loadAverage());
                HttpLoad.Outcome bare = load("bare engine", engine.url(), clients, warmup, seconds);
                // Samples the intake's backlog and lock waits from here until its acknowledgments are all issued.
                IntakeWatch watch = new IntakeWatch(List.of(app), db.equals("postgres"));
                HttpLoad.Outcome intake = load("product intake", base + "/api/applications", clients, warmup, seconds);
                bareSum += bare.perSecond();
                intakeSum += intake.perSecond();
                watch.printPrometheus(base);
                watch.follow(intake.ended());
                System.out.printf("round %d ratio %.0f %%, load average %.2f%n", round,
                        100 * intake.perSecond() / bare.perSecond(),
                        loadAverage());
            }
            problems = IntakeWatch.checkComplete(app.getBean(JdbcClient.class));
            if (renderToo) {
                render(app, seconds);
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
        System.out.printf("RATIO [%s] intake / bare engine = %.1f / %.1f = %.0f %%%n", db, intakeSum / rounds,
                bareSum / rounds, 100 * intakeSum / bareSum);
        if (!problems.isEmpty()) {
            // A run whose cases are not all complete measured something broken: its databases stay for a look (the
            // embedded PostgreSQL's only with -Dbench.pg.dir, as its data goes with the JVM otherwise).
            System.out.println("PROBLEMS: " + problems + (db.equals("postgres") ? ""
                    : "; databases kept in " + dir));
            System.exit(1);
        }
        // Not in the finally: a failed run (an exception, incomplete cases) keeps its databases for a look.
        deleteUnlessKept(dir);
        System.exit(0);
    }

    private static String jdbcUrl(String db, Path dir, String name) {
        if (db.equals("postgres")) {
            return EmbeddedPostgresSupport.freshDatabase("bench_" + name);
        }
        // As the product's default: every commit in the file before it returns.
        return "jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /** N clients POSTing flat out; warm-up first, then the measured window. */
    static HttpLoad.Outcome load(String what, String url, int clients, int warmup, int seconds) throws Exception {
        return load(what, List.of(url), clients, warmup, seconds);
    }

    /** The same, client i sending to {@code urls[i % urls.size()]} (two nodes: the clients split evenly). */
    static HttpLoad.Outcome load(String what, List<String> urls, int clients, int warmup, int seconds)
            throws Exception {
        HttpClient http = HttpLoad.client();
        IntFunction<HttpRequest> post = c -> HttpRequest.newBuilder(URI.create(urls.get(c % urls.size())))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8)).build();
        HttpLoad.run(http, clients, warmup, post, r -> { });
        HttpLoad.Outcome r = HttpLoad.run(http, clients, seconds, post, accepted -> { });
        System.out.printf("%-15s accepted %6.1f/s   p50 %7.1f ms   p95 %7.1f ms   answers %s%n", what,
                r.perSecond(), r.percentile(50), r.percentile(95), r.statuses());
        return r;
    }

    /** The address of a started product (its random port). */
    static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The product as deployed, on its own database, with the per-address limit out of the way. */
    private static ConfigurableApplicationContext product(String url) throws IOException {
        return product(url, "benchmark");
    }

    /** One node of the product, named {@code nodeName} (job locks, history), on the database at {@code url}. */
    static ConfigurableApplicationContext product(String url, String nodeName) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--disclosure.node-name=" + nodeName,
                // The backlog gauges are sampled every half second during the load.
                "--disclosure.metrics.refresh=PT1S",
                "--spring.datasource.username=" + (url.startsWith("jdbc:h2") ? "sa" : EmbeddedPostgresSupport.USER),
                "--spring.datasource.url=" + url,
                "--spring.mail.port=" + freePort(),
                "--disclosure.portal.rate-limit.submissions-per-hour=100000000",
                "--disclosure.acknowledgment.key=YmVuY2htYXJrLW9ubHkta2V5LWJlbmNobWFyay0zMmI=",
                "--logging.level.root=warn"));
        // -Dbench.args="--a=b --c=d": settings to compare, e.g. --disclosure.acknowledgment.yield-to-intake=PT0S.
        for (String extra : System.getProperty("bench.args", "").trim().split("\\s+")) {
            if (!extra.isEmpty()) {
                args.add(extra);
            }
        }
        return new SpringApplicationBuilder(DisclosureApplication.class).profiles("demo")
                .run(args.toArray(String[]::new));
    }

    /** (c) the product's notice rendering, 1 and 2 threads, on a case it registered. */
    private static void render(ConfigurableApplicationContext app, int seconds) throws InterruptedException {
        NoticeService notices = app.getBean(NoticeService.class);
        CaseFileService cases = app.getBean(CaseFileService.class);
        String caseNo = app.getBean(JdbcClient.class).sql("SELECT min(case_no) FROM application_case")
                .query(String.class).single();
        ApplicationCase c = cases.get(caseNo);
        ReplyDraft draft = new ReplyDraft("DISCLOSED", List.of(), null, null, null, null);
        for (int i = 0; i < 20; i++) {
            notices.previewReply(c, draft);
        }
        for (int threads : new int[] {1, 2}) {
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        notices.previewReply(c, draft);
                        times.add(System.nanoTime() - s);
                    }
                });
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                t.join();
            }
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.printf("notice render   %d thread(s): %6.1f/s   p50 %7.1f ms   p95 %7.1f ms%n", threads,
                    sorted.size() / (double) seconds, Percentile.millis(sorted, 50), Percentile.millis(sorted, 95));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** (a) Camunda 7 alone: start → no-op service task → user task, one instance per POST. */
    static final class BareEngine implements AutoCloseable {

        private final HikariDataSource pool;
        private final ProcessEngine engine;
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(200);
        private final AtomicLong keys = new AtomicLong();

        BareEngine(String url) throws IOException {
            pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            if (url.startsWith("jdbc:h2")) {
                pool.setUsername("sa");
                pool.setPassword("");
            } else {
                pool.setUsername(EmbeddedPostgresSupport.USER);
            }
            pool.setMaximumPoolSize(10);
            StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
            cfg.setProcessEngineName("bare-benchmark");
            cfg.setDataSource(pool);
            cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            cfg.setJobExecutorActivate(false);
            cfg.setIdGenerator(new StrongUuidGenerator());
            cfg.setMetricsEnabled(false);
            engine = cfg.buildProcessEngine();
            BpmnModelInstance model = Bpmn.createExecutableProcess("minimal").camundaHistoryTimeToLive(1)
                    .startEvent().serviceTask("NoOp").camundaExpression("${true}")
                    .userTask("Work").endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("minimal.bpmn", model).deploy();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(threads);
            server.createContext("/start", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    String key = "BARE-" + keys.incrementAndGet();
                    engine.getRuntimeService().startProcessInstanceByKey("minimal", key,
                            Map.of("caseNo", key, "bodyLength", body.length()));
                    byte[] answer = ("{\"caseNo\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(201, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                } catch (RuntimeException e) {
                    exchange.sendResponseHeaders(500, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/start";
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
            engine.close();
            pool.close();
        }
    }
}
