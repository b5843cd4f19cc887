package cn.gov.disclosure.common;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Text as glyph outlines from a font PDFBox has parsed, for drawing with Java2D (the specimen seal, the grounds in
 * redaction boxes). Java2D's own fonts are not used: {@code java.awt.Font.createFont} copies the 15 MB font into a
 * temporary file that only a normal JVM exit deletes, so every killed process left 15 MB per font in the temporary
 * directory. One line, no shaping (Chinese needs none). A character the font lacks (or a control character) is left
 * out, as Java2D left it out, rather than drawn as the font's box for a missing glyph.
 * <p>
 * Not thread-safe, like the {@link TrueTypeFont} it reads: use it on one thread at a time.
 */
public final class OutlineText {

    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final float unitsPerEm;
    private final int ascender;
    private final int descender;

    public OutlineText(TrueTypeFont font) {
        try {
            this.font = font;
            this.cmap = font.getUnicodeCmapLookup();
            this.unitsPerEm = font.getUnitsPerEm();
            // The typographic ascender and descender span the ideographs' em box (880 and -120 in Noto Serif SC),
            // so text centred on them looks centred; the horizontal header's also make room for accents.
            OS2WindowsMetricsTable os2 = font.getOS2Windows();
            this.ascender = os2 != null ? os2.getTypoAscender() : font.getHorizontalHeader().getAscender();
            this.descender = os2 != null ? os2.getTypoDescender() : font.getHorizontalHeader().getDescender();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font's metrics", e);
        }
    }

    /** The advance width of {@code text} at {@code size} pixels per em. */
    public double width(String text, float size) {
        try {
            double units = 0;
            for (int cp : text.codePoints().toArray()) {
                int gid = cmap.getGlyphId(cp);
                if (gid != 0) {
                    units += font.getAdvanceWidth(gid);
                }
            }
            return units * size / unitsPerEm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far the font's characters reach above the baseline at {@code size}. */
    public double ascent(float size) {
        return ascender * size / unitsPerEm;
    }

    /** How far they reach below it (a positive distance). */
    public double descent(float size) {
        return -descender * size / unitsPerEm;
    }

    /**
     * The outlines of {@code text} at {@code size} pixels per em, its baseline starting at ({@code x}, {@code y}) in
     * Java2D's coordinates (y grows downwards; the font's grows upwards).
     */
    public Shape shape(String text, float size, double x, double y) {
        try {
            Path2D.Double all = new Path2D.Double();
            double scale = size / unitsPerEm;
            double pen = 0;
            for (int cp : text.codePoints().toArray()) {
                int gid = cmap.getGlyphId(cp);
                if (gid == 0) {
                    continue;
                }
                GlyphData glyph = font.getGlyph().getGlyph(gid);
                if (glyph != null) {
                    GeneralPath outline = glyph.getPath();
                    AffineTransform place = new AffineTransform(scale, 0, 0, -scale, x + pen * scale, y);
                    all.append(outline.getPathIterator(place), false);
                }
                pen += font.getAdvanceWidth(gid);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
