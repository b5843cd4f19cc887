package cn.gov.disclosure.notice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
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
final class PreparedImage {

    /** Each prepared image gets a placeholder of its own colour, so several can live in one notice. */
    private static final AtomicInteger PLACEHOLDERS = new AtomicInteger(0x5EA1);

    private final Encoded image;
    private final String placeholderUri;
    /** The placeholder's compressed pixel data, which PDFBox copies verbatim into the image object. */
    private final byte[] placeholderData;

    private PreparedImage(Encoded image, byte[] placeholderPng) {
        this.image = image;
        this.placeholderUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(placeholderPng);
        this.placeholderData = idat(placeholderPng);
    }

    /**
     * Encodes {@code png} for PDF exactly as PDFBox did for each notice (a palette PNG stays indexed, one with an
     * alpha channel gets a soft mask); call once, keep the result. Throws IllegalArgumentException for bytes that
     * are not an image PDFBox can read.
     */
    static PreparedImage of(byte[] png) {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject encoded;
            try {
                encoded = PDImageXObject.createFromByteArray(scratch, png, "prepared.png");
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("Not an image PDFBox can read: " + e.getMessage(), e);
            }
            return new PreparedImage(Encoded.of(encoded.getCOSObject()), placeholder());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare an image for the notices", e);
        }
    }

    /** What the template puts in {@code <img src>}; the notice's CSS must give the image its width and height. */
    String placeholderUri() {
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
                    image.writeTo(x.getCOSObject(), doc);
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
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                data.write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return data.toByteArray();
    }

    /**
     * A stream's encoded bytes and its dictionary, with every value held in a form no document owns: names,
     * numbers and booleans as they are (immutable), arrays and dictionaries as templates, and streams inside
     * (the soft mask, a palette, a colour profile) as nested Encoded. Each document gets its own objects.
     */
    private record Encoded(byte[] data, Map<COSName, Object> entries) {

        static Encoded of(COSStream stream) throws IOException {
            Map<COSName, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
                if (!e.getKey().equals(COSName.LENGTH)) {
                    entries.put(e.getKey(), template(e.getValue()));
                }
            }
            try (InputStream raw = stream.createRawInputStream()) {
                return new Encoded(raw.readAllBytes(), Collections.unmodifiableMap(entries));
            }
        }

        /** Replaces the stream's description and data with this one's, in {@code doc}'s own objects. */
        void writeTo(COSStream stream, PDDocument doc) throws IOException {
            for (COSName key : stream.keySet().toArray(COSName[]::new)) {
                if (!key.equals(COSName.LENGTH)) {
                    stream.removeItem(key);
                }
            }
            for (Map.Entry<COSName, Object> e : entries.entrySet()) {
                stream.setItem(e.getKey(), build(e.getValue(), doc));
            }
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(data);
            }
        }

        private static Object template(COSBase value) throws IOException {
            COSBase v = value instanceof COSObject reference ? reference.getObject() : value;
            if (v instanceof COSName || v instanceof COSNumber || v instanceof COSBoolean || v instanceof COSNull) {
                return v;
            }
            if (v instanceof COSStream nested) {
                return of(nested);
            }
            if (v instanceof COSArray array) {
                List<Object> items = new ArrayList<>();
                for (COSBase item : array) {
                    items.add(template(item));
                }
                return List.copyOf(items);
            }
            if (v instanceof COSDictionary d) {
                Map<COSName, Object> items = new LinkedHashMap<>();
                for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                    items.put(e.getKey(), template(e.getValue()));
                }
                return new Dictionary(Collections.unmodifiableMap(items));
            }
            if (v instanceof COSString text) {
                return new Text(text.getBytes().clone());
            }
            throw new IllegalArgumentException("Unexpected entry in an image: " + v);
        }

        private static COSBase build(Object template, PDDocument doc) throws IOException {
            if (template instanceof COSBase immutable) {
                return immutable;
            }
            if (template instanceof Encoded nested) {
                COSStream stream = doc.getDocument().createCOSStream();
                nested.writeTo(stream, doc);
                return stream;
            }
            if (template instanceof List<?> items) {
                COSArray array = new COSArray();
                for (Object item : items) {
                    array.add(build(item, doc));
                }
                return array;
            }
            if (template instanceof Dictionary d) {
                COSDictionary dictionary = new COSDictionary();
                for (Map.Entry<COSName, Object> e : d.entries().entrySet()) {
                    dictionary.setItem(e.getKey(), build(e.getValue(), doc));
                }
                return dictionary;
            }
            return new COSString(((Text) template).bytes().clone());
        }
    }

    private record Dictionary(Map<COSName, Object> entries) {
    }

    private record Text(byte[] bytes) {
    }
}
