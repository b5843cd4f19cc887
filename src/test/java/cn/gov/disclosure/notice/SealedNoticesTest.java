package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.seal.Fingerprints;
import cn.gov.disclosure.seal.SealKeys;
import cn.gov.disclosure.seal.SignatureCheck;
import cn.gov.disclosure.seal.SignatureVerifier;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Every notice type leaves the office sealed and signed, with its SHA-256 kept, and the public /verify page
 * tells an authentic notice from an altered one and from one this office never issued.
 */
class SealedNoticesTest extends IntegrationTest {

    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository repository;
    @Autowired MailOutbox outbox;
    @Autowired SignatureVerifier verifier;
    @Autowired SealKeys keys;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    static final LocalDate by = LocalDate.of(2026, 12, 14);

    Map<NoticeType, byte[]> oneOfEach() {
        return oneOfEach(intake, caseFiles, notices, repository);
    }

    /** One issued notice of every type, for this test and the PDF/A + PDF/UA validation. */
    static Map<NoticeType, byte[]> oneOfEach(IntakeService intake, CaseFileService caseFiles, NoticeService notices,
                                             NoticeRepository repository) {
        ApplicationCase c = caseFiles.get(intake.submit(TestApplications.online("某项目的立项批复文件"), "applicant",
                false).caseNo());
        Map<NoticeType, Notice> issued = new EnumMap<>(NoticeType.class);
        issued.put(NoticeType.ACKNOWLEDGMENT, notices.issueAcknowledgment(c.caseNo(), "ABCD-EFGH-JKLM-NPQR"));
        issued.put(NoticeType.CORRECTION, notices.issueCorrectionNotice(c.caseNo(), "请写明文件名称。", by));
        issued.put(NoticeType.ABANDONED, notices.issueAbandonment(c.caseNo(), LocalDate.of(2026, 11, 25), by));
        issued.put(NoticeType.EXTENSION, notices.issueExtension(c.caseNo(), 10, "需要调取的档案分散在多个科室"));
        issued.put(NoticeType.THIRD_PARTY_CONSULTATION, notices.issueThirdPartyConsultation(c.caseNo(), "某某公司",
                "legal@thirdparty.example.cn", "贵公司提交的报告", by));
        issued.put(NoticeType.AGENCY_CONSULTATION, notices.issueAgencyConsultation(c.caseNo(), "示例市自然资源局",
                "gk@zrzy.example.cn", "共同制作的规划文件", by));
        issued.put(NoticeType.PUBLIC_INTEREST_DISCLOSURE, notices.issuePublicInterestDisclosure(c.caseNo(), "某某公司",
                "legal@thirdparty.example.cn", "报告中的排放数据", "涉及公众健康，不公开会对公共利益造成重大影响"));
        issued.put(NoticeType.REASONS_REQUEST, notices.issueReasonsRequest(c.caseNo(), "本月已提交申请四十件。", by));
        issued.put(NoticeType.DEFERRAL, notices.issueDeferral(c.caseNo(), 20, by, 0));
        issued.put(NoticeType.FEE, notices.issueFeeNotice(c.caseNo(), FeeCalculator.Method.BY_VOLUME, 150, by));
        issued.put(NoticeType.REPLY, notices.issueReply(c.caseNo(), new ReplyDraft("DISCLOSED", List.of(),
                null, "文件电子版一份，请查收", null, null)));
        Map<NoticeType, byte[]> pdfs = new EnumMap<>(NoticeType.class);
        issued.forEach((type, n) -> pdfs.put(type, repository.pdf(n.id()).orElseThrow()));
        return pdfs;
    }

