package cn.gov.disclosure.records;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A PNG or JPEG as a one-page A4 PDF (landscape for a wide picture), the picture fitted within 10 mm margins.
 * The picture is decoded and encoded again, so its EXIF data (camera, place, time) does not go out.
 */
final class ImagePdf {

    private static final float MARGIN = 10 / 25.4f * 72;

    private ImagePdf() {
    }

    /** Decodes the picture; an {@link IOException} when it cannot be read. */
    static BufferedImage read(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
            throw new IOException("not a readable image");
        }
        return image;
    }

    static byte[] toPdf(BufferedImage image) throws IOException {
        boolean wide = image.getWidth() > image.getHeight();
        PDRectangle a4 = wide ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            PDImageXObject picture = LosslessFactory.createFromImage(doc, image);
            float maxW = a4.getWidth() - 2 * MARGIN, maxH = a4.getHeight() - 2 * MARGIN;
            float scale = Math.min(maxW / image.getWidth(), maxH / image.getHeight());
            float w = image.getWidth() * scale, h = image.getHeight() * scale;
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, (a4.getWidth() - w) / 2, (a4.getHeight() - h) / 2, w, h);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
