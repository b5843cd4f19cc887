package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Renders run in parallel over the shared font bytes: each notice must still carry exactly its own text,
 * with fonts embedded, however the renders interleave; and no more font pairs are parsed than allowed.
 */
class ConcurrentRenderingTest {

    @Test
    void parallelRendersKeepTheirOwnText() throws Exception {
        try (NoticeFonts fonts = new NoticeFonts(2)) {
            PdfRenderer renderer = new PdfRenderer(fonts);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> results = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                // Different characters per notice, so a subset mixed up between threads shows as wrong text.
                String[] words = {"人民政府", "信息公开", "申请答复", "法律依据", "行政复议", "告知书面"};
                for (int i = 0; i < 24; i++) {
                    String text = words[i % words.length] + " 第" + i + "号 " + words[(i * 5 + 1) % words.length];
                    texts.add(text);
                    results.add(pool.submit(() -> {
                        byte[] pdf = renderer.render("""
                                <html lang="zh-CN"><head><title>并发</title><style>body { font-family: NoticeSerif; }</style></head>
                                <body><p>%s</p><p><b>%s</b></p></body></html>""".formatted(text, text), "并发");
                        try (PDDocument doc = Loader.loadPDF(pdf)) {
                            return new PDFTextStripper().getText(doc);
                        }
                    }));
                }
                for (int i = 0; i < results.size(); i++) {
                    String extracted = results.get(i).get();
                    assertThat(extracted).as("notice %d", i).contains(texts.get(i));
                    assertThat(extracted.split(java.util.regex.Pattern.quote(texts.get(i)), -1)).hasSize(3);
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
