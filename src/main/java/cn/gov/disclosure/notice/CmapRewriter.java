package cn.gov.disclosure.notice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Rewrites a TrueType font's character map so that the CJK radical blocks (U+2E80–U+2FDF) no longer
 * point at the glyphs they share with unified ideographs.
 *
 * <p>Why: fonts such as Noto Serif SC map ⼈ (U+2F08) and 人 (U+4EBA) to one glyph. When PDFBox writes
 * the PDF's ToUnicode table it takes the first code point that maps to a glyph, which is the radical,
 * so text copied out of the notice would read "⼈⺠" instead of "人民". With the radicals unmapped, each
 * glyph has exactly one code point and copied text equals rendered text.
 */
public final class CmapRewriter {

    private CmapRewriter() {
    }

    static boolean isRadical(int cp) {
        return cp >= 0x2E80 && cp <= 0x2FDF;
    }

    /**
     * Returns a copy of the font whose only cmap is a (3,10) format-12 table without the radicals, and without a
     * GSUB table.
     * <p>
     * Why no GSUB: PDFBox applies a font's GSUB "Latin" features (ccmp, liga, clig) to every string it shows,
     * compiling regular expressions per string; with Noto Serif SC that was a fifth of a notice's CPU time. It
     * changes nothing a notice needs (no ligatures in Chinese text; vertical forms are never used) and it even
     * hurt: a ccmp-composed glyph such as the one for "Ť" has no code point, so copied text read "#".
     */
    public static byte[] withoutRadicals(byte[] font) throws IOException {
        Map<Integer, Integer> map = new TreeMap<>();
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            // Per glyph rather than per code point: 65,000 look-ups instead of 1.1 million at start-up.
            for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
                List<Integer> codes = cmap.getCharCodes(gid);
                if (codes == null) {
                    continue;
                }
                for (int cp : codes) {
                    if (cp >= 0x20 && !(cp >= 0xD800 && cp <= 0xDFFF) && !isRadical(cp)) {
                        map.put(cp, gid);
                    }
                }
            }
        }
        Map<String, byte[]> changes = new HashMap<>();
        changes.put("cmap", format12Cmap(map));
        changes.put("GSUB", null);
        return rebuild(font, changes);
    }

    /** A cmap table with one (3,10) format-12 subtable mapping the code points of {@code map} to its glyph ids. */
    static byte[] format12Cmap(Map<Integer, Integer> map) {
        List<int[]> groups = new ArrayList<>();
        int[] current = null;
        for (Map.Entry<Integer, Integer> e : map.entrySet()) {
            int cp = e.getKey();
            int gid = e.getValue();
            if (current != null && cp == current[1] + 1 && gid == current[2] + (cp - current[0])) {
                current[1] = cp;
            } else {
                current = new int[] {cp, cp, gid};
                groups.add(current);
            }
        }
        int subtableLength = 16 + 12 * groups.size();
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + subtableLength);
        b.putShort((short) 0);            // cmap version
        b.putShort((short) 1);            // one encoding record
        b.putShort((short) 3);            // platform: Windows
        b.putShort((short) 10);           // encoding: Unicode full repertoire
        b.putInt(12);                     // offset of the subtable
        b.putShort((short) 12);           // format 12
        b.putShort((short) 0);
        b.putInt(subtableLength);
        b.putInt(0);                      // language
        b.putInt(groups.size());
        for (int[] g : groups) {
            b.putInt(g[0]);
            b.putInt(g[1]);
            b.putInt(g[2]);
        }
        return b.array();
    }

    /**
     * Rebuilds the sfnt with tables replaced or added ({@code changes}: tag to new bytes, or to null to drop the
     * table), fixing offsets, checksums and head.checkSumAdjustment.
     */
    static byte[] rebuild(byte[] font, Map<String, byte[]> changes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(font);
        int sfntVersion = in.getInt(0);
        // The table directory is sorted by tag; for these ASCII tags String order is that byte order.
        TreeMap<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < Short.toUnsignedInt(in.getShort(4)); i++) {
            int rec = 12 + 16 * i;
            int offset = in.getInt(rec + 8);
            tables.put(new String(font, rec, 4, java.nio.charset.StandardCharsets.US_ASCII),
                    java.util.Arrays.copyOfRange(font, offset, offset + in.getInt(rec + 12)));
        }
        changes.forEach((tag, bytes) -> {
            if (bytes == null) {
                tables.remove(tag);
            } else {
                tables.put(tag, bytes);
            }
        });
        List<String> tags = new ArrayList<>(tables.keySet());
        List<byte[]> data = new ArrayList<>(tables.values());
        int numTables = tags.size();
        int headerLength = 12 + 16 * numTables;
        int total = headerLength;
        for (byte[] d : data) {
            total += pad4(d.length);
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        out.putInt(sfntVersion);
        out.putShort((short) numTables);
        int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
        int searchRange = (1 << entrySelector) * 16;
        out.putShort((short) searchRange);
        out.putShort((short) entrySelector);
        out.putShort((short) (numTables * 16 - searchRange));
        int offset = headerLength;
        int headOffset = -1;
        for (int i = 0; i < numTables; i++) {
            byte[] d = data.get(i);
            if (tags.get(i).equals("head")) {
                headOffset = offset;
                ByteBuffer.wrap(d).putInt(8, 0); // checkSumAdjustment is computed over the whole font
            }
            out.put(tags.get(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.putInt((int) checksum(d));
            out.putInt(offset);
            out.putInt(d.length);
            offset += pad4(d.length);
        }
        for (byte[] d : data) {
            out.put(d);
            out.position(out.position() + pad4(d.length) - d.length);
        }
        byte[] result = out.array();
        if (headOffset >= 0) {
            long adjustment = (0xB1B0AFBAL - checksum(result)) & 0xFFFFFFFFL;
            ByteBuffer.wrap(result).putInt(headOffset + 8, (int) adjustment);
        }
        return result;
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private static long checksum(byte[] d) {
        ByteBuffer words = ByteBuffer.wrap(d);
        int whole = d.length & ~3;
        long sum = 0;
        for (int i = 0; i < whole; i += 4) {
            sum += words.getInt(i) & 0xFFFFFFFFL;
        }
        long last = 0;
        for (int i = whole; i < whole + 4; i++) {
            last = (last << 8) | (i < d.length ? d[i] & 0xFF : 0);
        }
        return (sum + last) & 0xFFFFFFFFL;
    }
}
