package cn.gov.disclosure.seal;

import cn.gov.disclosure.common.OutlineText;
import cn.gov.disclosure.common.Texts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The office's seal as a PNG with transparency ({@code disclosure.agency.seal-image}). Without one, the
 * demo profile draws a specimen marked 样章 at start-up; any other profile with signing on refuses to
 * start, since an unsealed notice is not a complete administrative document.
 */
@Component
public class SealImage {

    private static final Logger log = LoggerFactory.getLogger(SealImage.class);
    /** The font the notices embed; it has the glyphs for the office's name. */
    static final String FONT = "/fonts/NotoSerifSC-Bold.ttf";

    private final byte[] png;

    public SealImage(@Value("${disclosure.agency.seal-image:}") String path,
                     @Value("${disclosure.agency.name:}") String agencyName, SealProperties properties) {
        if (path != null && !path.isBlank()) {
            this.png = read(Path.of(path));
        } else if (properties.demo()) {
            this.png = specimen(agencyName);
            log.info("Demo profile: drawing a specimen seal for {}", agencyName);
        } else if (properties.enabled()) {
            throw new IllegalStateException("disclosure.agency.seal-image is not set: configure the office's seal "
                    + "(PNG with transparency), or disclosure.seal.enabled=false");
        } else {
            this.png = null;
        }
    }

    /** Whether notices carry a seal. */
    public boolean present() {
        return png != null;
    }

    public byte[] png() {
        return png == null ? null : png.clone();
    }

    private static byte[] read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null || !img.getColorModel().hasAlpha()) {
                throw new IllegalStateException("The seal image " + file + " must be a PNG with transparency");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the seal image " + file, e);
        }
    }

    /** The specimen seal of {@code name} as PNG bytes (600 px: 42 mm at about 360 dpi). */
    public static byte[] specimen(String name) {
        try (InputStream in = SealImage.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONT + " missing from the classpath");
            }
            BufferedImage img;
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                img = SpecimenSeal.draw(name == null || name.isBlank() ? Texts.get("seal.demo.agency") : name,
                        new OutlineText(font), 600);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot draw the specimen seal", e);
        }
    }
}
