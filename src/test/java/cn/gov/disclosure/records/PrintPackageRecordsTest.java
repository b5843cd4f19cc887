package cn.gov.disclosure.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.delivery.DeliveryChannel;
import cn.gov.disclosure.delivery.DeliveryRecord;
import cn.gov.disclosure.delivery.DeliveryRepository;
import cn.gov.disclosure.delivery.PrintPackage;
import cn.gov.disclosure.intake.ApplicationSubmission;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;

/**
 * The released records reach an applicant served on paper: the print package of a posted reply holds the copies
 * as released (redacted for 部分公开, never the originals), and office files released as originals are listed on a
 * sheet with their SHA-256 and how to obtain them. Nothing is claimed as "sent by e-mail" to an applicant who asked
 * for post, even when an e-mail address is known.
 */
class PrintPackageRecordsTest extends IntegrationTest {

    @Autowired RecordsService records;
    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository noticeRepository;
    @Autowired DeliveryRepository deliveries;
    @Autowired PrintPackage packages;
    @Autowired MailOutbox outbox;
    @Autowired PlatformTransactionManager transactions;

    /** Asked for post, on paper; an e-mail address is given all the same. */
    static ApplicationSubmission byPost(String description) {
        return new ApplicationSubmission(Channel.ONLINE, null,
                new ApplicationSubmission.Applicant(ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD,
                        "11010519491231002X", null, "13800000000", "zhangsan@example.cn", "山东省临沂市兰山区金雀山路1号",
                        "276000"),
                new ApplicationSubmission.Request(description, null, InformationForm.PAPER, Delivery.POST, null), null);
    }

    private String newCase(String description, String replyType) {
        return OpenCases.open(intake, runtime, management, byPost(description), replyType).caseNo();
    }

    private Notice replyAndRelease(String caseNo, ReplyDraft draft) {
        // One transaction, as in 制作并送达答复书.
        return new TransactionTemplate(transactions).execute(tx -> {
            Notice issued = notices.issueReply(caseNo, draft);
            records.release(caseNo, issued.id(), "system");
            return issued;
        });
    }

    private DeliveryRecord delivery(Notice reply) {
        List<DeliveryRecord> rows = deliveries.forNotice(reply.id());
        assertThat(rows).isNotEmpty();
        return rows.get(rows.size() - 1);
    }

