package cn.gov.disclosure.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.w3c.dom.Attr;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The characters one notice can show, and the notice fonts cut down to them before PDFBox sees them.
 * <p>
 * Why: much of PDFBox's work per document grows with the number of glyphs in the font it is given, not with the
 * few hundred a notice uses. Loading a font builds a width array and a width map over all 30,920 glyphs of Noto
 * Serif SC; saving builds a CIDToGIDMap up to the highest glyph used and a ToUnicode pass over every glyph. That
 * was a third of a notice's CPU time and more than half of its garbage. Given a font of only this notice's
 * characters (a few hundred glyphs, cut in well under a millisecond), PDFBox does the same work on a small font
 * and still embeds only the glyphs the text really uses, so the PDF is unchanged: the same subset, tagged
 * {@code ABCDEF+}, the same widths and ToUnicode.
 * <p>
 * Which characters: every character of the prepared document, taken from the parsed DOM (so entities are
 * resolved): text, attribute values, and the style sheet (its generated content, such as the page-number dashes).
 * Added to that, so that text openhtmltopdf makes up itself always has its glyph too: printable ASCII (page
 * numbers, counters, the "#" it shows for a missing glyph) and the few other characters it generates. Characters
 * beyond the Basic Multilingual Plane (rare hanzi of CJK Extension B in a name) are kept like any other.
 */
final class NoticeCharacters {

    /**
     * What the cut font keeps: the tables PDFBox describes and embeds a font by, and a cmap written here. Layout tables (GSUB, GPOS) and
     * vertical metrics refer to glyph ids the cut renumbers and are not used by notices.
     */
    private static final List<String> TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "OS/2",
            "name", "post", "cvt ", "fpgm", "prep", "gasp");

    /**
     * Besides printable ASCII, what openhtmltopdf may show that is not in the document: no-break and soft hyphen,
     * hyphen, dashes, the quotes of {@code <q>}, the ellipsis of {@code text-overflow}, list bullets, and the CJK
     * numerals of {@code cjk-ideographic} counters. Kept short on purpose: every glyph in the cut font is work for
     * PDFBox in every notice.
     */
    private static final String GENERATED = "\u00a0\u00ad\u2010\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
            + "\u2022\u25e6\u25aa\u25a0\u25a1\u25cf\u25cb\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d"
            + "\u4e03\u516b\u4e5d\u5341\u767e\u5343";

    private NoticeCharacters() {
    }

    /** The characters of {@code doc} and those openhtmltopdf may add. */
    static BitSet of(Document doc) {
        BitSet chars = new BitSet();
        chars.set(0x20, 0x7F);
        GENERATED.codePoints().forEach(chars::set);
        collect(doc, chars);
        return chars;
    }

    private static void collect(Node node, BitSet chars) {
        if (node instanceof CharacterData text && !(node instanceof Comment)) {
            text.getData().codePoints().forEach(chars::set);
        }
        NamedNodeMap attributes = node.getAttributes();
        if (attributes != null) {
            for (int i = 0; i < attributes.getLength(); i++) {
                ((Attr) attributes.item(i)).getValue().codePoints().forEach(chars::set);
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, chars);
        }
    }

    /**
     * {@code font} cut down to {@code chars} (those it has; the others stay missing as they were). The font must
     * not be used by another thread meanwhile (a pair borrowed from {@link NoticeFonts}).
     * <p>
     * The subsetter is given glyph ids, not characters, and the cmap is written here: the subsetter's own cmap
     * writer takes time quadratic in the number of characters and knows only the BMP.
     */
    static TrueTypeFont cut(TrueTypeFont font, BitSet chars) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        int[] codes = new int[chars.cardinality()];
        int[] oldGids = new int[codes.length];
        int n = 0;
        Set<Integer> glyphs = new HashSet<>();
        for (int cp = chars.nextSetBit(0); cp >= 0; cp = chars.nextSetBit(cp + 1)) {
            int gid = cmap.getGlyphId(cp);
            if (gid > 0) {
                codes[n] = cp;
                oldGids[n++] = gid;
                glyphs.add(gid);
            }
        }
        TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
        subsetter.addGlyphIds(glyphs);
        Map<Integer, Integer> oldToNew = new HashMap<>();
        subsetter.getGIDMap().forEach((newGid, oldGid) -> oldToNew.put(oldGid, newGid));
        Map<Integer, Integer> newGids = new LinkedHashMap<>(); // ascending code points, as the cmap needs them
        for (int i = 0; i < n; i++) {
            newGids.put(codes[i], oldToNew.get(oldGids[i]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        subsetter.writeToStream(out);
        byte[] bytes = CmapRewriter.rebuild(out.toByteArray(), Map.of("cmap", CmapRewriter.format12Cmap(newGids)));
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }
}
