package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;
import cn.gov.disclosure.seal.Fingerprints;
import cn.gov.disclosure.workflow.TestApplications;

/** Someone holding a notice checks it on a phone, without JavaScript: authentic, altered, unknown. */
class VerifyBrowserTest extends BrowserTest {

    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository repository;

    private String verdictOfUpload(Path file) {
        browser.get(url("/verify"));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[action$='/verify/file'] button[type=submit]")).click();
        return browser.findElement(By.cssSelector("[data-verdict]")).getAttribute("data-verdict");
    }

    @Test
    void authenticAlteredAndUnknownNotices() throws Exception {
        ApplicationCase c = caseFiles.get(intake.submit(TestApplications.online("某项目的立项批复文件"), "applicant",
                false).caseNo());
        Notice n = notices.issueReply(c.caseNo(), new ReplyDraft("DISCLOSED", List.of(), null, "文件电子版一份", null, null));
        byte[] pdf = repository.pdf(n.id()).orElseThrow();
        Path dir = Files.createTempDirectory("verify");
        Path original = Files.write(dir.resolve("答复书.pdf"), pdf);
        byte[] changed = pdf.clone();
        changed[pdf.length / 4] ^= 0x01;
        Path altered = Files.write(dir.resolve("altered.pdf"), changed);

        browser.get(url("/verify"));
        assertThat(browser.getTitle()).contains("文书核验");
        screenshot("verify-01-form");

        assertThat(verdictOfUpload(original)).isEqualTo("AUTHENTIC");
        assertThat(browser.findElement(By.id("main")).getText()).contains("这是本机关出具的文书").contains(c.caseNo())
                .doesNotContain(c.applicantName());
        screenshot("verify-02-authentic");

        assertThat(verdictOfUpload(altered)).isEqualTo("ALTERED");
        screenshot("verify-03-altered");

        browser.get(url("/verify"));
        browser.findElement(By.id("caseNo")).sendKeys("GK-2000-99999");
        browser.findElement(By.id("sha256")).sendKeys(Fingerprints.sha256(pdf));
        browser.findElement(By.cssSelector("form[action$='/verify/code'] button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("[data-verdict]")).getAttribute("data-verdict"))
                .isEqualTo("UNKNOWN");
        screenshot("verify-04-unknown");
    }
}