    static int pages(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    @Test
    void aPostedPartialDisclosureCarriesTheRedactedCopyAndNotTheCutText() throws Exception {
        String caseNo = newCase("2025年某路段拓宽工程的立项批复", "PARTIALLY_DISCLOSED");
        byte[] original = RedactionTest.original();
        RecordFile file = records.upload(caseNo, 1, List.of(new RecordsService.Upload("立项批复.pdf", original)), false,
                "clerk").get(0);
        records.cutText(file.id(), RedactionTest.SECRET, "THIRD_PARTY_RIGHTS", "clerk");
        records.addCut(file.id(), 1, 62, 330, 80, 80, "STATE_SECRET", "clerk"); // over the red picture
        records.approve(caseNo, "secrecy");
        String sha = records.releaseSet(caseNo).get(0).sha256();

        Notice reply = replyAndRelease(caseNo, new ReplyDraft("PARTIALLY_DISCLOSED", List.of("THIRD_PARTY_RIGHTS"),
                "批复中含有第三方银行账号，遮盖后提供。", "立项批复（遮盖第三方账号）", null, null));

        // Served by post: nothing rides on an e-mail, and the reply does not say so.
        assertThat(delivery(reply).channel()).isEqualTo(DeliveryChannel.POST);
        assertThat(records.releases(caseNo)).singleElement().satisfies(r -> assertThat(r.byMail()).isFalse());
        byte[] replyPdf = noticeRepository.pdf(caseFiles.get(caseNo).id(), reply.id()).orElseThrow();
        assertThat(NoticeChecker.textOf(replyPdf).replaceAll("\\s+", "")).contains("立项批复.pdf")
                .doesNotContain("电子邮件附件");
        assertThat(outbox.forCase(caseFiles.get(caseNo).id())).noneMatch(m -> m.noticeId() != null
                && m.noticeId() == reply.id());

        byte[] pkg = packages.render(delivery(reply).id());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/print-package-partial.pdf"), pkg);
        byte[] copy = records.releasedCopies(caseNo).get(0).bytes();
        assertThat(cn.gov.disclosure.seal.Fingerprints.sha256(copy)).isEqualTo(sha);
        // Cover, the notice, then the redacted copy's pages (its text, in the same order, at the end).
        byte[] notice = noticeRepository.pdf(caseFiles.get(caseNo).id(), reply.id()).orElseThrow();
        assertThat(pages(copy)).isEqualTo(2);
        assertThat(pages(pkg)).isGreaterThan(pages(notice) + pages(copy));
        assertThat(lastPagesText(pkg, pages(copy)).strip()).isEqualTo(RedactionTest.text(copy).strip())
                .contains(RedactionTest.PUBLIC);
        String text = RedactionTest.text(pkg);
        assertThat(text).contains(RedactionTest.PUBLIC).doesNotContain(RedactionTest.SECRET).doesNotContain("6222-0210");
        assertThat(NoticeChecker.textOf(pkg).replaceAll("\\s+", "")).contains("公开的政府信息1");
        assertThat(RedactionTest.images(pkg)).noneMatch(RedactionTest::isMarker);
        // The original did carry both.
        assertThat(RedactionTest.text(original)).contains(RedactionTest.SECRET);
        assertThat(RedactionTest.images(original)).anyMatch(RedactionTest::isMarker);
    }

    /** The text of the last {@code count} pages of a PDF. */
    static String lastPagesText(byte[] pdf, int count) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(d.getNumberOfPages() - count + 1);
            stripper.setEndPage(d.getNumberOfPages());
            return stripper.getText(d);
        }
    }

    @Test
    void anOfficeFileIsListedOnASheetAndAPictureIsPrintedAsAPage() throws Exception {
        String caseNo = newCase("2025年某路段拓宽工程的补偿标准和现场照片", "DISCLOSED");
        byte[] docx = ContentTypesTest.zip("[Content_Types].xml", "word/document.xml");
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var g = photo.createGraphics();
        g.setColor(new Color(0, 160, 0));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(photo, "png", png);
        records.upload(caseNo, 1, List.of(new RecordsService.Upload("补偿标准.docx", docx),
                new RecordsService.Upload("现场照片.png", png.toByteArray())), false, "clerk");
        records.approve(caseNo, "secrecy");
        Notice reply = replyAndRelease(caseNo, new ReplyDraft("DISCLOSED", List.of(), "予以公开。",
                "补偿标准、现场照片", null, null));

        List<ReleasedFile> released = records.releasedCopies(caseNo);
        assertThat(released).extracting(ReleasedFile::name).containsExactlyInAnyOrder("补偿标准.docx", "现场照片.pdf");
        ReleasedFile office = released.stream().filter(f -> !f.printable()).findFirst().orElseThrow();
        // The office file goes out as its original; the picture as a one-page PDF.
        assertThat(office.bytes()).isEqualTo(docx);
        ReleasedFile picture = released.stream().filter(ReleasedFile::printable).findFirst().orElseThrow();
        assertThat(pages(picture.bytes())).isEqualTo(1);
        assertThat(RedactionTest.images(picture.bytes())).isNotEmpty();

        byte[] pkg = packages.render(delivery(reply).id());
        Files.write(Path.of("target/print-package-originals.pdf"), pkg);
        String text = NoticeChecker.textOf(pkg).replaceAll("\\s+", "");
        assertThat(text).contains("原格式文件清单").contains("补偿标准.docx").contains(office.sha256())
                .contains("随本文书附送的存储介质").contains("查询码下载").contains("公开的政府信息2");
        // The docx's bytes are not in the PDF as a page: cover + notice + photo page + sheet.
        byte[] notice = noticeRepository.pdf(caseFiles.get(caseNo).id(), reply.id()).orElseThrow();
        assertThat(pages(pkg)).isGreaterThan(pages(notice) + 2);
        assertThat(lastPagesText(pkg, 1).replaceAll("\\s+", "")).contains("原格式文件清单");
        assertThat(lastPagesText(pkg, 2).replaceAll("\\s+", "")).doesNotContain("补偿标准、现场照片");
    }
}
