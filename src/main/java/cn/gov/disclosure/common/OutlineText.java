package cn.gov.disclosure.common;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Text as glyph outlines from a font PDFBox has parsed, for drawing with Java2D (the specimen seal, the grounds in
 * redaction boxes). Java2D's own fonts are not used: {@code java.awt.Font.createFont} copies the 15 MB font into a
 * temporary file that only a normal JVM exit deletes, so every killed process left 15 MB per font in the temporary
 * directory. One line, no shaping (Chinese needs none); a character the font lacks is drawn as its empty glyph.
 * <p>
 * Not thread-safe, like the {@link TrueTypeFont} it reads: use it on one thread at a time.
 */
public final class OutlineText {

    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final float unitsPerEm;

    public OutlineText(TrueTypeFont font) {
        try {
            this.font = font;
            this.cmap = font.getUnicodeCmapLookup();
            this.unitsPerEm = font.getUnitsPerEm();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font's character map", e);
        }
    }

    /** The advance width of {@code text} at {@code size} pixels per em. */
    public double width(String text, float size) {
        try {
            double units = 0;
            for (int cp : text.codePoints().toArray()) {
                units += font.getAdvanceWidth(cmap.getGlyphId(cp));
            }
            return units * size / unitsPerEm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far the font's letters reach above the baseline at {@code size}. */
    public double ascent(float size) {
        try {
            return font.getHorizontalHeader().getAscender() * size / unitsPerEm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far they reach below it (a positive distance). */
    public double descent(float size) {
        try {
            return -font.getHorizontalHeader().getDescender() * size / unitsPerEm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
