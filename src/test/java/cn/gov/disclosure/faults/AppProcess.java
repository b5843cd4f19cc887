package cn.gov.disclosure.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (the jar {@code mvn package} builds) running as a separate process, as an
 * operator starts it: own working directory (so H2's default {@code ./data} lands there), a free HTTP port,
 * the demo profile's users, and its demo SMTP server on a free port. Output goes to a log file beside it.
 * Also a real second node: start two on one {@code EmbeddedPostgresSupport} database.
 */
public final class AppProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The jar failsafe names in {@code disclosure.jar}. */
    public static Path jar() {
        String jar = System.getProperty("disclosure.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("Run through `mvn verify`: no packaged jar at disclosure.jar=" + jar);
        }
        return Path.of(jar);
    }

    public static AppProcess start(Path workDir, String name, List<String> extraArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-jar", jar().toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--spring.mail.port=" + freePort()));
        command.addAll(extraArgs);
        Path log = workDir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new AppProcess(p, port, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the HTTP server answers at all: Spring Boot opens the port only once the context is up. */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (ConnectException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The application did not answer within " + timeout + ":\n" + logTail());
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** A normal stop (SIGTERM): Spring closes the engine and the database. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The log's warnings, errors and their causes: what a failure message needs when the tail is all noise. */
    public String logProblems() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("WARN") || l.contains("ERROR") || l.startsWith("Caused by")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
