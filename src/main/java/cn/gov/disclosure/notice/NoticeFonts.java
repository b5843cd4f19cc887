package cn.gov.disclosure.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese fonts of the notices, parsed once and shared: parsing a 15 MB CJK font costs 100–200 ms,
 * far more than rendering a page. The build fetches Noto Serif SC (TrueType outlines, which PDFBox can
 * embed) from the npm registry into {@code fonts/} on the classpath.
 */
@Component
public class NoticeFonts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NoticeFonts.class);
    static final String REGULAR = "fonts/NotoSerifSC-Regular.ttf";
    static final String BOLD = "fonts/NotoSerifSC-Bold.ttf";

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;

    public NoticeFonts() {
        long start = System.nanoTime();
        this.regular = load(REGULAR);
        this.bold = load(BOLD);
        log.info("Notice fonts ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    public TrueTypeFont regular() {
        return regular;
    }

    public TrueTypeFont bold() {
        return bold;
    }

    private static TrueTypeFont load(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("Font " + path + " is missing from the classpath. It is fetched by the "
                    + "Maven build (generate-resources phase, needs npm); run 'mvn generate-resources' or 'mvn package'.");
        }
        try (InputStream in = resource.getInputStream()) {
            byte[] patched = CmapRewriter.withoutRadicals(in.readAllBytes());
            return new TTFParser().parse(new RandomAccessReadBuffer(patched));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load font " + path, e);
        }
    }

    @Override
    public void close() throws IOException {
        regular.close();
        bold.close();
    }
}
