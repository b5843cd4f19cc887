package cn.gov.disclosure.notice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An image that is the same in every notice (the office's seal), encoded for PDF once instead of once per notice.
 * <p>
 * Why: PDFBox cannot copy a PNG with an alpha channel into a PDF as it is; it decodes it and compresses colour and
 * transparency again, and for the 600-pixel seal that took about 30 % of the CPU of issuing an acknowledgment. Here
 * the template gets {@link #placeholderUri()}, a one-pixel PNG that PDFBox copies without work, and after layout
 * {@link #replaceIn} turns that image object into the seal from the bytes encoded at start-up. The layout does not
 * change: the notice's CSS gives the seal its size, and the page draws whatever image the object holds there.
 */
public final class PreparedImage {

    /** Each prepared image gets a placeholder of its own colour, so several can live in one notice. */
    private static final AtomicInteger PLACEHOLDERS = new AtomicInteger(0x5EA1);

    private final Encoded image;
    private final Encoded mask;
    private final String placeholderUri;
    /** The placeholder's compressed pixel data, which PDFBox copies verbatim into the image object. */
    private final byte[] placeholderData;

    private PreparedImage(Encoded image, Encoded mask, byte[] placeholderPng) {
        this.image = image;
        this.mask = mask;
        this.placeholderUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(placeholderPng);
        this.placeholderData = idat(placeholderPng);
    }

    /**
     * Encodes {@code png} (with or without transparency) for PDF; call once, keep the result. Throws
     * IllegalArgumentException for an image whose encoding cannot be shared between documents.
     */
    public static PreparedImage of(byte[] png) {
        try (PDDocument scratch = new PDDocument()) {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
            if (picture == null) {
                throw new IllegalArgumentException("Not a readable image (PNG, JPEG, GIF or BMP)");
            }
            PDImageXObject encoded = LosslessFactory.createFromImage(scratch, picture);
            PDImageXObject softMask = encoded.getSoftMask();
            return new PreparedImage(Encoded.of(encoded.getCOSObject()),
                    softMask == null ? null : Encoded.of(softMask.getCOSObject()), placeholder());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare an image for the notices", e);
        }
    }

    /** What the template puts in {@code <img src>}. */
    public String placeholderUri() {
        return placeholderUri;
    }

    /**
     * Before the document is saved: every image object that is this image's placeholder becomes this image.
     * Returns how many were replaced.
     */
    int replaceIn(PDDocument doc) throws IOException {
        int replaced = 0;
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject x && isPlaceholder(x.getCOSObject())) {
                    image.writeTo(x.getCOSObject());
                    if (mask != null) {
                        COSStream maskStream = doc.getDocument().createCOSStream();
                        mask.writeTo(maskStream);
                        x.getCOSObject().setItem(COSName.SMASK, maskStream);
                    }
                    replaced++;
                }
            }
        }
        return replaced;
    }

    private boolean isPlaceholder(COSStream stream) throws IOException {
        if (stream.getInt(COSName.WIDTH) != 1 || stream.getInt(COSName.HEIGHT) != 1) {
            return false;
        }
        try (InputStream raw = stream.createRawInputStream()) {
            return Arrays.equals(raw.readAllBytes(), placeholderData);
        }
    }

    /** A 1×1 opaque PNG of a colour no other prepared image uses. */
    private static byte[] placeholder() throws IOException {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, PLACEHOLDERS.getAndIncrement() & 0xFFFFFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(pixel, "png", out);
        return out.toByteArray();
    }

    /** The concatenated data of a PNG's IDAT chunks (what PDFBox copies into the image object's stream). */
    static byte[] idat(byte[] png) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int at = 8;
        while (at + 8 <= png.length) {
            int length = ((png[at] & 0xFF) << 24) | ((png[at + 1] & 0xFF) << 16) | ((png[at + 2] & 0xFF) << 8)
                    | (png[at + 3] & 0xFF);
            String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                data.write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return data.toByteArray();
    }

    /** An image stream's encoded bytes and the dictionary entries that describe them (without /Length, /SMask). */
    private record Encoded(byte[] data, Map<COSName, COSBase> entries) {

        static Encoded of(COSStream stream) throws IOException {
            Map<COSName, COSBase> entries = new HashMap<>();
            for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
                if (!e.getKey().equals(COSName.LENGTH) && !e.getKey().equals(COSName.SMASK)) {
                    entries.put(e.getKey(), copy(e.getValue()));
                }
            }
            try (InputStream raw = stream.createRawInputStream()) {
                return new Encoded(raw.readAllBytes(), Map.copyOf(entries));
            }
        }

        /** Replaces the stream's description and data with this one's. */
        void writeTo(COSStream stream) throws IOException {
            for (COSName key : stream.keySet().toArray(COSName[]::new)) {
                if (!key.equals(COSName.LENGTH)) {
                    stream.removeItem(key);
                }
            }
            // Fresh COS objects for each document: documents are written on several threads at once.
            entries.forEach((key, value) -> stream.setItem(key, copy(value)));
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(data);
            }
        }

        /**
         * Names, numbers and booleans are immutable and shared by PDFBox anyway; a dictionary (/DecodeParms) or an
         * array of such values is copied. Anything else (an ICC profile stream) belongs to one document: refused,
         * and the caller keeps encoding the image per notice.
         */
        private static COSBase copy(COSBase value) {
            if (value instanceof COSName || value instanceof COSNumber || value instanceof COSBoolean) {
                return value;
            }
            if (value instanceof COSArray array) {
                COSArray copy = new COSArray();
                array.forEach(element -> copy.add(copy(element)));
                return copy;
            }
            if (value instanceof COSDictionary d && !(value instanceof COSStream)) {
                COSDictionary copy = new COSDictionary();
                d.entrySet().forEach(e -> copy.setItem(e.getKey(), copy(e.getValue())));
                return copy;
            }
            throw new IllegalArgumentException("Image entry cannot be shared between documents: " + value);
        }
    }
}
