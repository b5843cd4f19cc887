package cn.gov.disclosure.records;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;

import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;

/**
 * Decides what an uploaded file is from its first bytes (Apache Tika's magic numbers), never from its name: an
 * executable renamed {@code .pdf} is still an executable. The name only tells apart the members of one container
 * family whose bytes look alike (a legacy Word or Excel file are both OLE2); ZIP-based office files are
 * recognised by their inner structure, so a plain archive named {@code .docx} stays an archive.
 */
public final class ContentTypes {

    /** The detected kind and media type. */
    public record Detected(RecordKind kind, String mediaType) {
    }

    private static final Tika TIKA = new Tika();

    private static final Set<String> EXECUTABLES = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o",
            "application/x-mach-o-executable", "application/java-vm", "application/x-sh", "application/x-bat",
            "application/x-msi", "application/x-ms-installer", "application/vnd.microsoft.portable-executable",
            "application/x-object", "application/x-coredump", "application/javascript", "text/javascript",
            "application/x-java-archive", "application/vnd.android.package-archive");
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-rar-compressed",
            "application/x-7z-compressed", "application/gzip", "application/x-gzip", "application/x-tar",
            "application/x-bzip2", "application/x-xz", "application/x-lzma", "application/x-compress",
            "application/vnd.rar", "application/x-zstd", "application/x-lzip", "application/x-archive",
            "application/x-iso9660-image", "application/x-cpio");
    private static final Set<String> OLE2_OFFICE = Set.of("application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint");

    private ContentTypes() {
    }

    /**
     * @throws InvalidInputException naming the file: executables and archives, unknown formats, macro documents
     */
    public static Detected detect(String field, String fileName, byte[] bytes) {
        String byBytes = TIKA.detect(bytes).split(";")[0].strip();
        switch (byBytes) {
            case "application/pdf":
                return new Detected(RecordKind.PDF, byBytes);
            case "image/png", "image/jpeg":
                return new Detected(RecordKind.IMAGE, byBytes);
            case "application/x-tika-msoffice": {
                String refined = TIKA.detect(bytes, fileName == null ? "" : fileName);
                if (OLE2_OFFICE.contains(refined)) {
                    return new Detected(RecordKind.OFFICE, refined);
                }
                throw refused(field, "records.upload.executable", fileName, refined);
            }
            case "application/zip", "application/x-tika-ooxml": {
                String office = officeInside(bytes);
                if (office == null) {
                    throw refused(field, "records.upload.archive", fileName, byBytes);
                }
                if (office.equals("macro")) {
                    throw refused(field, "records.upload.macro", fileName, byBytes);
                }
                return new Detected(RecordKind.OFFICE, office);
            }
            default:
                if (EXECUTABLES.contains(byBytes) || byBytes.contains("executable") || byBytes.contains("msdownload")) {
                    throw refused(field, "records.upload.executable", fileName, byBytes);
                }
                if (ARCHIVES.contains(byBytes)) {
                    throw refused(field, "records.upload.archive", fileName, byBytes);
                }
                throw refused(field, "records.upload.unsupported", fileName, byBytes);
        }
    }

    /**
     * The office type a ZIP holds, by its inner structure (entry names only, nothing is inflated); "macro" for a
     * document with a VBA project; null for any other archive.
     */
    static String officeInside(byte[] bytes) {
        Set<String> names = new HashSet<>();
        String odfType = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < 10_000) {
                names.add(e.getName());
                if (n == 1 && e.getName().equals("mimetype")) {
                    byte[] head = zip.readNBytes(100);
                    odfType = new String(head, java.nio.charset.StandardCharsets.US_ASCII).trim();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        if (names.stream().anyMatch(n -> n.toLowerCase().endsWith("vbaproject.bin"))) {
            return "macro";
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (names.stream().anyMatch(n -> n.startsWith("xl/"))) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            }
        }
        if (odfType != null && odfType.startsWith("application/vnd.oasis.opendocument.")
                && names.contains("content.xml")) {
            return odfType;
        }
        return null;
    }

    static InvalidInputException refused(String field, String key, String fileName, String type) {
        return new InvalidInputException(java.util.List.of(FieldError.of(field, key, fileName, type)));
    }
}
