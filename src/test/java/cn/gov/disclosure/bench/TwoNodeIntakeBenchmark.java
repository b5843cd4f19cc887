package cn.gov.disclosure.bench;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.disclosure.support.EmbeddedPostgresSupport;

/**
 * Issue 17's "two nodes faster than one": the product started twice (node-a, node-b) on one embedded PostgreSQL,
 * the same N clients once all against node-a with node-b's job executor stopped (one node: its requests and its
 * jobs), once split evenly over both nodes with both job executors running. Rounds alternate the two
 * ({@code -Dbench.rounds}), each round's clerks' tasks and acknowledgments are awaited before the next. Prints
 * accepted/s, p50/p95 and 5xx for each, the backlog, the job executor's conflicts and the lock waits sampled in
 * PostgreSQL; at the end checks that case numbers and 文号 are gap-free and every case has its task and its
 * acknowledgment.
 * <p>
 * Both nodes run as two Spring contexts in one JVM, as {@code cluster.TwoNodesTest} does: on two cores two JVMs would
 * add a second JIT compiler and garbage collector competing for the same two processors (measuring that, not the
 * cluster), while the question here is contention in the shared database, which two contexts meet exactly as two
 * machines would; each context has its own pool, engine, job executor, Tomcat and node-local state. Arguments:
 * clients, seconds, warm-up seconds.
 */
public final class TwoNodeIntakeBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = Integer.getInteger("bench.rounds", 1);
        System.out.printf("TWO-NODE INTAKE BENCHMARK [postgres]: %d clients, %d s measured after %d s warm-up, "
                        + "%d round(s), %d processors, %s%n", clients, seconds, warmup, rounds,
                Runtime.getRuntime().availableProcessors(), LocalDate.now());
        String url = EmbeddedPostgresSupport.freshDatabase("bench_nodes");
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        double oneSum = 0;
        double twoSum = 0;
        long serverErrors = 0;
        List<String> problems;
        try {
            // One after the other: Logback's set-up is not safe for two applications at the same instant.
            a = IntakeBenchmark.product(url, "node-a");
            b = IntakeBenchmark.product(url, "node-b");
            String urlA = IntakeBenchmark.base(a) + "/api/applications";
            String urlB = IntakeBenchmark.base(b) + "/api/applications";
            for (int round = 1; round <= rounds; round++) {
                for (boolean two : new boolean[] {false, true}) {
                    JobExecutor jobsB = jobExecutor(b);
                    if (two) {
                        jobsB.start();
                    } else {
                        jobsB.shutdown();
                    }
                    System.out.printf("-- round %d of %d, %s, load average %.2f%n", round, rounds,
                            two ? "two nodes" : "one node", IntakeBenchmark.loadAverage());
                    IntakeWatch watch = new IntakeWatch(two ? List.of(a, b) : List.of(a), true);
                    HttpLoad.Outcome r = IntakeBenchmark.load(two ? "two nodes" : "one node",
                            two ? List.of(urlA, urlB) : List.of(urlA), clients, warmup, seconds);
                    watch.printPrometheus(IntakeBenchmark.base(a));
                    watch.follow(r.ended());
                    serverErrors += r.serverErrors();
                    if (two) {
                        twoSum += r.perSecond();
                    } else {
                        oneSum += r.perSecond();
                    }
                    System.out.printf("   (%s: 5xx or no answer %d; load average %.2f)%n",
                            two ? "two nodes" : "one node", r.serverErrors(), IntakeBenchmark.loadAverage());
                }
            }
            problems = IntakeWatch.checkComplete(a.getBean(JdbcClient.class));
        } finally {
            for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {b, a}) {
                if (c != null) {
                    c.close();
                }
            }
        }
        System.out.printf("TWO NODES [postgres] one node %.1f/s, two nodes %.1f/s = %.0f %% of one node; "
                        + "5xx %d; %s%n", oneSum / rounds, twoSum / rounds, 100 * twoSum / oneSum, serverErrors,
                problems.isEmpty() ? "all cases complete" : "PROBLEMS: " + problems);
        System.exit(problems.isEmpty() && serverErrors == 0 ? 0 : 1);
    }

    private static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getJobExecutor();
    }
}
