package cn.gov.disclosure.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.casefile.TrackingCodes;
import cn.gov.disclosure.portal.CaseViews;
import cn.gov.disclosure.security.Groups;
import cn.gov.disclosure.support.EmbeddedPostgresSupport;
import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

/**
 * Many open cases, then the queries staff and applicants wait for — a main class, not a test:
 * {@code mvn -Pbench verify -DskipTests -Dbench.cases=100000} (arguments: cases, databases h2,postgres, threads).
 * <p>
 * The product itself starts: the case rows go in by JDBC batch (the columns {@code CaseRepository.insert} writes),
 * and each case's {@code disclosure-application} instance is started by the engine directly at its open user task
 * ({@code startBeforeActivity}), with the variables the intake would set ({@code DisclosureVars.forNewCase}), so the
 * task-create listeners, the card variables and the reminder timers are the real ones; 100 starts per
 * transaction in several threads. The measuring member of each group then claims one in ten of the group's tasks
 * (as Tasklist's claim on open would). Nothing is written into the engine's tables by hand. The job executor is off, so
 * nothing moves while measuring.
 * <p>
 * Then, each repeated and timed (p50/p95/max): the first page of every shared Tasklist filter as a member of each
 * group (the filter's list with the 15 first tasks, its count, and the card variables of those tasks — what
 * Tasklist asks for), the applicant's status lookup ({@code CaseFileService.getForApplicant} + {@code CaseViews}),
 * and the overdue watch (the overdue gauge's query, the job acquisition's query for due timers, and a real
 * reminder run by executing due reminder timer jobs).
 */
public final class OpenCasesBenchmark {

    /** Stage = the open user task; weights are a rough picture of an office's desk. */
    private static final String[] STAGES = {"ReviewCompleteness", "AwaitCorrection", "SearchInformation",
            "DecideReply", "ConfirmReply", "LegalReview", "SecrecyReview", "AwaitSecrecyDetermination"};
    private static final int[] WEIGHTS = {20, 5, 30, 18, 9, 10, 6, 2};
    private static final int BATCH = 100;
    /** One in this many of a group's tasks is claimed by the measuring member of the group. */
    private static final int CLAIMED = 10;
    private static final int RUNS = 40;
    private static final String TRACKING_CODE = "BENCH-2345-6789";

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> databases = Arrays.asList((args.length > 1 ? args[1] : "h2,postgres").split(","));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.out.printf("open cases benchmark: %,d cases, %d threads, %d cores, max heap %,d MB%n", cases, threads,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        // Further arguments go to Spring, e.g. --logging.level.org.camunda.bpm.engine.impl.persistence.entity=debug
        String[] extra = args.length > 3 ? Arrays.copyOfRange(args, 3, args.length) : new String[0];
        for (String db : databases) {
            run(db.trim(), cases, threads, extra);
        }
        System.exit(0);
    }

