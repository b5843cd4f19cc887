package cn.gov.disclosure.notice;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** XHTML to PDF through openhtmltopdf on PDFBox, with the shared, subset-embedded Chinese fonts. */
@Component
public class PdfRenderer {

    /** The CSS font-family the notice templates use. */
    public static final String FONT_FAMILY = "NoticeSerif";

    private final NoticeFonts fonts;
    /** sRGB output intent, required by PDF/A. */
    private final byte[] colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

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
     * Not synchronized: each render borrows its own parsed fonts from {@link NoticeFonts}, so several notices
     * render at once, up to one per pair of fonts in the pool.
     */
    public byte[] render(String xhtml, String title) {
        return fonts.withFonts(pair -> {
            Timer.Sample sample = Timer.start();
            byte[] pdf = render(xhtml, title, pair);
            sample.stop(renderTime);
            return pdf;
        });
    }

    private byte[] render(String xhtml, String title, NoticeFonts.Pair pair) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle(title);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, pair.regular(), true)), FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, pair.bold(), true)), FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            // PDF/A-2a for the archive, tagged (PDF/UA) for applicants using screen readers (Art. 43).
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A);
            builder.usePdfUaAccessibility(true);
            builder.useColorProfile(colorProfile);
            builder.withProducer("disclosure-workflow");
            builder.withW3cDocument(NoticeLayout.prepare(xhtml), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render notice " + title, e);
        }
    }
}
