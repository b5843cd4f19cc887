package cn.gov.disclosure.notice;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** XHTML to PDF through openhtmltopdf on PDFBox, with the shared, subset-embedded Chinese fonts. */
@Component
public class PdfRenderer {

    static {
        // Why: xmpbox (the PDF/A metadata, inside openhtmltopdf) calls DocumentBuilderFactory.newInstance() and
        // TransformerFactory.newInstance() for every notice, and with the system property unset each call searches
        // every jar on the class path for a provider (META-INF/services): 4 % of a notice's CPU. Where that search
        // finds none and falls back to the JDK's own implementation, naming that class in the standard property
        // gives every later caller the same class without the search. Nothing changes where a provider is installed
        // or the property is set.
        pinJdkDefault("javax.xml.parsers.DocumentBuilderFactory", DocumentBuilderFactory.newInstance().getClass());
        pinJdkDefault("javax.xml.transform.TransformerFactory", TransformerFactory.newInstance().getClass());
    }

    private static void pinJdkDefault(String property, Class<?> found) {
        if (System.getProperty(property) == null && "java.xml".equals(found.getModule().getName())) {
            System.setProperty(property, found.getName());
        }
    }

    /** The CSS font-family the notice templates use. */
    public static final String FONT_FAMILY = "NoticeSerif";

    private final NoticeFonts fonts;
    /** sRGB output intent, required by PDF/A. */
    private final byte[] colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** Images encoded once for every notice (see {@link #prepare}). */
    private final List<PreparedImage> prepared = new CopyOnWriteArrayList<>();

    /** {@code disclosure.notice.render}: time per rendered notice; its count is the notices rendered. */
    private final Timer renderTime;

    @Autowired
    public PdfRenderer(NoticeFonts fonts, MeterRegistry registry) {
        this.fonts = fonts;
        this.renderTime = Timer.builder("disclosure.notice.render")
                .description("Time to render one notice (PDF/A-2a, tagged); the count is notices rendered")
                .publishPercentileHistogram().register(registry);
    }

    /** Outside Spring (tests, benchmarks): figures go nowhere. */
    public PdfRenderer(NoticeFonts fonts) {
        this(fonts, new SimpleMeterRegistry());
    }

    /**
     * An image every notice may carry (the seal), encoded for PDF now rather than in each notice; templates use
     * its {@link PreparedImage#placeholderUri()} as the {@code <img src>}. Once per image, at start-up: every
     * render looks for each prepared image.
     */
    PreparedImage prepare(byte[] png) {
        PreparedImage image = PreparedImage.of(png);
        prepared.add(image);
        return image;
    }

    /**
     * Not synchronized: each render borrows its own parsed fonts from {@link NoticeFonts}, so several notices
     * render at once, up to one per pair of fonts in the pool.
     */
    public byte[] render(String xhtml, String title) {
        return render(xhtml, title, doc -> { });
    }

    /** The same, with {@code beforeSave} applied to the finished document just before it is saved. */
    public byte[] render(String xhtml, String title, BeforeSave beforeSave) {
        return fonts.withFonts(pair -> {
            Timer.Sample sample = Timer.start();
            byte[] pdf = render(xhtml, title, pair, beforeSave);
            sample.stop(renderTime);
            return pdf;
        });
    }

    /** A last change to a rendered document, made before its one save (e.g. the empty signature field). */
    @FunctionalInterface
    public interface BeforeSave {
        void apply(PDDocument doc) throws IOException;
    }

    private byte[] render(String xhtml, String title, NoticeFonts.Pair pair, BeforeSave beforeSave) {
        Document dom = NoticeLayout.prepare(xhtml);
        BitSet chars = NoticeCharacters.of(dom);
        // The fonts cut down to this notice's characters (see NoticeCharacters); PDFBox then embeds the glyphs used.
        try (TrueTypeFont regular = NoticeCharacters.cut(pair.regular(), chars);
             TrueTypeFont bold = NoticeCharacters.cut(pair.bold(), chars);
             PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle(title);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, regular, true)), FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, bold, true)), FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            // PDF/A-2a for the archive, tagged (PDF/UA) for applicants using screen readers (Art. 43).
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A);
            builder.usePdfUaAccessibility(true);
            builder.useColorProfile(colorProfile);
            builder.withProducer("disclosure-workflow");
            builder.withW3cDocument(dom, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                PDDocument rendered = renderer.createPDFKeepOpen();
                for (PreparedImage image : prepared) {
                    // A placeholder left in would go out as a coloured square where the seal belongs.
                    if (image.replaceIn(rendered) == 0 && xhtml.contains(image.placeholderUri())) {
                        throw new IllegalStateException("Prepared image not found in the rendered notice " + title);
                    }
                }
                beforeSave.apply(rendered);
                rendered.save(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render notice " + title, e);
        }
    }
}
