package cn.gov.disclosure.seal;

import cn.gov.disclosure.common.OutlineText;
import cn.gov.disclosure.common.Texts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws a specimen office seal with Java2D: red ring, five-pointed star, the office's name along the upper
 * arc and 样章 below the star, so that it can never pass for a real seal. Transparent background.
 */
public final class SpecimenSeal {

    /** Seal red (GB/T 9704 asks for red; this one prints well and reads on screen). */
    static final Color RED = new Color(0xD7, 0x1A, 0x1A);

    private SpecimenSeal() {
    }

    /**
     * @param name  the office's name on the arc
     * @param font  a bold font with Chinese glyphs (scaled to the seal)
     * @param size  the image's width and height in pixels
     */
    public static BufferedImage draw(String name, OutlineText font, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(RED);
            double c = size / 2.0;
            float ring = size * 0.035f;
            g.setStroke(new BasicStroke(ring));
            double r = c - ring;
            g.draw(new java.awt.geom.Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r));

            g.fill(star(c, c, size * 0.17, size * 0.068));

            // The name runs clockwise along the upper arc, each character upright to the centre.
            int n = name.codePointCount(0, name.length());
            float arcSize = (float) Math.min(size * 0.13, size * 2.6 / Math.max(n, 1));
            double textRadius = r - ring - arcSize * 0.95;
            double sweep = Math.toRadians(Math.min(250, 22 * n + 20));
            double start = -Math.PI / 2 - sweep / 2;
            int i = 0;
            for (int off = 0; off < name.length(); i++) {
                int cp = name.codePointAt(off);
                String ch = new String(Character.toChars(cp));
                off += Character.charCount(cp);
                double angle = n == 1 ? -Math.PI / 2 : start + sweep * i / (n - 1);
                AffineTransform at = new AffineTransform();
                at.translate(c + textRadius * Math.cos(angle), c + textRadius * Math.sin(angle));
                at.rotate(angle + Math.PI / 2);
                g.fill(at.createTransformedShape(font.shape(ch, arcSize, -font.width(ch, arcSize) / 2, arcSize * 0.4)));
            }

            float markSize = size * 0.12f;
            Shape word = font.shape(Texts.get("seal.specimen.mark"), markSize, 0, 0);
            Rectangle2D b = word.getBounds2D();
            g.fill(AffineTransform.getTranslateInstance(c - b.getWidth() / 2 - b.getX(), c + size * 0.31)
                    .createTransformedShape(word));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D p = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double rad = k % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double x = cx + rad * Math.cos(a);
            double y = cy + rad * Math.sin(a);
            if (k == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }
}
