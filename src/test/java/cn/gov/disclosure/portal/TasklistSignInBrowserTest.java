package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * A clerk signs in to Tasklist the way a person does — typing user name and password into the login form — sees
 * the Chinese interface with the office's name, and works one task to completion. Then the administrator looks at
 * Cockpit and Admin. Screenshots of each screen are kept under target/screenshots/ (webapps-*.png).
 * Needs a Chinese font for the screenshots to show Chinese (Debian fonts-wqy-microhei, see .ci/run).
 */
class TasklistSignInBrowserTest extends BrowserTest {

    @Autowired IntakeService intake;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    private WebDriverWait wait;

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void waitForText(String text) throws IOException {
        try {
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the browser showed instead, for whoever reads the failure.
            screenshot("webapps-failure");
            Files.writeString(SCREENSHOTS.resolve("webapps-failure.html"), browser.getPageSource());
            throw e;
        }
    }

    /** Brings the element above the webapp's fixed footer first, as a person scrolls before clicking. */
    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }

    private void keep(String name) throws IOException {
        screenshot(name);
    }

    @Test
    void aClerkSignsInSeesChineseAndWorksATaskToCompletion() throws Exception {
        browser.manage().window().setSize(new Dimension(1440, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        String caseNo = intake.submit(TestApplications.online("2025年某路段道路拓宽工程的立项批复文件"), "applicant", false)
                .caseNo();
        cn.gov.disclosure.workflow.AsyncJobs.continueIntake(management, runtime, caseNo);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        // The lists sort by due date: make this the most urgent card, whatever other tests left in the database.
        review.setDueDate(java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        tasks.saveTask(review);

        signInToWebapp("tasklist", "clerk", "demo");
        // Chinese throughout, the office's name in the header, no Camunda 8 banner.
        visible(".app-banner .brand-name");
        assertThat(browser.findElement(By.cssSelector(".app-banner .brand-name")).getText())
                .isEqualTo("示例市人民政府办公室 待办任务");
        waitForText("本组待办");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                .isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("发起流程").doesNotContain("Start process");

        // The clerk opens the group's filter and the new case's task.
        browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'本组待办')]")).click();
        By cards = By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'审查申请内容')]]//a");
        wait.until(ExpectedConditions.elementToBeClickable(cards));
        browser.executeScript("document.activeElement.blur()");
        keep("webapps-tasklist-list");
        // Other cases may wait in the same list: open the cards until the form shows this case's number.
        boolean opened = false;
        for (int i = 0; i < browser.findElements(cards).size() && !opened; i++) {
            click(browser.findElements(cards).get(i));
            visible(".fjs-form");
            try {
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(
                        By.cssSelector(".fjs-form input")).stream().anyMatch(in -> caseNo.equals(in.getAttribute("value"))));
                opened = true;
            } catch (org.openqa.selenium.TimeoutException otherCase) {
                // not this case's task; try the next card
            }
        }
        assertThat(opened).as("a card of case " + caseNo).isTrue();
        // Claim first where the form still asks for it.
        for (WebElement claim : browser.findElements(By.xpath("//button[normalize-space()='认领']"))) {
            if (claim.isDisplayed()) {
                click(claim);
                wait.until(ExpectedConditions.invisibilityOf(claim));
            }
        }
        WebElement complete = browser.findElement(By.xpath("//label[contains(., '申请内容明确，予以办理')]"));
        click(complete);
        keep("webapps-tasklist-form");
        WebElement done = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='办结']")));
        click(done);
        // The form closes and the case goes on to its next step (in a shared test database the group's list may
        // hold many earlier-due tasks, so the engine, not the first page of the list, is asked).
        wait.until(d -> tasks.createTaskQuery().taskId(review.getId()).singleResult() == null);

        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult()).isNull();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getTaskDefinitionKey())
                .isEqualTo("SearchInformation");

        // The administrator's views: Cockpit's dashboard and Admin's users, in Chinese as well.
        signOut();
        signInToWebapp("cockpit", "admin", "demo");
        waitForText("运行中的流程实例");
        assertThat(browser.findElement(By.cssSelector(".app-banner .brand-name")).getText())
                .isEqualTo("示例市人民政府办公室 流程监控");
        Thread.sleep(1500);
        keep("webapps-cockpit-dashboard");

        browser.get(url("/camunda/app/admin/default/#/users"));
        waitForText("用户列表");
        waitForText("clerk");
        keep("webapps-admin-users");
    }

    /** English stays available: a browser whose first language is English gets the webjar's English texts. */
    @Test
    void aBrowserSetToEnglishStillGetsEnglish() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        String userAgent = (String) browser.executeScript("return navigator.userAgent");
        browser.executeCdpCommand("Network.setUserAgentOverride",
                java.util.Map.of("userAgent", userAgent, "acceptLanguage", "en-GB,en"));
        browser.get(url("/camunda/app/tasklist/"));
        WebElement name = visible("input[ng-model=username]");
        wait.until(d -> d.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).getText()
                .equals("Log in"));
        assertThat(name.getAttribute("placeholder")).isEqualTo("Username");
    }
}