    @Test
    void everyNoticeTypeIsSealedSignedAndItsSha256Kept() throws Exception {
        Map<NoticeType, byte[]> pdfs = oneOfEach();
        assertThat(pdfs.keySet()).containsExactlyInAnyOrder(NoticeType.values());
        for (Map.Entry<NoticeType, byte[]> e : pdfs.entrySet()) {
            byte[] pdf = e.getValue();
            SignatureCheck check = verifier.check(pdf);
            assertThat(check.status()).as(e.getKey().name()).isEqualTo(SignatureCheck.Status.INTACT);
            assertThat(check.ours()).as(e.getKey().name()).isEqualTo(keys.signing());
            String sha = Fingerprints.sha256(pdf);
            assertThat(repository.findBySha256(sha)).as(e.getKey().name()).isPresent();
            String text = NoticeChecker.textOf(pdf);
            assertThat(text).as(e.getKey().name()).contains("/verify").contains("核验");
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                // The seal is page content on the page with the date (not a signature appearance).
                List<PDImageXObject> images = new ArrayList<>();
                for (var page : doc.getPages()) {
                    for (var name : page.getResources().getXObjectNames()) {
                        if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                            images.add(img);
                        }
                    }
                }
                assertThat(images).as(e.getKey().name()).anyMatch(img -> img.getWidth() == 600);
            }
        }
        Files.write(Path.of("target/sealed-reply.pdf"), pdfs.get(NoticeType.REPLY));
        // The e-mail names the verify address.
        assertThat(outbox.forCase(jdbc.sql("SELECT case_id FROM notice WHERE sha256 = ?")
                .param(Fingerprints.sha256(pdfs.get(NoticeType.REPLY))).query(Long.class).single()))
                .anyMatch(m -> m.body().contains("/verify"));
    }

    @Test
    void draftsAreNeitherSealedNorSigned() {
        ApplicationCase c = caseFiles.get(intake.submit(TestApplications.online("某项目的立项批复文件"), "applicant",
                false).caseNo());
        Notice draft = notices.draftReply(c.caseNo(), new ReplyDraft("DISCLOSED", List.of(), null, "文件一份", null, null));
        byte[] pdf = repository.pdf(draft.id()).orElseThrow();
        assertThat(verifier.check(pdf).status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
        assertThat(repository.findBySha256(Fingerprints.sha256(pdf))).isEmpty();
    }

    // ---- /verify over HTTP, as a visitor without JavaScript would use it ----

    private String csrfCookie() {
        ResponseEntity<String> page = http.getForEntity("/verify", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("文书核验").contains("enctype=\"multipart/form-data\"");
        return page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(s -> s.startsWith("PORTAL-CSRF="))
                .findFirst().orElseThrow().split(";")[0];
    }

    private String upload(byte[] pdf) {
        String cookie = csrfCookie();
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("_csrf", cookie.substring("PORTAL-CSRF=".length()));
        body.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "notice.pdf";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        h.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> r = http.postForEntity("/verify/file", new HttpEntity<>(body, h), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private String byCode(String caseNo, String sha) {
        String cookie = csrfCookie();
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add(HttpHeaders.COOKIE, cookie);
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        body.add("_csrf", cookie.substring("PORTAL-CSRF=".length()));
        body.add("caseNo", caseNo);
        body.add("sha256", sha);
        ResponseEntity<String> r = http.postForEntity("/verify/code", new HttpEntity<>(body, h), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void verifyPageAnswersAuthenticAlteredAndUnknown() {
        ApplicationCase c = caseFiles.get(intake.submit(TestApplications.online("某项目的立项批复文件"), "applicant",
                false).caseNo());
        Notice n = notices.issueReply(c.caseNo(), new ReplyDraft("DISCLOSED", List.of(), null, "文件电子版一份", null, null));
        byte[] pdf = repository.pdf(n.id()).orElseThrow();

        String authentic = upload(pdf);
        assertThat(authentic).contains("data-verdict=\"AUTHENTIC\"").contains("这是本机关出具的文书")
                .contains(c.caseNo()).contains("政府信息公开申请答复书").contains("本机关的签名证书")
                .contains(keys.signing().fingerprint())
                .doesNotContain(c.applicantName()).doesNotContain(c.email());

        byte[] altered = pdf.clone();
        altered[pdf.length / 3] ^= 0x01;
        assertThat(upload(altered)).contains("data-verdict=\"ALTERED\"").contains("已被改动")
                .doesNotContain(c.caseNo());

        byte[] unsigned = repository.pdf(notices.draftReply(c.caseNo(), new ReplyDraft("DISCLOSED", List.of(), null,
                "文件一份", null, null)).id()).orElseThrow();
        assertThat(upload(unsigned)).contains("data-verdict=\"UNKNOWN\"").contains("没有电子签名");
        assertThat(upload("%PDF-1.7 不是文书".getBytes())).contains("data-verdict=\"NOT_PDF\"");
        assertThat(upload(new byte[3 * 1024 * 1024])).contains("文件过大").doesNotContain("data-verdict");

        String sha = Fingerprints.sha256(pdf);
        assertThat(byCode(c.caseNo(), sha.toUpperCase())).contains("data-verdict=\"AUTHENTIC\"")
                .contains("电子签名完好");
        assertThat(byCode("GK-2000-99999", sha)).contains("data-verdict=\"UNKNOWN\"");
        assertThat(byCode(c.caseNo(), "abc")).contains("SHA-256应为64位十六进制字符").contains("aria-invalid=\"true\"")
                .doesNotContain("data-verdict");
    }

    @Test
    void verifyFormsNeedTheirCsrfToken() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> r = http.postForEntity("/verify/code",
                new HttpEntity<>("caseNo=GK-2026-00001&sha256=" + "0".repeat(64), h), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
