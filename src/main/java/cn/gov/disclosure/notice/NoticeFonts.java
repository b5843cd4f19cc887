package cn.gov.disclosure.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese fonts of the notices. The build fetches Noto Serif SC (TrueType outlines, which PDFBox can
 * embed) from the npm registry into {@code fonts/} on the classpath.
 * <p>
 * Read and patched once ({@link CmapRewriter}) into byte arrays that never change afterwards. PDFBox reads a
 * parsed {@link TrueTypeFont} lazily through one shared read position, so a parsed font must not be used by two
 * threads at once: renders (and the redactor, for the grounds it writes in its boxes) borrow a parsed pair from a
 * small pool ({@link #withFonts}), at most
 * {@code disclosure.notice.render-threads} pairs (default: one per processor), each parsed from the shared
 * bytes when first needed. Parsing from memory reads only the table directory and small tables, so an extra
 * pair costs little; the 15 MB of glyph data is never copied.
 * <p>
 * Reading and patching take most of a second, so they run on a thread of their own while the application starts
 * (the engine takes longer to build); the first use waits for them, and so does the end of start-up, which
 * therefore still fails when a font is missing.
 */
@Component
public class NoticeFonts implements AutoCloseable, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(NoticeFonts.class);
    static final String REGULAR = "fonts/NotoSerifSC-Regular.ttf";
    static final String BOLD = "fonts/NotoSerifSC-Bold.ttf";

    /** One regular and one bold font, used by one render at a time. */
    public record Pair(TrueTypeFont regular, TrueTypeFont bold) {
    }

    /** The patched bytes of both fonts, shared by every parsed pair. */
    private record Bytes(byte[] regular, byte[] bold) {
    }

    private final int maxPairs;
    private final CompletableFuture<Bytes> bytes;
    private final List<Pair> all = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Pair> idle = new LinkedBlockingQueue<>();

    /** Outside Spring (tests, benchmarks): one pair per processor. */
    public NoticeFonts() {
        this(0);
    }

    /** {@code maxPairs} 0 or less: one per processor. */
    @Autowired
    public NoticeFonts(@Value("${disclosure.notice.render-threads:0}") int maxPairs) {
        this(maxPairs, REGULAR, BOLD);
    }

    /** The fonts at other class path locations (tests of a missing font). */
    NoticeFonts(int maxPairs, String regularPath, String boldPath) {
        this.maxPairs = maxPairs > 0 ? maxPairs : Math.max(1, Runtime.getRuntime().availableProcessors());
        int pairs = this.maxPairs;
        this.bytes = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Bytes read = new Bytes(read(regularPath), read(boldPath));
            idle.add(parsePair(read));
            log.info("Notice fonts ready in {} ms (up to {} renders at once)",
                    (System.nanoTime() - start) / 1_000_000, pairs);
            return read;
        }, work -> {
            Thread loader = new Thread(work, "notice-fonts");
            loader.setDaemon(true);
            loader.start();
        });
    }

    /** Waits until the fonts are read; fails as their reading failed (a font missing from the build, say). */
    private Bytes ready() {
        try {
            return bytes.join();
        } catch (CompletionException e) {
            // A new exception for each caller: its own stack, the loader's failure as the cause.
            throw new IllegalStateException("The notice fonts could not be read: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** The end of start-up waits for the fonts, so a missing font still stops the application from starting. */
    @Override
    public void afterSingletonsInstantiated() {
        ready();
    }

    /** The first parsed regular font, for inspecting it (single-threaded callers such as tests only). */
    public TrueTypeFont regular() {
        ready();
        return all.get(0).regular();
    }

    /** The first parsed bold font, for inspecting it (single-threaded callers such as tests only). */
    public TrueTypeFont bold() {
        ready();
        return all.get(0).bold();
    }

    /** Lends a font pair to {@code work} for its duration; waits if all pairs are busy and no more may be made. */
    public <T> T withFonts(Function<Pair, T> work) {
        ready();
        Pair pair = idle.poll();
        if (pair == null) {
            pair = newPairIfAllowed();
        }
        if (pair == null) {
            try {
                pair = idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the notice fonts", e);
            }
        }
        try {
            return work.apply(pair);
        } finally {
            idle.add(pair);
        }
    }

    private synchronized Pair newPairIfAllowed() {
        if (all.size() >= maxPairs) {
            return null;
        }
        return parsePair(ready());
    }

    private Pair parsePair(Bytes read) {
        Pair p = new Pair(parse(read.regular(), REGULAR), parse(read.bold(), BOLD));
        all.add(p);
        return p;
    }

    private static byte[] read(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("Font " + path + " is missing from the classpath. It is fetched by the "
                    + "Maven build (generate-resources phase, needs npm); run 'mvn generate-resources' or 'mvn package'.");
        }
        try (InputStream in = resource.getInputStream()) {
            return CmapRewriter.withoutRadicals(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + path, e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes, String path) {
        try {
            // The buffer wraps the shared array without copying it and keeps its own read position.
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse font " + path, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            ready();
        } catch (RuntimeException e) {
            return; // nothing was parsed
        }
        for (Pair p : all) {
            p.regular().close();
            p.bold().close();
        }
    }
}
