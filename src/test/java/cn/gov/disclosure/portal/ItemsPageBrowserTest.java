package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.items.CaseItems;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * The items page opened from a Tasklist form runs in the clerk's Tasklist session: decisions and search records
 * are saved without a second sign-in, and a form posted from another site with that session is refused.
 */
class ItemsPageBrowserTest extends BrowserTest {

    @Autowired IntakeService intake;
    @Autowired CaseItems items;
    @Autowired CaseFileService caseFiles;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void aClerkDecidesItemsOnThePageInTheTasklistSession() throws Exception {
        String caseNo = intake.submit(TestApplications.onlineItems("2025年某路段道路拓宽工程的立项批复文件",
                "该工程2024年的环境影响评价批复"), "applicant", false).caseNo();
        cn.gov.disclosure.workflow.AsyncJobs.continueIntake(management, runtime, caseNo);
        signInToWebapp("tasklist", "clerk", "demo");
        browser.get(url("/staff/cases/" + caseNo + "/items"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(caseNo);

        new Select(browser.findElement(By.id("type-2"))).selectByValue("NOT_HELD");
        browser.findElement(By.id("reasoning-2")).sendKeys("经检索本机关公文系统和档案，未找到该批复。");
        browser.findElement(By.id("decide-2")).click();
        status("已保存第2项答复意见");
        assertThat(browser.findElement(By.id("problems")).getText()).contains("第2项").contains("检索记录");

        browser.findElement(By.id("places-2")).sendKeys("本机关公文管理系统、档案室，询问规划科");
        browser.findElement(By.id("keywords-2")).sendKeys("环境影响评价 批复");
        browser.findElement(By.id("search-2")).click();
        status("已保存第2项检索记录");
        screenshot("items-page-decided");
        var item = items.find(caseNo, 2).orElseThrow();
        assertThat(item.replyType()).isEqualTo("NOT_HELD");
        assertThat(item.decision().decidedBy()).isEqualTo("clerk");
        assertThat(item.search().searchedBy()).isEqualTo("clerk");
        assertThat(item.search().searchedOn()).isEqualTo(caseFiles.today());

        // The same session cookie on a form posted from elsewhere is not a sign-in.
        // Every cookie the signed-in browser holds (the session's among them).
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        assertThat(cookies).isNotBlank();
        HttpRequest forged = HttpRequest.newBuilder(URI.create(url("/staff/cases/" + caseNo + "/items/1/decision")))
                .header("Cookie", cookies)
                .header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("replyType=DISCLOSED")).build();
        assertThat(HttpClient.newHttpClient().send(forged, BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        assertThat(items.find(caseNo, 1).orElseThrow().decision()).isNull();
    }

    /** The page after a post: waits for the new page's status line (the old page may still be on screen). */
    private void status(String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say what the clerk would have seen instead.
            throw new AssertionError("no status \"" + expected + "\" on " + browser.getCurrentUrl() + ", cookies "
                    + browser.manage().getCookies().stream().map(c -> c.getName() + "@" + c.getPath()).toList()
                    + ", page: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }
}
