package cn.gov.disclosure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.DemoMailServer;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;
import cn.gov.disclosure.seal.Fingerprints;
import cn.gov.disclosure.workflow.TestApplications;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Records end to end on the running application: uploads refused with the file named and nothing stored; a partial
 * disclosure cut, approved by the Art. 17 reviewer, approval withdrawn by a change, released with the reply — by
 * e-mail attachment (GreenMail) and by download with the tracking code, refused with a wrong code and after expiry.
 */
class RecordsReleaseTest extends IntegrationTest {

    @Autowired RecordsService records;
    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository noticeRepository;
    @Autowired DemoMailServer mailbox;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private IntakeService.Receipt newCase(String description, String replyType) {
        return OpenCases.open(intake, runtime, management, TestApplications.online(description), replyType);
    }

    private List<String> eventTypes(String caseNo) {
        return caseFiles.events(caseNo).stream().map(e -> e.type()).toList();
    }

    @Test
    void badUploadsAreRefusedNamingTheFileAndNothingIsStored() throws Exception {
        String caseNo = newCase("某路段拓宽工程立项批复", null).caseNo();
        byte[] pdf = RedactionTest.original();
        record Bad(String name, byte[] bytes, String says) {
        }
        byte[] oversize = new byte[(int) (50L * 1024 * 1024 + 1)];
        System.arraycopy(pdf, 0, oversize, 0, pdf.length);
        List<Bad> bad = List.of(
                new Bad("setup.exe", ContentTypesTest.exe(), "可执行程序"),
                new Bad("材料汇编.zip", ContentTypesTest.zip("a.pdf", "b.pdf"), "压缩包"),
                new Bad("大文件.pdf", oversize, "超过单个文件上限 50"),
                new Bad("损坏的批复.pdf", Arrays.copyOf(pdf, 400), "已损坏"),
                new Bad("批复文件.pdf", ContentTypesTest.exe(), "可执行程序"));
        for (Bad b : bad) {
            // Each bad file together with a good one: the good one is not stored either.
            assertThatThrownBy(() -> records.upload(caseNo, 1, List.of(new RecordsService.Upload("好文件.pdf", pdf),
                    new RecordsService.Upload(b.name(), b.bytes())), false, "clerk"))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                            .anySatisfy(f -> assertThat(f.message()).contains(b.name()).contains(b.says())));
        }
        assertThat(records.records(caseNo)).isEmpty();
        assertThat(eventTypes(caseNo)).doesNotContain("RECORD_UPLOADED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_file WHERE case_no = ?").param(caseNo).query(Long.class)
                .single()).isZero();

        // The staff page says the same, in Chinese, naming the file (Basic sign-in, CSRF token from the page).
        TestRestTemplate clerk = http.withBasicAuth("clerk", "demo");
        ResponseEntity<String> page = clerk.getForEntity("/staff/records/cases/" + caseNo, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String token = page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String cookie = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("RECORDS-CSRF="))
                .findFirst().orElseThrow().split(";")[0];
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token);
        form.add("itemNo", "1");
        form.add("files", new org.springframework.core.io.ByteArrayResource(ContentTypesTest.exe()) {
            @Override
            public String getFilename() {
                return "会议纪要.pdf";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        h.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> refused = clerk.postForEntity("/staff/records/cases/" + caseNo + "/upload",
                new HttpEntity<>(form, h), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("会议纪要.pdf").contains("可执行程序").contains("均未保存");
        assertThat(records.records(caseNo)).isEmpty();
        // Without the page's token the post is refused outright.
        HttpHeaders noToken = new HttpHeaders();
        noToken.setContentType(MediaType.MULTIPART_FORM_DATA);
        form.remove("_csrf");
        assertThat(clerk.postForEntity("/staff/records/cases/" + caseNo + "/upload", new HttpEntity<>(form, noToken),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPartialDisclosureIsCutApprovedAndReleasedByMailAndDownloadUntilItExpires() throws Exception {
        IntakeService.Receipt receipt = newCase("2025年某路段拓宽工程的立项批复及补偿协议", "PARTIALLY_DISCLOSED");
        String caseNo = receipt.caseNo();
        byte[] original = RedactionTest.original();
        RecordFile file = records.upload(caseNo, 1, List.of(new RecordsService.Upload("立项批复.pdf", original)), false,
                "clerk").get(0);
        // The same content again (a resent form) is not stored twice.
        assertThatThrownBy(() -> records.upload(caseNo, 1, List.of(new RecordsService.Upload("批复副本.pdf", original)),
                false, "clerk")).isInstanceOf(InvalidInputException.class).hasMessageContaining("批复副本.pdf")
                .hasMessageContaining("内容相同");
        byte[] notes = ImagePdf.toPdf(new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB));
        RecordFile internal = records.upload(caseNo, 1, List.of(new RecordsService.Upload("检索记录.pdf", notes)),
                true, "clerk").get(0);

        // 部分公开 without any cut: neither the reviewer nor the reply may let it out.
        assertThat(records.redactionProblems(caseNo)).singleElement().asString().contains("第 1 项");
        assertThatThrownBy(() -> records.approve(caseNo, "secrecy")).isInstanceOf(InvalidInputException.class);

        records.cutText(file.id(), RedactionTest.SECRET, "THIRD_PARTY_RIGHTS", "clerk");
        records.addCut(file.id(), 1, 62, 330, 80, 80, "STATE_SECRET", "clerk"); // over the red picture
        assertThat(records.redactionProblems(caseNo)).isEmpty();
        assertThat(records.approvalProblem(caseNo)).isPresent();
        records.approve(caseNo, "secrecy");
        assertThat(records.approvalProblem(caseNo)).isEmpty();

        // A change after approval withdraws it: the set goes back to review.
        records.addCut(file.id(), 2, 60, 80, 300, 30, "PROCESS_INFORMATION", "clerk");
        assertThat(records.approvalProblem(caseNo)).get().asString().contains("重新保密审查");
        assertThat(eventTypes(caseNo)).contains("RELEASE_APPROVED", "RELEASE_APPROVAL_WITHDRAWN", "RECORD_REDACTED");
        // The redaction log: one entry per cut with page, region, ground and its article, who and when.
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> "RECORD_REDACTED".equals(e.type())).hasSize(3)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("clerk"))
                .allSatisfy(e -> assertThat(e.occurredAt()).isNotNull())
                .anySatisfy(e -> assertThat(e.newValue()).startsWith("第 1 页，距左")
                        .contains("宽 ").contains("高 "))
                .anySatisfy(e -> assertThat(e.note()).contains("第 2 页").contains("第十六条"))
                .anySatisfy(e -> assertThat(e.note()).contains("第十四条"))
                .anySatisfy(e -> assertThat(e.note()).contains("第十五条").contains(RedactionTest.SECRET));
        records.approve(caseNo, "secrecy");

        List<RecordsService.SetEntry> set = records.releaseSet(caseNo);
        assertThat(set).singleElement().satisfies(e -> assertThat(e.record().id()).isEqualTo(file.id()));
        String sha = set.get(0).sha256();

        // The reply lists the file with its pages and SHA-256, and what was withheld on which ground.
        // One transaction, as in 制作并送达答复书: the e-mail leaves only once the release is recorded with it.
        Notice reply = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx -> {
            Notice issued = notices.issueReply(caseNo, new ReplyDraft("PARTIALLY_DISCLOSED", List.of("THIRD_PARTY_RIGHTS"),
                    "申请公开的批复中含有第三方银行账号等信息，公开会损害第三方合法权益，故遮盖后提供。", "立项批复（遮盖第三方账号）", null, null));
            records.release(caseNo, issued.id(), "system");
            return issued;
        });
        byte[] replyPdf = noticeRepository.pdf(caseFiles.get(caseNo).id(), reply.id()).orElseThrow();
        String replyText = NoticeChecker.textOf(replyPdf).replaceAll("\\s+", "");
        assertThat(replyText).contains("立项批复.pdf").contains(sha.substring(0, 16)).contains("第十五条")
                .doesNotContain("检索记录");

        // E-mail: the reply and the released copy, never the original or the internal file.
        MimeMessage mail = awaitMail(caseNo, "答复书");
        List<byte[]> attached = attachments(mail);
        assertThat(attached).hasSize(2);
        assertThat(attached).anySatisfy(a -> assertThat(Fingerprints.sha256(a)).isEqualTo(sha));
        assertThat(attached).noneSatisfy(a -> assertThat(Fingerprints.sha256(a)).isEqualTo(file.sha256()));
        assertThat(attached).allSatisfy(a -> assertThat(RedactionTest.text(a)).doesNotContain(RedactionTest.SECRET));

        // Download with the tracking code.
        List<Map<String, Object>> listed = http.getForObject("/api/applications/" + caseNo + "/records?trackingCode="
                + receipt.trackingCode(), List.class);
        assertThat(listed).singleElement().satisfies(f -> assertThat(f).containsEntry("sha256", sha));
        String url = (String) listed.get(0).get("url");
        ResponseEntity<byte[]> download = http.getForEntity(url + "?trackingCode=" + receipt.trackingCode(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Fingerprints.sha256(download.getBody())).isEqualTo(sha);
        assertThat(RedactionTest.text(download.getBody())).doesNotContain(RedactionTest.SECRET);
        assertThat(RedactionTest.images(download.getBody())).noneMatch(RedactionTest::isMarker);
        assertThat(RedactionTest.redPixels(RedactionTest.renderedPage(download.getBody(), 1))).isZero();
        assertThat(RedactionTest.redPixels(RedactionTest.renderedPage(original, 1))).isGreaterThan(1000);

        // The status page lists the file and its button downloads it (tracking code in the form, not the address).
        ResponseEntity<String> track = http.getForEntity("/track", String.class);
        String portalToken = track.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String portalCookie = track.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("PORTAL-CSRF=")).findFirst().orElseThrow().split(";")[0];
        HttpHeaders ph = new HttpHeaders();
        ph.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ph.add(HttpHeaders.COOKIE, portalCookie);
        String lookup = "_csrf=" + portalToken + "&caseNo=" + caseNo + "&trackingCode=" + receipt.trackingCode();
        ResponseEntity<String> status = http.postForEntity("/track", new HttpEntity<>(lookup, ph), String.class);
        assertThat(status.getBody()).contains("提供的政府信息文件").contains("立项批复.pdf").contains(sha);
        ResponseEntity<byte[]> viaPage = http.postForEntity("/track/record",
                new HttpEntity<>(lookup + "&releaseId=" + listed.get(0).get("id"), ph), byte[].class);
        assertThat(viaPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Fingerprints.sha256(viaPage.getBody())).isEqualTo(sha);

        ResponseEntity<String> wrong = http.getForEntity(url + "?trackingCode=AAAA-BBBB-CCCC-DDDD", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrong.getBody()).contains("查询码");
        // Not another case's file either: the id of this release under a different case.
        IntakeService.Receipt other = newCase("另一件申请", null);
        assertThat(http.getForEntity("/api/applications/" + other.caseNo() + "/records/" + listed.get(0).get("id")
                + "?trackingCode=" + other.trackingCode(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(91))));
        ResponseEntity<String> expired = http.getForEntity(url + "?trackingCode=" + receipt.trackingCode(), String.class);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expired.getBody()).contains("下载期限");
        ClockUtil.reset();

        assertThat(records.releasedCopies(caseNo)).singleElement().satisfies(r -> {
            assertThat(r.sha256()).isEqualTo(sha);
            assertThat(r.pages()).isEqualTo(2);
            assertThat(Fingerprints.sha256(r.bytes())).isEqualTo(sha);
        });
        assertThat(records.withheld(caseNo)).extracting(RecordsService.Withheld::article)
                .contains("《条例》第十五条", "《条例》第十四条", "《条例》第十六条第二款");
        assertThat(internal.internalOnly()).isTrue();

        // For looking at: the released page and the reply notice as pictures.
        Path dir = Path.of("target", "records-release");
        Files.createDirectories(dir);
        Files.write(dir.resolve("released.pdf"), download.getBody());
        Files.write(dir.resolve("reply.pdf"), replyPdf);
        TestRestTemplate clerk = http.withBasicAuth("clerk", "demo");
        ResponseEntity<byte[]> preview = clerk.getForEntity("/staff/records/" + file.id() + "/pages/1.png", byte[].class);
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        Files.write(dir.resolve("marking-page-1.png"), preview.getBody());
        Files.writeString(dir.resolve("staff-case.html"), clerk.getForObject("/staff/records/cases/" + caseNo, String.class));
        Files.writeString(dir.resolve("staff-record.html"), clerk.getForObject("/staff/records/" + file.id(), String.class));
        Files.writeString(dir.resolve("staff-release.html"),
                clerk.getForObject("/staff/records/cases/" + caseNo + "/release", String.class));
        for (var e : Map.of("released", download.getBody(), "reply", replyPdf).entrySet()) {
            try (PDDocument d = Loader.loadPDF(e.getValue())) {
                for (int p = 0; p < d.getNumberOfPages(); p++) {
                    ImageIO.write(new PDFRenderer(d).renderImageWithDPI(p, 80), "png",
                            dir.resolve(e.getKey() + "-" + (p + 1) + ".png").toFile());
                }
            }
        }
    }

    /** A clerk signed in to Tasklist opens the records page from the task without signing in again. */
    @Test
    void theRecordsPageOpensInTheTasklistSignIn() {
        String caseNo = newCase("某路段交通流量统计", null).caseNo();
        assertThat(http.getForEntity("/staff/records/cases/" + caseNo, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, cn.gov.disclosure.support.TasklistSessions.signIn(http, "clerk"));
        ResponseEntity<String> page = http.exchange("/staff/records/cases/" + caseNo, org.springframework.http.HttpMethod.GET,
                new HttpEntity<>(session), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("政府信息文件").contains(caseNo).contains("可执行程序和压缩包不能上传");
    }

    private MimeMessage awaitMail(String caseNo, String subjectPart) throws Exception {
        return awaitMail(mailbox, caseNo, subjectPart);
    }

    /** The first message in the demo mailbox whose subject names the case and {@code subjectPart}; 20 s at most. */
    static MimeMessage awaitMail(cn.gov.disclosure.mail.DemoMailServer mailbox, String caseNo, String subjectPart)
            throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : mailbox.received()) {
                String subject = MimeUtility.decodeText(m.getSubject());
                if (subject.contains(caseNo) && subject.contains(subjectPart)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail " + subjectPart + " for " + caseNo);
    }

    private static List<byte[]> attachments(MimeMessage m) throws Exception {
        List<byte[]> out = new ArrayList<>();
        Multipart mp = (Multipart) m.getContent();
        collect(mp, out);
        return out;
    }

    private static void collect(Multipart mp, List<byte[]> out) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart part = mp.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                collect(inner, out);
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    in.transferTo(b);
                    out.add(b.toByteArray());
                }
            }
        }
    }
}
