package cn.gov.disclosure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.disclosure.DisclosureApplication;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.DemoMailServer;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;
import cn.gov.disclosure.workflow.TestApplications;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The configured limits, made small: the per-case total refuses an upload that would pass it (nothing stored), files
 * over the e-mail attachment limit are not attached (download only, and the reply does not claim otherwise), and
 * pictures (PNG, JPEG) go out as one-page PDFs.
 */
// Not an IntegrationTest: its properties make a context of its own, which must not share the other contexts' mail
// server nor their in-memory database — with the shared SMTP port its demo mail server found the port taken, and on
// the shared database each context's outbox sender sends the other's mail to its own server. Either way mail went
// to the wrong server: this test passed alone and failed in the suite, or EndToEndTest waited in vain for its mail.
@org.springframework.boot.test.context.SpringBootTest(
        webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = DisclosureApplication.class)
@org.springframework.test.context.ActiveProfiles({"demo", "test"})
@TestPropertySource(properties = {
        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.url=jdbc:h2:mem:record-limits;DB_CLOSE_DELAY=-1",
        "disclosure.records.max-file-size=400KB",
        "disclosure.records.max-case-size=500KB",
        "disclosure.records.mail-attachment-limit=100KB"})
class RecordLimitsTest {

    private static final int OWN_SMTP_PORT = freePort();

    @org.springframework.test.context.DynamicPropertySource
    static void ownMailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> OWN_SMTP_PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired RecordsService records;
    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository noticeRepository;
    @Autowired DemoMailServer mailbox;
    @Autowired PlatformTransactionManager transactions;

    private String newCase(String description, String replyType) {
        return OpenCases.open(intake, runtime, management, TestApplications.online(description), replyType).caseNo();
    }

    /** A picture of noise: it does not compress, so its size is about width × height × 3 bytes. */
    static byte[] noise(int side, String format, long seed) throws Exception {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void anUploadThatWouldPassTheCaseLimitIsRefusedAndNothingIsStored() throws Exception {
        String caseNo = newCase("2025年某路段拓宽工程的现场照片", null);
        byte[] first = noise(200, "png", 1);   // about 120 KB
        byte[] second = noise(260, "png", 2);  // about 200 KB
        byte[] third = noise(300, "png", 3);   // about 270 KB
        assertThat(first.length + second.length).isLessThan(500 * 1024);
        assertThat(first.length + second.length + third.length).isGreaterThan(500 * 1024);
        records.upload(caseNo, 1, List.of(new RecordsService.Upload("照片一.png", first),
                new RecordsService.Upload("照片二.png", second)), false, "clerk");
        assertThatThrownBy(() -> records.upload(caseNo, 1, List.of(new RecordsService.Upload("照片三.png", third)),
                false, "clerk")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("本案件文件总量不得超过 0.5 MB");
        assertThat(records.records(caseNo)).extracting(RecordFile::fileName).containsExactly("照片一.png", "照片二.png");
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("RECORD_UPLOADED")).hasSize(2);
    }

    @Test
    void picturesGoOutAsPdfsAndFilesOverTheMailLimitAreDownloadedNotAttached() throws Exception {
        String caseNo = newCase("2025年某路段拓宽工程的现场照片和示意图", "DISCLOSED");
        byte[] jpeg = noise(120, "jpg", 4);
        byte[] png = noise(250, "png", 5); // its PDF copy is over the 100 KB attachment limit
        records.upload(caseNo, 1, List.of(new RecordsService.Upload("现场照片.jpg", jpeg),
                new RecordsService.Upload("示意图.png", png)), false, "clerk");
        List<RecordsService.SetEntry> set = records.releaseSet(caseNo);
        assertThat(set).extracting(RecordsService.SetEntry::fileName).containsExactly("现场照片.pdf", "示意图.pdf");
        for (RecordsService.SetEntry e : set) {
            byte[] copy = records.copyContent(e.copyId());
            assertThat(new String(copy, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            try (PDDocument d = Loader.loadPDF(copy)) {
                assertThat(d.getNumberOfPages()).isEqualTo(1);
            }
            assertThat(RedactionTest.images(copy)).hasSize(1);
            assertThat(e.pages()).isEqualTo(1);
        }
        assertThat(set.stream().mapToLong(RecordsService.SetEntry::sizeBytes).sum()).isGreaterThan(100 * 1024);
        records.approve(caseNo, "secrecy");

        Notice reply = new TransactionTemplate(transactions).execute(tx -> {
            Notice issued = notices.issueReply(caseNo, new ReplyDraft("DISCLOSED", List.of(), "予以公开。",
                    "现场照片、示意图", null, null));
            records.release(caseNo, issued.id(), "system");
            return issued;
        });
        assertThat(records.releases(caseNo)).hasSize(2).noneMatch(r -> r.byMail());
        byte[] replyPdf = noticeRepository.pdf(caseFiles.get(caseNo).id(), reply.id()).orElseThrow();
        assertThat(NoticeChecker.textOf(replyPdf).replaceAll("\\s+", "")).contains("现场照片.pdf")
                .doesNotContain("电子邮件附件");
        // The e-mail carries the reply alone.
        MimeMessage mail = awaitMail(caseNo, "答复书");
        List<String> attached = new ArrayList<>();
        collect((Multipart) mail.getContent(), attached);
        assertThat(attached).hasSize(1).noneMatch(name -> name.contains("现场照片") || name.contains("示意图"));
    }

    private MimeMessage awaitMail(String caseNo, String subjectPart) throws Exception {
        assertThat(mailbox.running()).as("this context's own mail server listens").isTrue();
        return RecordsReleaseTest.awaitMail(mailbox, caseNo, subjectPart);
    }

    private static void collect(Multipart mp, List<String> names) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart part = mp.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                collect(inner, names);
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    in.readAllBytes();
                }
                names.add(MimeUtility.decodeText(part.getFileName()));
            }
        }
    }
}
