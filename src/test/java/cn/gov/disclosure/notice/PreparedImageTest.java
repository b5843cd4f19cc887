package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import cn.gov.disclosure.seal.SealImage;

/**
 * The seal is encoded once and put into each notice in place of its placeholder: the notice shows exactly the
 * seal's pixels and transparency, and no placeholder is left, also with two prepared images in one notice.
 */
class PreparedImageTest {

    static final NoticeFonts fonts = TestFonts.shared();

    private static String page(String... sources) {
        StringBuilder images = new StringBuilder();
        for (String src : sources) {
            images.append("<p>印章<img style=\"width: 42mm; height: 42mm;\" alt=\"印章\" src=\"").append(src)
                    .append("\"/></p>");
        }
        return "<html lang=\"zh-CN\"><head><title>t</title><style>@page { size: A4; margin: 30mm; }"
                + " body { font-family: NoticeSerif; font-size: 16pt; }</style></head><body>" + images
                + "</body></html>";
    }

    private static List<PDImageXObject> images(PDDocument doc) throws IOException {
        List<PDImageXObject> found = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    found.add(image);
                }
            }
        }
        return found;
    }

    /** Every pixel the same colour and opacity; fully transparent pixels only need to stay transparent. */
    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int visible = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int want = expected.getRGB(x, y);
                int got = actual.getRGB(x, y);
                if (want >>> 24 == 0) {
                    assertThat(got >>> 24).as("alpha at %d,%d", x, y).isZero();
                } else {
                    visible++;
                    assertThat(Integer.toHexString(got)).as("pixel at %d,%d", x, y)
                            .isEqualTo(Integer.toHexString(want));
                }
            }
        }
        assertThat(visible).isGreaterThan(1000);
    }

    @Test
    void theNoticeCarriesTheSealPixelForPixelAndNoPlaceholder() throws IOException {
        byte[] png = SealImage.specimen("示例市人民政府办公室");
        PdfRenderer renderer = new PdfRenderer(fonts);
        PreparedImage seal = renderer.prepare(png);
        assertThat(seal.placeholderUri()).startsWith("data:image/png;base64,").hasSizeLessThan(200);

        byte[] pdf = renderer.render(page(seal.placeholderUri()), "t");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDImageXObject> images = images(doc);
            assertThat(images).hasSize(1);
            PDImageXObject image = images.get(0);
            assertThat(image.getSoftMask()).isNotNull();
            assertSamePixels(image.getImage(), ImageIO.read(new ByteArrayInputStream(png)));
        }
    }

    @Test
    void twoPreparedImagesInOneNoticeEachGetTheirOwn() throws IOException {
        byte[] first = SealImage.specimen("示例市人民政府办公室");
        byte[] second = SealImage.specimen("示例市自然资源局");
        PdfRenderer renderer = new PdfRenderer(fonts);
        PreparedImage a = renderer.prepare(first);
        PreparedImage b = renderer.prepare(second);
        assertThat(a.placeholderUri()).isNotEqualTo(b.placeholderUri());

        byte[] pdf = renderer.render(page(a.placeholderUri(), b.placeholderUri()), "t");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDImageXObject> images = images(doc);
            assertThat(images).hasSize(2).allMatch(i -> i.getWidth() == 600 && i.getHeight() == 600);
            BufferedImage shownFirst = images.get(0).getImage();
            BufferedImage shownSecond = images.get(1).getImage();
            // Page resources are a map: match each shown image to its source by trying both.
            BufferedImage wantFirst = ImageIO.read(new ByteArrayInputStream(first));
            BufferedImage wantSecond = ImageIO.read(new ByteArrayInputStream(second));
            try {
                assertSamePixels(shownFirst, wantFirst);
                assertSamePixels(shownSecond, wantSecond);
            } catch (AssertionError swapped) {
                assertSamePixels(shownFirst, wantSecond);
                assertSamePixels(shownSecond, wantFirst);
            }
        }
    }

    @Test
    void anImageWithoutTransparencyNeedsNoMask() throws IOException {
        BufferedImage opaque = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                opaque.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(opaque, "png", png);
        PdfRenderer renderer = new PdfRenderer(fonts);
        PreparedImage image = renderer.prepare(png.toByteArray());

        byte[] pdf = renderer.render(page(image.placeholderUri()), "t");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDImageXObject shown = images(doc).get(0);
            assertThat(shown.getSoftMask()).isNull();
            assertThat(shown.getWidth()).isEqualTo(40);
            assertThat(shown.getImage().getRGB(39, 29) & 0xFFFFFF).isEqualTo(opaque.getRGB(39, 29) & 0xFFFFFF);
        }
    }

    @Test
    void anImageThatCannotBePreparedGoesIntoTheNoticeAsItIs() {
        PdfRenderer renderer = new PdfRenderer(fonts);
        byte[] notAnImage = "not a PNG".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PreparedImage.of(notAnImage))
                .isInstanceOf(IllegalArgumentException.class);
        // The notice service then puts the bytes themselves into the template (SealImage has refused such bytes
        // before this point; the branch is for an encoding PreparedImage does not know).
        assertThat(NoticeService.sealSource(renderer, notAnImage))
                .isEqualTo("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(notAnImage));
        byte[] seal = SealImage.specimen("示例市人民政府办公室");
        assertThat(NoticeService.sealSource(renderer, seal)).hasSizeLessThan(200);
    }

    /** The specimen seal as a palette PNG with transparency (colour type 3 with tRNS). */
    private static byte[] paletteSeal() throws IOException {
        BufferedImage rgba = ImageIO.read(new ByteArrayInputStream(SealImage.specimen("示例市人民政府办公室")));
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        byte[] a = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) 0xD0;
            g[i] = (byte) 0x10;
            b[i] = (byte) 0x10;
            a[i] = (byte) i;
        }
        java.awt.image.IndexColorModel palette = new java.awt.image.IndexColorModel(8, 256, r, g, b, a);
        BufferedImage indexed = new BufferedImage(rgba.getWidth(), rgba.getHeight(),
                BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < rgba.getHeight(); y++) {
            for (int x = 0; x < rgba.getWidth(); x++) {
                indexed.getRaster().setSample(x, y, 0, rgba.getRGB(x, y) >>> 24);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(indexed, "png", png);
        return png.toByteArray();
    }

    @Test
    void aPaletteSealStaysIndexedAndShowsTheSamePixels() throws IOException {
        byte[] png = paletteSeal();
        assertThat(png[25]).as("PNG colour type").isEqualTo((byte) 3);
        PdfRenderer renderer = new PdfRenderer(fonts);
        PreparedImage seal = renderer.prepare(png);

        byte[] pdf = renderer.render(page(seal.placeholderUri()), "t");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDImageXObject image = images(doc).get(0);
            assertThat(image.getColorSpace().getName()).isEqualTo("Indexed");
            assertThat(image.getSoftMask()).isNotNull();
            assertSamePixels(image.getImage(), ImageIO.read(new ByteArrayInputStream(png)));
        }
    }

    /** Every dictionary, array and stream reachable from {@code base}, by identity. */
    private static java.util.Set<org.apache.pdfbox.cos.COSBase> containers(org.apache.pdfbox.cos.COSBase base,
            java.util.Set<org.apache.pdfbox.cos.COSBase> seen) {
        org.apache.pdfbox.cos.COSBase v = base instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : base;
        if ((v instanceof org.apache.pdfbox.cos.COSDictionary || v instanceof org.apache.pdfbox.cos.COSArray)
                && seen.add(v)) {
            if (v instanceof org.apache.pdfbox.cos.COSDictionary d) {
                d.getValues().forEach(child -> containers(child, seen));
            } else {
                ((org.apache.pdfbox.cos.COSArray) v).forEach(child -> containers(child, seen));
            }
        }
        return seen;
    }

    @Test
    void twoDocumentsShareNoObjectOfThePreparedImage() throws IOException {
        for (byte[] png : List.of(SealImage.specimen("示例市人民政府办公室"), paletteSeal())) {
            PreparedImage seal = PreparedImage.of(png);
            byte[] placeholder = java.util.Base64.getDecoder().decode(
                    seal.placeholderUri().substring(seal.placeholderUri().indexOf(',') + 1));
            List<PDImageXObject> replaced = new ArrayList<>();
            List<PDDocument> docs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                PDDocument doc = new PDDocument();
                docs.add(doc);
                PDPage page = new PDPage();
                page.setResources(new org.apache.pdfbox.pdmodel.PDResources());
                doc.addPage(page);
                PDImageXObject image = PDImageXObject.createFromByteArray(doc, placeholder, "placeholder.png");
                page.getResources().add(image);
                assertThat(seal.replaceIn(doc)).isEqualTo(1);
                replaced.add(image);
            }
            java.util.Set<org.apache.pdfbox.cos.COSBase> first = containers(replaced.get(0).getCOSObject(),
                    java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            java.util.Set<org.apache.pdfbox.cos.COSBase> second = containers(replaced.get(1).getCOSObject(),
                    java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            assertThat(first).hasSizeGreaterThan(1);
            assertThat(first).doesNotContainAnyElementsOf(second);
            assertThat(replaced.get(0).getImage().getRGB(300, 300))
                    .isEqualTo(replaced.get(1).getImage().getRGB(300, 300));
            for (PDDocument doc : docs) {
                doc.close();
            }
        }
    }
}
