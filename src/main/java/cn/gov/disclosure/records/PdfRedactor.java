package cn.gov.disclosure.records;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gov.disclosure.common.OutlineText;
import cn.gov.disclosure.notice.NoticeFonts;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * True redaction. Every page that has a cut is rendered to a picture, the cut is painted over with a black box
 * carrying its short ground, and the page is rebuilt from that picture alone: no text, image or vector under the
 * cut survives, because nothing of the old page's content survives. Pages without a cut are copied without their
 * annotations and page metadata (or rasterised too, when configured). The new document has no document metadata,
 * outline, attachments, forms or scripts: only the pages are carried over.
 *
 * <p>Coordinates are PDF points measured from the top left corner of the page as displayed (rotation applied).
 */
public final class PdfRedactor {

    /** One cut: page from 1, rectangle in points from the top left corner, and the text shown in the box. */
    public record Cut(int page, double x, double y, double width, double height, String label) {
    }

    /** A rectangle in points from the top left corner of a page. */
    public record Region(int page, double x, double y, double width, double height) {
    }

    private final NoticeFonts fonts;
    private final int dpi;
    private final boolean rasteriseAllPages;

    /** {@code fonts}: the notices' Chinese fonts, for the grounds in the boxes. */
    public PdfRedactor(NoticeFonts fonts, int dpi, boolean rasteriseAllPages) {
        this.fonts = fonts;
        this.dpi = Math.max(72, Math.min(dpi, 400));
        this.rasteriseAllPages = rasteriseAllPages;
    }

