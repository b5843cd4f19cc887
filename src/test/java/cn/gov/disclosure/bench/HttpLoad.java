package cn.gov.disclosure.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Clients sending requests flat out for a while, for the benchmarks and the load test. A 201 answered within the
 * window counts as accepted, with its latency; every answer, including those that arrive after the window closed,
 * is counted by status and (if 201) handed to {@code onAccepted}, so no accepted application goes unchecked.
 */
final class HttpLoad {

    private HttpLoad() {
    }

    /** An HTTP/1.1 client as the benchmarks use it. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * What a run got back. {@code latencies} in nanoseconds, sorted; {@code ended}: System.nanoTime() when the last
     * answer had arrived (the load was over).
     */
    record Outcome(int seconds, long accepted, List<Long> latencies, Map<Integer, AtomicInteger> statuses, long ended) {

        double perSecond() {
            return accepted / (double) seconds;
        }

        /** The p-th percentile latency in milliseconds (nearest rank); NaN without any. */
        double percentile(int p) {
            return Percentile.millis(latencies, p);
        }

        /** Answers of 500 and above, and requests that got no answer at all. */
        long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0)
                    .mapToLong(e -> e.getValue().get()).sum();
        }
    }

    /**
     * {@code clients} threads, client i sending {@code request.apply(i)} again and again for {@code seconds};
     * returns once every request sent has been answered (or failed). A client that fails otherwise (in
     * {@code onAccepted}, say) fails the run, after the others have finished.
     */
    static Outcome run(HttpClient http, int clients, int seconds, IntFunction<HttpRequest> request,
                       Consumer<HttpResponse<String>> onAccepted) throws InterruptedException {
        AtomicInteger accepted = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            HttpRequest r = request.apply(c);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = null;
                    try {
                        response = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        // counted below as "no answer" (-1)
                    } catch (InterruptedException e) {
                        return;
                    }
                    long answered = System.nanoTime();
                    int status = response == null ? -1 : response.statusCode();
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    if (status == 201) {
                        if (answered <= end) {
                            accepted.incrementAndGet();
                            latencies.add(answered - start);
                        }
                        onAccepted.accept(response);
                    }
                }
            });
            t.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Outcome(seconds, accepted.get(), sorted, statuses, System.nanoTime());
    }
}