    private static void run(String db, int cases, int threads, String[] extra) throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        Path dir = null;
        // -Dbench.h2.dir=<dir>: the H2 file stays there (to EXPLAIN its queries, or to measure again after a change);
        // a later run on the same directory skips the generation and measures what is there (migrations run first).
        String keep = System.getProperty("bench.h2.dir", "");
        if (db.equals("postgres")) {
            // -Dbench.pg.dir=<dir>: the same for PostgreSQL (its data directory; the database is named opencases).
            props.putAll(EmbeddedPostgresSupport.springProperties(System.getProperty("bench.pg.dir", "").isBlank()
                    ? EmbeddedPostgresSupport.freshDatabase("opencases") : EmbeddedPostgresSupport.database("opencases")));
        } else {
            Path file = keep.isBlank() ? (dir = Files.createTempDirectory("open-cases-bench")).resolve("bench")
                    : Files.createDirectories(Path.of(keep)).resolve("bench");
            props.put("spring.datasource.url", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        }
        props.put("server.port", "0");
        props.put("camunda.bpm.job-execution.enabled", "false");
        props.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(threads + 4));
        props.put("disclosure.mail.poll-interval", "PT1H");
        props.put("logging.level.root", "warn");
        // No notice is rendered here; the seal needs no key store.
        props.put("disclosure.seal.enabled", "false");
        props.put("camunda.bpm.admin-user.id", "benchadmin");
        props.put("camunda.bpm.admin-user.password", "Bench-Admin-Password-17");
        props.put("disclosure.portal.rate-limit.lookups-per-minute", "1000000");
        System.out.printf("%n== %s ==%n", db);
        long boot = System.nanoTime();
        // Command-line arguments, as they win over the profile's file.
        String[] cli = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        cli = java.util.stream.Stream.concat(Arrays.stream(cli), Arrays.stream(extra)).toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(DisclosureApplication.class)
                .profiles("test").run(cli)) {
            System.out.printf("product started in %,d ms%n", ms(boot));
            long existing = ctx.getBean(CaseRepository.class).count();
            Map<String, String> users;
            if (existing == 0) {
                generate(ctx, cases, threads);
                users = users(ctx);
                claim(ctx, users);
            } else {
                System.out.printf("kept database: %,d cases already there, measuring them%n", existing);
                users = users(ctx);
                ctx.getBean(JdbcTemplate.class).execute("ANALYZE");
            }
            measure(ctx, db, users);
        } finally {
            if (dir != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            }
        }
    }

    // ---------------------------------------------------------------- generation

    /** Applicants in the generated cases: most file once, some several times (as in a land-requisition campaign). */
    private static final int APPLICANTS = 40_000;

    /** A valid GB 11643 number for applicant {@code n}: birth date and sequence from n, then the check character. */
    static String residentId(int n) {
        String first17 = "110105" + LocalDate.of(1950, 1, 1).plusDays(n / 1000).format(
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static void generate(ConfigurableApplicationContext ctx, int cases, int threads) throws Exception {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        LocalDate today = LocalDate.now();
        Random random = new Random(17);
        String hash = TrackingCodes.hash(TRACKING_CODE);
        String[] types = {"NATURAL_PERSON", "NATURAL_PERSON", "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE",
                "OTHER_ORGANIZATION"};
        int total = Arrays.stream(WEIGHTS).sum();
        long t0 = System.nanoTime();
        List<Object[]> rows = new ArrayList<>(BATCH * 10);
        for (int i = 1; i <= cases; i++) {
            // Received over the last 60 days; due 20 working days (about 28 calendar days) later, so some are past.
            LocalDate received = today.minusDays(random.nextInt(60));
            LocalDate due = received.plusDays(28 + (random.nextInt(10) == 0 ? 28 : 0));
            rows.add(new Object[] {"BENCH-" + i, hash, random.nextBoolean() ? "ONLINE" : "LETTER",
                    Date.valueOf(received), types[random.nextInt(types.length)], "申请人" + i, "RESIDENT_ID_CARD",
                    residentId(i % APPLICANTS), "请公开本区" + (i % 300) + "号地块的征收补偿方案及相关批复文件", "ELECTRONIC",
                    "EMAIL", false, status(stage(i, total)), Date.valueOf(due), Timestamp.from(Instant.now()), "bench"});
            if (rows.size() == BATCH * 10 || i == cases) {
                jdbc.batchUpdate("""
                        INSERT INTO application_case (case_no, tracking_code_hash, channel, received_on,
                          applicant_type, applicant_name, id_type, id_number, description, info_form, delivery,
                          filled_in_by_staff, status, due_on, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
                rows.clear();
            }
        }
        System.out.printf("inserted %,d case rows in %,d ms (JDBC batches of %d)%n", cases, ms(t0), BATCH * 10);

        RuntimeService runtime = ctx.getBean(RuntimeService.class);
        CaseRepository repo = ctx.getBean(CaseRepository.class);
        StatutoryDeadlines deadlines = ctx.getBean(StatutoryDeadlines.class);
        TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger done = new AtomicInteger();
        long t1 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int from;
                while ((from = next.getAndAdd(BATCH)) <= cases) {
                    int first = from;
                    tx.executeWithoutResult(s -> {
                        for (int i = first; i < first + BATCH && i <= cases; i++) {
                            ApplicationCase c = repo.findByCaseNo("BENCH-" + i).orElseThrow();
                            String stage = stage(i, total);
                            VariableMap vars = DisclosureVars.forNewCase(c, deadlines);
                            if (stage.equals("AwaitCorrection")) {
                                vars.putValue(DisclosureVars.CORRECT_BY.name(), StatutoryDeadlines.endOfDay(
                                        c.receivedOn().plusDays(21)));
                            }
                            runtime.createProcessInstanceByKey(DisclosureVars.PROCESS_KEY).businessKey(c.caseNo())
                                    .setVariables(vars).startBeforeActivity(stage).execute();
                        }
                    });
                    int d = done.addAndGet(BATCH);
                    if (d % 10_000 == 0) {
                        System.out.printf("  %,d instances, %,.0f/s%n", d, d / (ms(t1) / 1000.0));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        long startMs = ms(t1);
        System.out.printf("started %,d process instances at their open task in %,d ms (%,.0f/s, %d threads)%n",
                cases, startMs, cases / (startMs / 1000.0), threads);
    }

    /** One member of each group, the measuring user. */
    private static Map<String, String> users(ConfigurableApplicationContext ctx) {
        IdentityService identity = ctx.getBean(IdentityService.class);
        Map<String, String> users = new LinkedHashMap<>();
        for (String group : List.of(Groups.CLERK, Groups.LEGAL, Groups.SECRECY, Groups.HEAD)) {
            String id = "bench" + group;
            if (identity.createUserQuery().userId(id).count() == 0) {
                User u = identity.newUser(id);
                u.setFirstName(id);
                u.setLastName(id);
                u.setPassword("bench-password-1");
                identity.saveUser(u);
                identity.createMembership(id, group);
            }
            users.put(group, id);
        }
        return users;
    }

    /**
     * Staff claim the task they open (Tasklist claims on open), so a busy member holds many: the measuring member
     * of each group claims one in CLAIMED of the group's tasks. The engine's own claim, so whatever the engine
     * records for an assignee (an authorization row per task and user) is there as in production.
     */
    private static void claim(ConfigurableApplicationContext ctx, Map<String, String> users) {
        TaskService taskService = ctx.getBean(TaskService.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        long t0 = System.nanoTime();
        int claimed = 0;
        for (Map.Entry<String, String> user : users.entrySet()) {
            List<Task> open = taskService.createTaskQuery().taskCandidateGroup(user.getKey()).orderByTaskId().asc()
                    .list();
            for (int i = 0; i < open.size(); i += CLAIMED) {
                taskService.claim(open.get(i).getId(), user.getValue());
                claimed++;
            }
        }
        System.out.printf("claimed %,d tasks (1 in %d of each group's) in %,d ms%n", claimed, CLAIMED, ms(t0));
        for (String table : List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EXECUTION",
                "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION", "ACT_HI_VARINST")) {
            System.out.printf("  %-20s %,d rows%n", table,
                    jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        // Fresh statistics, as autovacuum would have them after such a load.
        jdbc.execute("ANALYZE");
    }

    /** The case status the product shows while that task is open. */
    private static String status(String stage) {
        return switch (stage) {
            case "ReviewCompleteness" -> "RECEIVED";
            case "AwaitCorrection" -> "CORRECTION_REQUIRED";
            case "LegalReview" -> "LEGAL_REVIEW";
            default -> "IN_PROGRESS";
        };
    }

    private static String stage(int i, int total) {
        int r = Math.floorMod(i * 7919, total);
        for (int s = 0; s < STAGES.length; s++) {
            if (r < WEIGHTS[s]) {
                return STAGES[s];
            }
            r -= WEIGHTS[s];
        }
        throw new IllegalStateException();
    }

    // ---------------------------------------------------------------- measurement

    private static void measure(ConfigurableApplicationContext ctx, String db, Map<String, String> users) {
        IdentityService identity = ctx.getBean(IdentityService.class);
        FilterService filters = ctx.getBean(FilterService.class);
        RuntimeService runtime = ctx.getBean(RuntimeService.class);
        ManagementService management = ctx.getBean(ManagementService.class);
        List<String> results = new ArrayList<>();
        List<Filter> all = filters.createFilterQuery().orderByFilterId().asc().list();
        for (Map.Entry<String, String> user : users.entrySet()) {
            identity.setAuthentication(user.getValue(), List.of(user.getKey()));
            try {
                for (Filter f : filters.createFilterQuery().list()) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> shown = (List<Map<String, String>>) f.getProperties().get("variables");
                    String[] names = shown.stream().map(m -> m.get("name")).toArray(String[]::new);
                    long[] count = new long[1];
                    // Where a run's time goes: the page, the count, the card variables (summed over all runs).
                    long[] parts = new long[4];
                    results.add(time(db, "filter \"" + f.getName() + "\" as " + user.getKey(), () -> {
                        long t0 = System.nanoTime();
                        List<Task> page = filters.listPage(f.getId(), 0, 15);
                        long t1 = System.nanoTime();
                        count[0] = filters.count(f.getId());
                        long t2 = System.nanoTime();
                        List<String> scopes = new ArrayList<>();
                        page.forEach(t -> {
                            scopes.add(t.getId());
                            scopes.add(t.getExecutionId());
                            scopes.add(t.getProcessInstanceId());
                        });
                        if (!scopes.isEmpty()) {
                            runtime.createVariableInstanceQuery().variableScopeIdIn(scopes.toArray(String[]::new))
                                    .variableNameIn(names).disableBinaryFetching().list();
                        }
                        parts[0] += t1 - t0;
                        parts[1] += t2 - t1;
                        parts[2] += System.nanoTime() - t2;
                        parts[3]++;
                        return page.size();
                    }) + String.format(" (count %,d; mean page/count/variables %.0f/%.0f/%.0f ms)", count[0],
                            parts[0] / 1e6 / parts[3], parts[1] / 1e6 / parts[3], parts[2] / 1e6 / parts[3]));
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        System.out.printf("(%d filters in all)%n", all.size());

        CaseFileService caseFiles = ctx.getBean(CaseFileService.class);
        CaseViews views = ctx.getBean(CaseViews.class);
        long n = ctx.getBean(CaseRepository.class).count();
        Random random = new Random(4);
        results.add(time(db, "applicant's status lookup", () -> {
            ApplicationCase c = caseFiles.getForApplicant("BENCH-" + (1 + random.nextLong(n)), TRACKING_CODE);
            return views.of(c).caseNo().length();
        }));

        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        results.add(time(db, "overdue gauge (count of overdue open cases)", () -> jdbc.sql(
                "SELECT count(*) FROM application_case WHERE overdue AND status NOT IN ('REPLIED', 'ARCHIVED', 'CLOSED')")
                .query(Long.class).single().intValue()));
        java.util.Date now = new java.util.Date();
        // The job executor's own acquisition (it is off here, so nothing else acquires): due jobs, locked for it.
        ProcessEngineConfigurationImpl conf = (ProcessEngineConfigurationImpl) ctx.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        results.add(time(db, "job acquisition (AcquireJobsCmd: timers due now)", () -> conf
                .getCommandExecutorTxRequired().execute(new AcquireJobsCmd(conf.getJobExecutor())).size()));
        List<Job> due = new ArrayList<>(management.createJobQuery().timers().activityId("FirstReminderDue")
                .duedateLowerThan(now).listPage(0, RUNS + 5));
        Collections.shuffle(due, new Random(9));
        Supplier<Integer> remind = new Supplier<>() {
            int i;

            @Override
            public Integer get() {
                management.executeJob(due.get(i++ % due.size()).getId());
                return 1;
            }
        };
        if (due.size() > RUNS + 2) {
            results.add(time(db, "first reminder run (DeadlineWatch.remind via its timer job)", remind));
        } else {
            results.add(db + ": only " + due.size() + " first-reminder timers due; not measured");
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    /** Up to RUNS timed runs after warm-up, but at most about 5 s of them (a slow query at scale takes seconds). */
    private static String time(String db, String what, Supplier<Integer> op) {
        long budget = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; i < 3; i++) {
            op.get();
        }
        long[] ns = new long[RUNS];
        int n = 0;
        while (n < RUNS && (n < 5 || System.nanoTime() < budget)) {
            long t = System.nanoTime();
            op.get();
            ns[n++] = System.nanoTime() - t;
        }
        long[] runs = Arrays.copyOf(ns, n);
        Arrays.sort(runs);
        return String.format("%-9s %-62s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs)", db, what,
                runs[n / 2] / 1e6, runs[(int) Math.ceil(n * 0.95) - 1] / 1e6, runs[n - 1] / 1e6, n);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private OpenCasesBenchmark() {
    }
}
