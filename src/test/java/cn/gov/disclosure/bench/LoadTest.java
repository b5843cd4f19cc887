package cn.gov.disclosure.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.disclosure.workflow.TestApplications;

/**
 * Issue 17's load test against a started jar: {@code clients} clients POST applications for {@code seconds}, then
 * every application answered 201 must have its acknowledgment (受理回执): its process passed 出具受理回执
 * ({@code AcknowledgmentIssued}), checked through the engine's REST API. Exit status 0 only with no 5xx and no
 * acknowledgment missing. The POSTs are signed by a clerk (so the per-address limit on anonymous submissions does
 * not throttle one load generator; the intake path is the same).
 *
 * <pre>
 * java -jar target/disclosure-workflow-0.1.0-SNAPSHOT.jar &amp;     # demo profile, or any with these users
 * java -cp target/test-classes:$(cat target/bench.classpath) cn.gov.disclosure.bench.LoadTest \
 *      http://127.0.0.1:8080 32 60 clerk:demo admin:demo
 * </pre>
 */
public final class LoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String clerk = basic(args.length > 3 ? args[3] : "clerk:demo");
        String admin = basic(args.length > 4 ? args[4] : "admin:demo");
        HttpClient http = HttpLoad.client();
        String body = TestApplications.DESIGN_EXAMPLE_JSON.replace("\"2026-11-23\"", "null");
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/applications"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .header("Authorization", clerk)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        HttpLoad.Outcome load = HttpLoad.run(http, clients, seconds, c -> post, response -> {
            try {
                accepted.add((String) JSON.readValue(response.body(), Map.class).get("caseNo"));
            } catch (IOException e) {
                throw new UncheckedIOException("a 201 without a case number: " + response.body(), e);
            }
        });
        long serverErrors = load.serverErrors();
        System.out.printf("LOAD TEST: %d clients, %d s: %d accepted (%.1f/s in the window), p50 %.0f ms, p95 %.0f ms, "
                        + "answers %s, 5xx or failed %d%n", clients, seconds, accepted.size(),
                load.perSecond(), load.percentile(50), load.percentile(95), load.statuses(), serverErrors);

        // Every 201 case: its acknowledgment issued (allow the job executor a while to catch up).
        List<String> caseNos = new ArrayList<>(accepted);
        long waitStart = System.nanoTime();
        Set<String> missing = new HashSet<>(caseNos);
        while (!missing.isEmpty() && System.nanoTime() - waitStart < Duration.ofMinutes(5).toNanos()) {
            List<String> batch = new ArrayList<>(missing);
            for (int i = 0; i < batch.size(); i += 200) {
                List<String> keys = batch.subList(i, Math.min(batch.size(), i + 200));
                String query = JSON.writeValueAsString(Map.of("processInstanceBusinessKeyIn", keys,
                        "executedActivityIdIn", List.of("AcknowledgmentIssued"), "processDefinitionKey",
                        "disclosure-application"));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/engine-rest/history/process-instance?maxResults=1000"))
                        .header("Content-Type", "application/json").header("Authorization", admin)
                        .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("engine REST answered " + r.statusCode() + ": " + r.body());
                }
                for (Object pi : JSON.readValue(r.body(), List.class)) {
                    missing.remove(((Map<?, ?>) pi).get("businessKey"));
                }
            }
            if (!missing.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        System.out.printf("LOAD TEST: acknowledgments %d of %d issued, the last %.1f s after the load ended%s%n",
                caseNos.size() - missing.size(), caseNos.size(), (System.nanoTime() - waitStart) / 1e9,
                missing.isEmpty() ? "" : "; missing e.g. " + missing.stream().limit(5).toList());
        System.exit(serverErrors == 0 && missing.isEmpty() && !caseNos.isEmpty() ? 0 : 1);
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
