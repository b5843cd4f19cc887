package cn.gov.disclosure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import cn.gov.disclosure.common.InvalidInputException;

/** The type of an upload comes from its bytes: names do not make an executable or an archive acceptable. */
class ContentTypesTest {

    /** A minimal Windows executable header: MZ, the offset of the PE header, PE\0\0. */
    static byte[] exe() {
        byte[] b = new byte[1024];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("x".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String refusal(String name, byte[] bytes) {
        try {
            ContentTypes.detect("files", name, bytes);
        } catch (InvalidInputException e) {
            return e.errors().get(0).message();
        }
        throw new AssertionError("not refused: " + name);
    }

    @Test
    void executablesAndArchivesAreRefusedWhateverTheirName() throws IOException {
        assertThat(refusal("setup.exe", exe())).contains("setup.exe").contains("可执行程序");
        assertThat(refusal("批复.pdf", exe())).contains("批复.pdf").contains("可执行程序");
        assertThat(refusal("材料.zip", zip("a.txt"))).contains("材料.zip").contains("压缩包");
        assertThat(refusal("材料.docx", zip("a.txt"))).contains("材料.docx").contains("压缩包");
        assertThat(refusal("script.pdf", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)))
                .contains("script.pdf");
        assertThat(refusal("宏.docm", zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
                .contains("宏");
    }

    @Test
    void pdfImagesAndOfficeDocumentsAreRecognisedByTheirBytes() throws IOException {
        assertThat(ContentTypes.detect("f", "x.bin", "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1)).kind())
                .isEqualTo(RecordKind.PDF);
        assertThat(ContentTypes.detect("f", "photo.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0})
                .kind()).isEqualTo(RecordKind.IMAGE);
        ContentTypes.Detected docx = ContentTypes.detect("f", "报告.zip", zip("[Content_Types].xml", "word/document.xml"));
        assertThat(docx.kind()).isEqualTo(RecordKind.OFFICE);
        assertThat(docx.mediaType()).contains("wordprocessingml");
        assertThatThrownBy(() -> ContentTypes.detect("f", "空.pdf", "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("空.pdf");
    }
}
