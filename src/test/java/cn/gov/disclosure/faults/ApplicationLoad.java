package cn.gov.disclosure.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.disclosure.workflow.TestApplications;

/**
 * Several clients POSTing valid applications in a loop, each one remembered once it is answered 201: that
 * answer is the promise the crash test holds the application to. A clerk signs the requests, so the
 * per-address limit on anonymous submissions does not throttle the load; the case is stored the same way.
 */
final class ApplicationLoad {

    /** What the applicant was told, and the text that marks the application as this one. */
    record Acknowledged(String caseNo, String trackingCode, String dueOn, String marker) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERK = "Basic " + Base64.getEncoder()
            .encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8));

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger cutOff = new AtomicInteger();
    private final Map<Integer, AtomicInteger> refused = new ConcurrentSkipListMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    /** The last answer other than 201, status and body, for the failure message. */
    private volatile String lastRefusal = "";
    private final List<Thread> clients = new ArrayList<>();

    ApplicationLoad(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void start(int clientCount) {
        for (int c = 1; c <= clientCount; c++) {
            int client = c;
            Thread t = new Thread(() -> run(client), "load-client-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
    }

    private void run(int client) {
        for (int n = 1; !stop.get(); n++) {
            String marker = "崩溃测试编号C" + client + "N" + n;
            try {
                Acknowledged a = submit(baseUrl, marker);
                if (a != null) {
                    acknowledged.add(a);
                }
            } catch (IOException cutByTheKill) {
                cutOff.incrementAndGet();
                // after the kill the clients stop; before it, a failed request is counted and the client goes on
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One application; its 201 answer, or null (counted as refused) for any other status. */
    Acknowledged submit(String url, String marker) throws IOException, InterruptedException {
        String body = TestApplications.DESIGN_EXAMPLE_JSON
                .replace("2025年临沂市某路段道路拓宽工程的立项批复文件", "2025年某路段道路拓宽工程的立项批复文件（" + marker + "）");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/applications"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", CLERK)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 201) {
            refused.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            lastRefusal = r.statusCode() + " " + r.body();
            return null;
        }
        Map<?, ?> receipt = JSON.readValue(r.body(), Map.class);
        return new Acknowledged((String) receipt.get("caseNo"), (String) receipt.get("trackingCode"),
                (String) receipt.get("dueOn"), marker);
    }

    /** Waits until {@code count} applications are acknowledged or {@code max} has passed. */
    void awaitAcknowledged(int count, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (acknowledged.size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    /** Ends the clients; called after the kill, when every request in flight fails. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : clients) {
            t.join(Duration.ofSeconds(90).toMillis());
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    String lastRefusal() {
        return lastRefusal;
    }

    int cutOff() {
        return cutOff.get();
    }

    /** Answers other than 201 by status, e.g. {@code {500=3}}. */
    Map<Integer, AtomicInteger> refused() {
        return refused;
    }
}
