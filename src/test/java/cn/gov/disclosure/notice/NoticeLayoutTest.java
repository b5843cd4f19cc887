package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Issue 14 item 11, layout: no line of a notice begins with closing punctuation (CJK line breaking, 避头尾), no page
 * holds only the signature and contact block, and no notice says "。，" (item 4). Lines are read back from the PDF
 * by position with PDFBox. The samples are also written to {@code target/notice-gallery/} to be looked at.
 */
class NoticeLayoutTest extends IntegrationTest {

    /** Punctuation that may not begin a line (GB/T 15834 and common 避头 practice). */
    static final String CLOSING = "，。、：；！？）」』》〉】〕”’";

    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository repository;
    @Autowired cn.gov.disclosure.acknowledgment.AcknowledgmentService acknowledgments;

    static List<NoticeSamples.Sample> samples() {
        return NoticeSamples.all();
    }

    /** Each page's lines, top to bottom, without the page number footer. */
    static List<List<String>> pages(byte[] pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                List<String> lines = new ArrayList<>();
                for (String line : s.getText(doc).split("\\R")) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.matches("—\\s*\\d+\\s*—")) {
                        lines.add(t);
                    }
                }
                pages.add(lines);
            }
        }
        return pages;
    }

    private ApplicationCase aCase(String description) {
        return caseFiles.get(intake.submit(TestApplications.online(description), "applicant", false).caseNo());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyNoticeTypeBreaksLinesAndPagesCleanly(NoticeSamples.Sample sample) throws IOException {
        ApplicationCase c = aCase("关于本市2025年度城市道路拓宽改造工程（含人民路、建设路、解放路三个路段）的立项批复、"
                + "可行性研究报告批复、环境影响评价批复以及征地拆迁补偿安置方案等相关文件");
        Notice n = NoticeSamples.issue(notices, sample, c.caseNo());
        byte[] pdf = repository.pdf(n.id()).orElseThrow();
        Path dir = Path.of("target", "notice-gallery");
        Files.createDirectories(dir);
        Files.write(dir.resolve(sample.toString().replace('/', '-') + ".pdf"), pdf);
        assertClean(pdf, c);
        // PDF/UA wants a title and a description (dc:description, from the subject) in the document's metadata.
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isNotBlank();
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo(doc.getDocumentInformation().getTitle());
            assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("dc:description");
        }
    }

    /**
     * Long lines with a value followed by punctuation at every possible position: the extension reason grows one
     * character at a time, so that for some length the "，" after it falls at the start of a line unless the
     * renderer keeps it with the character before; likewise the applicant's description before "：".
     */
    @Test
    void closingPunctuationNeverStartsALineWhateverTheLengthOfTheValueBeforeIt() throws IOException {
        String filler = "需要调取的档案分散在市档案馆和三个区县的多个科室须逐卷查阅核对并征求业务科室意见";
        ApplicationCase c = aCase("某项目的立项批复文件");
        for (int n = 1; n <= 28; n++) {
            byte[] pdf = repository.pdf(notices.issueExtension(c.caseNo(), 10, filler.substring(0, n)).id())
                    .orElseThrow();
            assertClean(pdf, c);
        }
    }

    /** The acknowledgment whose page 2 used to hold only the signature and contact lines, and variations of it. */
    @Test
    void theLastPageAlwaysHoldsBodyText() throws IOException {
        String base = "关于本市2025年度城市道路拓宽改造工程的立项批复、可行性研究报告批复、环境影响评价批复等相关文件";
        for (int extra = 0; extra <= 6; extra++) {
            ApplicationCase c = aCase(base + "，以及征地拆迁补偿安置方案、资金来源和使用情况的说明".repeat(extra));
            byte[] pdf = repository.pdf(acknowledgments.issue(c.caseNo()).id()).orElseThrow();
            assertClean(pdf, c);
        }
    }

    private void assertClean(byte[] pdf, ApplicationCase c) throws IOException {
        List<List<String>> pages = pages(pdf);
        for (List<String> page : pages) {
            for (String line : page) {
                assertThat(CLOSING.indexOf(line.charAt(0))).as("line begins with closing punctuation: " + line)
                        .isNegative();
            }
        }
        String all = NoticeChecker.textOf(pdf);
        assertThat(all).doesNotContain("。，").doesNotContain("，，").doesNotContain("。。");
        List<String> last = pages.get(pages.size() - 1);
        assertThat(last.stream().filter(l -> !signOffLine(l)).toList())
                .as("the last page holds body text, not only the signature and contact block: " + last).isNotEmpty();
    }

    private static boolean signOffLine(String line) {
        return line.equals("示例市人民政府办公室") || line.matches("\\d{4}年\\d{1,2}月\\d{1,2}日")
                || line.startsWith("联系机构") || line.startsWith("联系电话") || line.startsWith("本文书附有")
                || line.startsWith("核验") || line.startsWith("http");
    }
}
