package cn.gov.disclosure.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.gov.disclosure.notice.NoticeFonts;
import cn.gov.disclosure.notice.TestFonts;

/**
 * A known string and a known picture under a cut are gone from the released copy — not covered, gone: PDFBox
 * finds neither the text nor the picture on any page — while the original still holds both.
 */
public class RedactionTest {

    public static final String SECRET = "ACCOUNT 6222-0210-9999-4321";
    static final String PUBLIC = "ROAD WIDENING APPROVAL 2025";
    static final Color MARKER = new Color(255, 0, 0);
    /** The notices' fonts, shared in the test JVM: the redactor draws the grounds with them. */
    static final NoticeFonts FONTS = TestFonts.shared();

    /** Page 1: public line at the top, secret line and a red 60x60 picture in the middle; page 2: public only. */
    public static byte[] original() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            BufferedImage red = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
            var g = red.createGraphics();
            g.setColor(MARKER);
            g.fillRect(0, 0, 60, 60);
            g.dispose();
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(helvetica, 14);
                    c.newLineAtOffset(72, 842 - 100);
                    c.showText(PUBLIC);
                    c.endText();
                    if (p == 0) {
                        c.beginText();
                        c.setFont(helvetica, 14);
                        c.newLineAtOffset(72, 842 - 300);
                        c.showText(SECRET);
                        c.endText();
                        c.drawImage(LosslessFactory.createFromImage(doc, red), 72, 842 - 400, 60, 60);
                    }
                }
            }
            doc.getDocumentInformation().setAuthor("Clerk Wang");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void textAndPictureUnderACutAreGoneFromTheCopyAndKeptInTheOriginal() throws Exception {
        byte[] original = original();
        // The cut: from 60 pt to 400 pt across, 280 pt to 420 pt down (top-left origin) — the secret and the picture.
        PdfRedactor redactor = new PdfRedactor(FONTS, 150, false);
        byte[] released = redactor.redact(original, List.of(new PdfRedactor.Cut(1, 60, 280, 340, 140, "第十五条")));

        assertThat(text(original)).contains(SECRET).contains(PUBLIC);
        assertThat(images(original)).anyMatch(RedactionTest::isMarker);

        String releasedText = text(released);
        assertThat(releasedText).doesNotContain(SECRET).doesNotContain("6222");
        assertThat(releasedText).contains(PUBLIC); // page 2 is copied as it was, with its text
        List<BufferedImage> releasedImages = images(released);
        assertThat(releasedImages).noneMatch(RedactionTest::isMarker);
        // The rebuilt page 1 is one picture; where the red square was, there is no red at all.
        assertThat(releasedImages).hasSize(1);
        assertThat(redPixels(releasedImages.get(0))).isZero();
        assertThat(redPixels(renderedPage(original, 1))).as("the picture is where the test cut it").isGreaterThan(1000);
        try (PDDocument d = Loader.loadPDF(released)) {
            assertThat(d.getNumberOfPages()).isEqualTo(2);
            assertThat(d.getDocumentInformation().getAuthor()).isNull();
            assertThat(d.getDocumentCatalog().getMetadata()).isNull();
        }
        Path dir = Path.of("target", "redaction");
        Files.createDirectories(dir);
        Files.write(dir.resolve("original.pdf"), original);
        Files.write(dir.resolve("released.pdf"), released);
    }

    @Test
    void theGroundIsWrittenInWhiteInTheMiddleOfTheBox() throws Exception {
        byte[] original = original();
        PdfRedactor redactor = new PdfRedactor(FONTS, 150, false);
        // The same cut (60–400 pt across, 280–420 pt down) with its ground and without one.
        BufferedImage labelled = images(redactor.redact(original,
                List.of(new PdfRedactor.Cut(1, 60, 280, 340, 140, "第十五条")))).get(0);
        BufferedImage bare = images(redactor.redact(original,
                List.of(new PdfRedactor.Cut(1, 60, 280, 340, 140, null)))).get(0);
        double scale = 150 / 72.0;
        int x0 = (int) Math.ceil(60 * scale) + 2;
        int y0 = (int) Math.ceil(280 * scale) + 2;
        int x1 = (int) Math.floor(400 * scale) - 2;
        int y1 = (int) Math.floor(420 * scale) - 2;
        int white = 0;
        long sumX = 0;
        long sumY = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                assertThat(brightness(bare.getRGB(x, y))).as("no ground: the box is black at %d,%d", x, y)
                        .isLessThan(100);
                if (brightness(labelled.getRGB(x, y)) > 180) {
                    white++;
                    sumX += x;
                    sumY += y;
                }
            }
        }
        Files.createDirectories(Path.of("target", "redaction"));
        ImageIO.write(labelled.getSubimage(x0 - 10, y0 - 10, x1 - x0 + 20, y1 - y0 + 20), "png",
                Path.of("target", "redaction", "ground.png").toFile());
        // Four characters at 12 pt, 150 dpi (25 pixels to the em): their strokes cover about 250 pixels, centred.
        assertThat(white).isGreaterThan(150);
        assertThat((double) sumX / white).isCloseTo((x0 + x1) / 2.0, org.assertj.core.data.Offset.offset(25.0));
        assertThat((double) sumY / white).isCloseTo((y0 + y1) / 2.0, org.assertj.core.data.Offset.offset(15.0));
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }

    @Test
    void textToFindGivesTheRegionsOfEveryOccurrence() throws Exception {
        byte[] original = original();
        List<PdfRedactor.Region> found = PdfRedactor.find(original, "6222-0210");
        assertThat(found).hasSize(1);
        PdfRedactor.Region r = found.get(0);
        assertThat(r.page()).isEqualTo(1);
        // The secret line's baseline is 300 pt from the top.
        assertThat(r.y()).isBetween(280.0, 300.0);
        assertThat(r.y() + r.height()).isGreaterThan(300.0);
        PdfRedactor redactor = new PdfRedactor(FONTS, 150, false);
        byte[] released = redactor.redact(original, List.of(new PdfRedactor.Cut(r.page(), r.x(), r.y(), r.width(),
                r.height(), "第十四条")));
        assertThat(text(released)).doesNotContain("6222-0210").doesNotContain(SECRET);
        assertThat(PdfRedactor.find(original, "ROAD WIDENING")).hasSize(2);
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** Every image on every page, including those inside form XObjects. */
    static List<BufferedImage> images(byte[] pdf) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage p : d.getPages()) {
                collect(p.getResources(), out);
            }
        }
        return out;
    }

    private static void collect(PDResources resources, List<BufferedImage> out) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                out.add(image.getImage());
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), out);
            }
        }
    }

    /** Pure red pixels in the area where the red picture is drawn (72..132 pt across, 340..400 pt down). */
    static int redPixels(BufferedImage page) {
        double scale = page.getWidth() / PDRectangle.A4.getWidth();
        int red = 0;
        for (int y = (int) (340 * scale); y < (int) (400 * scale); y++) {
            for (int x = (int) (72 * scale); x < (int) (132 * scale); x++) {
                Color c = new Color(page.getRGB(x, y));
                if (c.getRed() > 150 && c.getGreen() < 100 && c.getBlue() < 100) {
                    red++;
                }
            }
        }
        return red;
    }

    static BufferedImage renderedPage(byte[] pdf, int page) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.rendering.PDFRenderer(d).renderImageWithDPI(page - 1, 100);
        }
    }

    static boolean isMarker(BufferedImage image) {
        if (image.getWidth() != 60 || image.getHeight() != 60) {
            return false;
        }
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFF0000) {
                    return false;
                }
            }
        }
        return true;
    }

    static void savePng(BufferedImage image, Path path) throws IOException {
        ImageIO.write(image, "png", path.toFile());
    }
}
