package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Text copied out of a notice must be exactly the characters rendered (no CJK radicals). */
class PdfTextFidelityTest {

    static final NoticeFonts fonts = TestFonts.shared();

    @Test
    void theBundledFontReallySharesGlyphsBetweenRadicalsAndIdeographs() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + NoticeFonts.REGULAR);
             TrueTypeFont original = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()))) {
            int ren = original.getUnicodeCmapLookup().getGlyphId(0x4EBA);
            assertThat(ren).isPositive();
            assertThat(original.getUnicodeCmapLookup().getGlyphId(0x2F08)).isEqualTo(ren);
        }
        assertThat(fonts.regular().getUnicodeCmapLookup().getGlyphId(0x2F08)).isZero();
        assertThat(fonts.regular().getUnicodeCmapLookup().getGlyphId(0x4EBA)).isPositive();
        assertThat(fonts.regular().getUnicodeCmapLookup().getCharCodes(
                fonts.regular().getUnicodeCmapLookup().getGlyphId(0x4EBA))).containsExactly(0x4EBA);
    }

    @Test
    void noticesAreTaggedPdfAForTheArchiveAndScreenReaders() throws IOException {
        byte[] pdf = new PdfRenderer(fonts).render("""
                <html lang="zh-CN"><head><title>测试通知</title><style>body { font-family: NoticeSerif; }</style></head>
                <body><h1>标题</h1><p>人民政府</p></body></html>""", "测试通知");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("测试通知");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfaid:part").contains("pdfuaid:part");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).isNotEmpty();
        }
    }

    @Test
    void extractedTextEqualsRenderedText() throws IOException {
        String text = "中华人民共和国政府信息公开条例 第三十六条 人民 民主 用户 ABC-123";
        byte[] pdf = new PdfRenderer(fonts).render("""
                <html><head><style>body { font-family: NoticeSerif; }</style></head>
                <body><p>%s</p><p><b>人民政府</b></p></body></html>""".formatted(text), "测试");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String extracted = new PDFTextStripper().getText(doc);
            assertThat(extracted).contains(text).contains("人民政府");
            assertThat(extracted.codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2FDF)).isEmpty();
            PDFont font = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // subset prefix
        }
        assertThat(pdf.length).isLessThan(200_000);
    }
}
