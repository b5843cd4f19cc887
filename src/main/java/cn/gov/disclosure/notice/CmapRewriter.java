package cn.gov.disclosure.notice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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

    /** Returns a copy of the font whose only cmap is a (3,10) format-12 table without the radicals. */
    public static byte[] withoutRadicals(byte[] font) throws IOException {
        Map<Integer, Integer> map = new TreeMap<>();
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int cp = 0x20; cp <= 0x10FFFF; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF || isRadical(cp)) {
                    continue;
                }
                int gid = cmap.getGlyphId(cp);
                if (gid > 0) {
                    map.put(cp, gid);
                }
            }
        }
        return replaceTable(font, "cmap", format12Cmap(map));
    }

    private static byte[] format12Cmap(Map<Integer, Integer> map) {
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

    /** Rebuilds the sfnt with one table replaced, fixing offsets, checksums and head.checkSumAdjustment. */
    static byte[] replaceTable(byte[] font, String tag, byte[] replacement) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(font);
        int sfntVersion = in.getInt(0);
        int numTables = Short.toUnsignedInt(in.getShort(4));
        String[] tags = new String[numTables];
        byte[][] data = new byte[numTables][];
        for (int i = 0; i < numTables; i++) {
            int rec = 12 + 16 * i;
            tags[i] = new String(font, rec, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int offset = in.getInt(rec + 8);
            int length = in.getInt(rec + 12);
            data[i] = tags[i].equals(tag) ? replacement : java.util.Arrays.copyOfRange(font, offset, offset + length);
        }
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
            if (tags[i].equals("head")) {
                headOffset = offset;
                ByteBuffer.wrap(data[i]).putInt(8, 0); // checkSumAdjustment is computed over the whole font
            }
            out.put(tags[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.putInt((int) checksum(data[i]));
            out.putInt(offset);
            out.putInt(data[i].length);
            offset += pad4(data[i].length);
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
        long sum = 0;
        for (int i = 0; i < d.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < d.length ? d[i + j] & 0xFF : 0);
            }
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }
}
