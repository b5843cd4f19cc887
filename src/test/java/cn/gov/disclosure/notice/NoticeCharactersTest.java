package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.BitSet;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each notice is rendered from the fonts cut down to its own characters: rare characters (outside GB 2312, CJK
 * Extension A, and Extension B beyond the BMP) keep their glyphs and copy out as themselves, and the cut font
 * keeps exactly the glyphs, widths and code points asked for.
 */
class NoticeCharactersTest {

    /** 堃 (U+5803, not in GB 2312), 㐀 (U+3400, Extension A), 𠂇 (U+20087, Extension B). */
    static final String RARE = "堃㐀\uD840\uDC87";

    static NoticeFonts fonts;

    @BeforeAll
    static void loadFonts() {
        fonts = new NoticeFonts(1);
    }

    @AfterAll
    static void close() throws IOException {
        fonts.close();
    }

    @Test
    void theBundledFontHasTheRareCharacters() throws IOException {
        for (int cp : RARE.codePoints().toArray()) {
            assertThat(fonts.regular().getUnicodeCmapLookup().getGlyphId(cp)).as("U+%X", cp).isPositive();
        }
    }

    @Test
    void rareCharactersInANameRenderWithTheirGlyphsAndCopyOutAsThemselves() throws IOException {
        String name = "王" + RARE + "明";
        byte[] pdf = new PdfRenderer(fonts).render("""
                <html lang="zh-CN"><head><title>测试</title><style>body { font-family: NoticeSerif; }</style></head>
                <body><p>申请人：%s</p><p><b>%s</b></p></body></html>""".formatted(name, name), "测试");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            // A character without a glyph would come out as openhtmltopdf's "#" replacement.
            assertThat(text).contains("申请人：" + name).doesNotContain("#");
            assertThat(text.split(name, -1)).hasSize(3);
            for (var fontName : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(fontName);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSerifSC-.*");
            }
        }
    }

    @Test
    void charactersComeFromTextAttributesAndTheStyleSheetWithEntitiesResolved() {
        var doc = NoticeLayout.prepare("""
                <html><head><style>@page { @bottom-center { content: "— " counter(page) " —"; } }</style></head>
                <body><p title="堃">人&#x3400;</p><!-- 龘 --></body></html>""");
        BitSet chars = NoticeCharacters.of(doc);
        assertThat(chars.get('—')).isTrue();
        assertThat(chars.get('堃')).isTrue();
        assertThat(chars.get('人')).isTrue();
        assertThat(chars.get(0x3400)).isTrue();
        assertThat(chars.get('龘')).as("comments are not shown").isFalse();
        assertThat(chars.get('0')).as("page numbers").isTrue();
    }

    @Test
    void theCutFontHasExactlyTheCharactersAskedForWithTheirWidths() throws IOException {
        TrueTypeFont full = fonts.regular();
        BitSet chars = new BitSet();
        ("人民政府A1，" + RARE).codePoints().forEach(chars::set);
        try (TrueTypeFont cut = NoticeCharacters.cut(full, chars)) {
            assertThat(cut.getNumberOfGlyphs()).isLessThan(20);
            for (int cp = chars.nextSetBit(0); cp >= 0; cp = chars.nextSetBit(cp + 1)) {
                int gid = cut.getUnicodeCmapLookup().getGlyphId(cp);
                assertThat(gid).as("U+%X", cp).isPositive();
                assertThat(cut.getAdvanceWidth(gid)).isEqualTo(full.getAdvanceWidth(
                        full.getUnicodeCmapLookup().getGlyphId(cp)));
                assertThat(cut.getUnicodeCmapLookup().getCharCodes(gid)).containsExactly(cp);
            }
            assertThat(cut.getUnicodeCmapLookup().getGlyphId('国')).isZero();
            assertThat(cut.getName()).isEqualTo(full.getName());
        }
    }
}