    public byte[] redact(byte[] pdf, List<Cut> cuts) {
        Map<Integer, List<Cut>> byPage = new TreeMap<>();
        for (Cut c : cuts) {
            byPage.computeIfAbsent(c.page(), p -> new ArrayList<>()).add(c);
        }
        try (PDDocument source = Loader.loadPDF(pdf); PDDocument out = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            // Annotations (comments, form fields) are not part of what the clerk cut; they are not carried over.
            renderer.setAnnotationsFilter(a -> false);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                List<Cut> pageCuts = byPage.getOrDefault(i + 1, List.of());
                if (pageCuts.isEmpty() && !rasteriseAllPages) {
                    PDPage copy = out.importPage(source.getPage(i));
                    for (COSName name : new COSName[] {COSName.ANNOTS, COSName.METADATA, COSName.PIECE_INFO,
                            COSName.AA, COSName.THUMB, COSName.STRUCT_PARENTS, COSName.getPDFName("B")}) {
                        copy.getCOSObject().removeItem(name);
                    }
                } else {
                    rebuildAsImage(out, renderer, i, pageCuts);
                }
            }
            out.setDocumentInformation(new PDDocumentInformation());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rebuildAsImage(PDDocument out, PDFRenderer renderer, int index, List<Cut> cuts) throws IOException {
        float scale = dpi / 72f;
        BufferedImage image = renderer.renderImage(index, scale, ImageType.RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            List<Rectangle> boxes = new ArrayList<>();
            for (Cut c : cuts) {
                Rectangle box = new Rectangle((int) Math.floor(c.x() * scale), (int) Math.floor(c.y() * scale),
                        (int) Math.ceil(c.width() * scale) + 1, (int) Math.ceil(c.height() * scale) + 1);
                boxes.add(box);
                g.setColor(Color.BLACK);
                g.fill(box);
            }
            // The grounds of all the page's cuts with one borrowing of the fonts, which notices share (none to
            // borrow when no cut has a ground).
            boolean anyGround = cuts.stream().anyMatch(c -> c.label() != null && !c.label().isBlank());
            List<Shape> grounds = !anyGround ? List.of() : fonts.withFonts(pair -> {
                OutlineText font = new OutlineText(pair.regular());
                List<Shape> shapes = new ArrayList<>();
                for (int i = 0; i < cuts.size(); i++) {
                    shapes.add(ground(font, cuts.get(i).label(), boxes.get(i), scale));
                }
                return shapes;
            });
            g.setColor(Color.WHITE);
            for (Shape ground : grounds) {
                if (ground != null) {
                    g.fill(ground);
                }
            }
        } finally {
            g.dispose();
        }
        PDRectangle size = new PDRectangle(image.getWidth() / scale, image.getHeight() / scale);
        PDPage page = new PDPage(size);
        out.addPage(page);
        // Re-encoded from pixels: nothing of the old page's streams, fonts or images is copied.
        PDImageXObject picture = JPEGFactory.createFromImage(out, image, 0.9f, dpi);
        try (PDPageContentStream content = new PDPageContentStream(out, page)) {
            content.drawImage(picture, 0, 0, size.getWidth(), size.getHeight());
        }
    }

    /** The ground's outline, as large as fits (at most 12 pt), centred; null when the box is too small for it. */
    private static Shape ground(OutlineText font, String text, Rectangle box, float scale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        float size = Math.min(12 * scale, box.height * 0.7f);
        while (font.width(text, size) > box.width - 4 && size > 6 * scale) {
            size -= scale;
        }
        double width = font.width(text, size);
        double ascent = font.ascent(size);
        double height = ascent + font.descent(size);
        if (width > box.width - 2 || height > box.height) {
            return null;
        }
        return font.shape(text, size, box.x + (box.width - width) / 2, box.y + (box.height - height) / 2 + ascent);
    }

    /** Number of pages, or an {@link IOException} for a file PDFBox cannot read. */
    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    /** The page's displayed size in points (width, height). */
    public static double[] pageSize(byte[] pdf, int page) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDPage p = d.getPage(page - 1);
            PDRectangle box = p.getCropBox();
            boolean turned = p.getRotation() % 180 != 0;
            return turned ? new double[] {box.getHeight(), box.getWidth()} : new double[] {box.getWidth(), box.getHeight()};
        }
    }

    /**
     * Where {@code needle} appears (whitespace ignored), one region per line of each occurrence, with a little
     * room above and below the glyphs so accents and descenders go too.
     */
    public static List<Region> find(byte[] pdf, String needle) throws IOException {
        String wanted = needle.replaceAll("\\s+", "");
        List<Region> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            return found;
        }
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                List<TextPosition> glyphs = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        glyphs.addAll(positions);
                    }
                };
                stripper.setSortByPosition(true);
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(d);
                StringBuilder text = new StringBuilder();
                List<TextPosition> owner = new ArrayList<>();
                for (TextPosition t : glyphs) {
                    for (char ch : t.getUnicode().toCharArray()) {
                        if (!Character.isWhitespace(ch)) {
                            text.append(ch);
                            owner.add(t);
                        }
                    }
                }
                for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
                    found.addAll(regions(p, owner.subList(at, at + wanted.length())));
                }
            }
        }
        return found;
    }

    private static List<Region> regions(int page, List<TextPosition> glyphs) {
        List<Region> out = new ArrayList<>();
        double left = 0, top = 0, right = 0, bottom = 0, baseline = Double.NaN;
        for (TextPosition t : glyphs) {
            double size = Math.max(t.getHeightDir(), t.getFontSizeInPt());
            double l = t.getXDirAdj(), r = l + t.getWidthDirAdj();
            double tp = t.getYDirAdj() - size * 1.05, b = t.getYDirAdj() + size * 0.3;
            if (Double.isNaN(baseline) || Math.abs(t.getYDirAdj() - baseline) > size * 0.5) {
                if (!Double.isNaN(baseline)) {
                    out.add(new Region(page, left - 1, top, right - left + 2, bottom - top));
                }
                baseline = t.getYDirAdj();
                left = l;
                right = r;
                top = tp;
                bottom = b;
            } else {
                left = Math.min(left, l);
                right = Math.max(right, r);
                top = Math.min(top, tp);
                bottom = Math.max(bottom, b);
            }
        }
        if (!Double.isNaN(baseline)) {
            out.add(new Region(page, left - 1, top, right - left + 2, bottom - top));
        }
        return out;
    }
}
