package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.notice.NoticeChecker;

/** An applicant on a phone: apply, follow the case, correct it, download a notice. */
class PortalBrowserTest extends BrowserTest {

    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    private void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void fillValidApplication(String description) {
        type("name", "王小明");
        type("idNumber", "11010519491231002X");
        type("phone", "13800000000");
        type("email", "wangxm@example.cn");
        type("address", "山东省临沂市兰山区某路1号");
        type("postalCode", "276000");
        type("description", description);
    }

    private String[] submitAndReadReceipt() throws Exception {
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // The form's own h1 may still be found while the browser loads the receipt (then it goes stale): wait for
        // the receipt's heading, not for whatever page is there.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "申请已提交"));
        return new String[] {browser.findElement(By.id("caseNo")).getText(),
                browser.findElement(By.id("trackingCode")).getText()};
    }

    private void openCase(String caseNo, String code) {
        browser.get(url("/track"));
        type("caseNo", caseNo);
        type("trackingCode", code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void applyFollowCorrectAndDownload() throws Exception {
        browser.get(url("/apply"));
        assertThat(browser.getTitle()).contains("提出政府信息公开申请");
        screenshot("01-apply-form");

        // A mistake first: the errors appear beside the fields and nothing typed is lost.
        type("name", "王小明");
        type("idNumber", "110105194912310021");
        type("email", "wangxm@");
        type("description", "那个文件");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.id("idNumber-error")).getText()).contains("居民身份证号码无效");
        assertThat(browser.findElement(By.id("email-error")).getText()).contains("电子邮箱格式不正确");
        assertThat(browser.findElement(By.id("idNumber")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).isEqualTo("那个文件");
        screenshot("02-apply-errors");

        fillValidApplication("关于那个项目的文件");
        String[] receipt = submitAndReadReceipt();
        assertThat(receipt[0]).matches("GK-\\d{4}-\\d{5}");
        screenshot("03-receipt");

        // The clerk finds the request unclear and asks, once, for a correction (the review exists once the job
        // continuing the intake has run).
        cn.gov.disclosure.workflow.AsyncJobs.continueIntake(management, runtime, receipt[0]);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(receipt[0]).singleResult();
        tasks.complete(review.getId(), Map.of("completeness", "NEEDS_CORRECTION",
                "reviewNotes", "请写明所需文件的名称、文号或形成时间"));
        // The correction notice is rendered and mailed by its own job (no job executor in tests).
        cn.gov.disclosure.workflow.AsyncJobs.executeAll(management, runtime, receipt[0]);

        openCase(receipt[0], receipt[1]);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待申请人补正");
        assertThat(browser.findElement(By.id("statusNote")).getText()).contains("第三十条");
        screenshot("04-status-correction-pending");

        type("correctedDescription", "示例市交通运输局2025年第12号文件《关于某路段改造的批复》");
        browser.findElement(By.cssSelector("form[action='/track/correction'] button")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("补正已提交");
        assertThat(browser.findElement(By.id("description")).getText()).contains("第12号文件");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已收到，正在审查申请内容");
        screenshot("05-status-after-correction");

        // Download the correction notice (补正告知书).
        List<WebElement> rows = browser.findElements(By.cssSelector("tbody tr"));
        WebElement correctionRow = rows.stream().filter(r -> r.getText().contains("补正告知书")).findFirst().orElseThrow();
        correctionRow.findElement(By.tagName("button")).click();
        Path pdf = awaitDownload(Duration.ofSeconds(20));
        String text = NoticeChecker.textOf(Files.readAllBytes(pdf));
        assertThat(text).contains(receipt[0]).contains("补正告知书").contains("请写明所需文件的名称");
    }

    @Test
    void largeTextModeAndKeyboardOnly() throws Exception {
        browser.get(url("/apply?large=1"));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).contains("large");
        assertThat(browser.findElement(By.tagName("footer")).getText()).contains("第四十三条");
        // Every input has a label.
        for (WebElement input : browser.findElements(By.cssSelector("input[type=text], input[type=email], "
                + "input[type=tel], select, textarea"))) {
            String id = input.getAttribute("id");
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as(id).hasSize(1);
        }
        screenshot("06-apply-large-text");
        // Tab from the top reaches the skip link first, then the form is reachable without a mouse.
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("跳到正文");
    }

    @Test
    void aWrongTrackingCodeAnswersLikeAMissingCase() throws Exception {
        browser.get(url("/apply"));
        fillValidApplication("2025年某路段道路拓宽工程的立项批复文件");
        String[] receipt = submitAndReadReceipt();
        openCase(receipt[0], "AAAA-BBBB-CCCC-DDDD");
        String wrongCode = browser.findElement(By.cssSelector("[role=alert]")).getText();
        openCase("GK-1999-99999", receipt[1]);
        String missing = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertThat(wrongCode).isEqualTo(missing).isEqualTo(PortalController.NOT_FOUND);
        screenshot("07-track-not-found");
    }
}
