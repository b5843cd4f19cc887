package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * CJK line breaking in openhtmltopdf, without Spring: a value inserted through a {@code <span>} and followed by
 * "，" puts the comma at the start of a line for some length of the value (every inline box boundary is a break
 * opportunity), unless the renderer dissolves the plain span first ({@link NoticeLayout}).
 */
class KinsokuTest {

    static final NoticeFonts fonts = TestFonts.shared();

    private static String page(String spanOpen) {
        String chars = "本机关于收到您提出的政府信息公开申请经审查现答复如下根据中华人民共和国条例规定";
        StringBuilder body = new StringBuilder();
        for (int n = 18; n <= 34; n++) {
            body.append("<p>").append(spanOpen).append(chars.repeat(2), 0, n).append("</span>，我们说《条例》")
                    .append(spanOpen).append(chars, 0, n % 7 + 3).append("</span>）、：；」。").append(chars).append("</p>");
        }
        return "<html lang=\"zh-CN\"><head><title>t</title><style>@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"
                + " body { font-family: NoticeSerif; font-size: 16pt; line-height: 28.9pt; }"
                + " p { margin: 0; text-indent: 2em; text-align: justify; }</style></head><body>" + body
                + "</body></html>";
    }

    private static List<String> lineStarts(byte[] pdf) throws IOException {
        List<String> bad = new ArrayList<>();
        for (List<String> page : NoticeLayoutTest.pages(pdf)) {
            for (String line : page) {
                if (NoticeLayoutTest.CLOSING.indexOf(line.charAt(0)) >= 0) {
                    bad.add(line);
                }
            }
        }
        return bad;
    }

    @Test
    void aBoxBoundaryBeforeAClosingMarkIsABreakOpportunityUnlessTheSpanIsDissolved() throws IOException {
        PdfRenderer renderer = new PdfRenderer(fonts);
        // Control: a span with an attribute is kept, and the comma after it does start a line somewhere.
        assertThat(lineStarts(renderer.render(page("<span class=\"kept\">"), "t"))).isNotEmpty();
        // The templates' plain spans are dissolved: no line starts with closing punctuation.
        assertThat(lineStarts(renderer.render(page("<span>"), "t"))).isEmpty();
    }
}
