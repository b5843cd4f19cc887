package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.support.TasklistSessions;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Claim on open (issue 16, item 3): a clerk who opens a task of the clerks' group in Tasklist can fill in its form at
 * once, without clicking "认领" first ({@code disclosure.tasklist.claim-on-open: clerk,legal,head}). Someone who is
 * not a candidate (the administrator) is not given the task by opening it, and a group the policy leaves out
 * (secrecy) still claims by hand.
 */
class TasklistClaimOnOpenBrowserTest extends BrowserTest {

    @Autowired IntakeService intake;
    @Autowired TaskService tasks;
    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CaseFileService caseFiles;

    private WebDriverWait wait;

    @BeforeEach
    void largeWindow() {
        browser.manage().window().setSize(new Dimension(1440, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** A new case's first task, unassigned, with the clerks as candidates; the most urgent card of every list. */
    private Task newReviewTask(String subject) {
        String caseNo = intake.submit(TestApplications.online(subject), "applicant", false).caseNo();
        AsyncJobs.continueIntake(management, runtime, caseNo);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        review.setDueDate(Date.from(Instant.parse("2020-01-01T00:00:00Z")));
        tasks.saveTask(review);
        assertThat(review.getAssignee()).isNull();
        return review;
    }

    /** Signs in through Camunda's login API (support/TasklistSessions) and hands the session to the browser. */
    private void signIn(String user) {
        String cookies = TasklistSessions.signIn(http, user);
        browser.get(url("/camunda/app/welcome/styles/user-styles.css"));
        for (String pair : cookies.split("; ")) {
            int eq = pair.indexOf('=');
            browser.manage().addCookie(new Cookie.Builder(pair.substring(0, eq), pair.substring(eq + 1))
                    .path("/camunda").build());
        }
    }

    private void open(Task task) throws IOException {
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            // The plugin is part of the page (else the checks below that nothing happened would prove nothing).
            wait.until(d -> (Boolean) browser.executeScript("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.includes('/scripts/claim-on-open.js'))"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("claim-on-open-failure");
            Files.writeString(SCREENSHOTS.resolve("claim-on-open-failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private String assignee(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private boolean claimButtonShown() {
        return browser.findElements(By.cssSelector("[cam-tasklist-task-meta] button.claim")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @Test
    void aClerkOpeningAClerksTaskCanWorkItWithoutClaimingFirst() throws Exception {
        Task review = newReviewTask("2024年某小区加装电梯的审批文件");
        signIn("clerk");
        open(review);

        wait.until(d -> "clerk".equals(assignee(review)));
        // Tasklist shows the task as the clerk's own: no claim button, the form's choices can be taken.
        wait.until(d -> !claimButtonShown());
        // The form as it opens: the matter and the decision on top, the case's facts in the group below.
        Thread.sleep(500);
        screenshot("zh-tasklist-form");
        WebElement choice = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//label[contains(., '申请内容明确，予以办理')]")));
        click(choice);
        screenshot("claim-on-open");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='办结']"))));
        wait.until(d -> tasks.createTaskQuery().taskId(review.getId()).singleResult() == null);
    }

    /**
     * The list opens sorted by due date, earliest first (Tasklist's own default is newest first): of two tasks, the
     * older one due earlier comes first, and the list's header names the order.
     */
    @Test
    void theListOpensWithTheEarliestDueDateFirst() throws Exception {
        Task dueFirst = newReviewTask("2023年某水库除险加固工程的验收文件");
        dueFirst.setDueDate(Date.from(Instant.parse("2000-01-01T00:00:00Z")));
        tasks.saveTask(dueFirst);
        Task dueLater = newReviewTask("2023年某水库移民安置的资金使用情况");
        dueLater.setDueDate(Date.from(Instant.parse("2000-01-02T00:00:00Z")));
        tasks.saveTask(dueLater);
        String first = runtime.createProcessInstanceQuery().processInstanceId(dueFirst.getProcessInstanceId())
                .singleResult().getBusinessKey();
        String later = runtime.createProcessInstanceQuery().processInstanceId(dueLater.getProcessInstanceId())
                .singleResult().getBusinessKey();
        signIn("clerk");
        browser.get(url("/camunda/app/tasklist/default/#/"));
        wait.until(d -> d.getCurrentUrl().contains("sorting=") && d.getCurrentUrl().contains("dueDate"));
        wait.until(d -> {
            String list = d.findElement(By.cssSelector(".tasks-list")).getText();
            return list.contains(first) && list.contains(later);
        });
        String list = browser.findElement(By.cssSelector(".tasks-list")).getText();
        assertThat(list.indexOf(first)).as("the task due first is listed first").isLessThan(list.indexOf(later));
        // The sorting shown above the list (before: 创建时间).
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("到期日期");
        screenshot("zh-tasklist-list");
    }

    @Test
    void someoneWhoIsNotACandidateIsNotGivenTheTaskByOpeningIt() throws Exception {
        Task review = newReviewTask("2024年某街道垃圾分类的实施方案");
        // The administrator sees every task, but is no clerk.
        signIn("admin");
        open(review);
        Thread.sleep(4000);
        assertThat(assignee(review)).isNull();
        assertThat(claimButtonShown()).isTrue();
    }

    @Test
    void aGroupLeftOutOfThePolicyStillClaimsByHand() throws Exception {
        Task review = newReviewTask("2024年某河道整治的验收报告");
        // The same task offered to the secrecy officers instead, a group the policy leaves out.
        tasks.deleteCandidateGroup(review.getId(), "clerk");
        tasks.addCandidateGroup(review.getId(), "secrecy");
        signIn("secrecy");
        open(review);
        Thread.sleep(4000);
        assertThat(assignee(review)).isNull();
        assertThat(claimButtonShown()).isTrue();

        click(browser.findElement(By.cssSelector("[cam-tasklist-task-meta] button.claim")));
        wait.until(d -> "secrecy".equals(assignee(review)));
    }

    /**
     * A legal officer opens 法制审核答复意见 (the legal group claims on open as well): the form opens with what to
     * decide, and the case's history (issue 16, item 4) is in the facts below.
     */
    @Test
    void aLegalOfficerOpensTheReviewWithTheDecisionOnTopAndTheHistoryBelow() throws Exception {
        Task first = newReviewTask("2024年某片区控制性详细规划的专家论证意见");
        String pi = first.getProcessInstanceId();
        caseNo = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
        tasks.complete(first.getId(), java.util.Map.of("completeness", "COMPLETE"));
        complete(pi, "SearchInformation", java.util.Map.of("searchNotes", "已检索本机关公文管理系统、档案室"));
        complete(pi, "DecideReply", java.util.Map.of("replyType", "NOT_HELD",
                "reasoning", "经检索，本机关未制作或获取该信息。", "disclosureDetails", "无",
                "searchPlaces", "本机关公文管理系统、档案室", "searchKeywords", "控制性详细规划 专家论证",
                "searchedOn", caseFiles.today().toString(), "searchedBy", "clerk"));
        complete(pi, "ConfirmReply", java.util.Map.of("confirmation", "SUBMIT"));
        Task review = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("LegalReview").singleResult();
        review.setDueDate(Date.from(Instant.parse("2020-01-01T00:00:00Z")));
        tasks.saveTask(review);

        signIn("legal");
        open(review);
        wait.until(d -> "legal".equals(assignee(review)));
        wait.until(d -> !claimButtonShown());
        // On top: the heading that says what to decide; the case's facts and history come after the decision.
        String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
        assertThat(form).startsWith("请审核拟答复意见");
        assertThat(form.indexOf("审核结论")).isLessThan(form.indexOf("案件情况"));
        assertThat(form.indexOf("案件情况")).isLessThan(form.indexOf("案件记录"));
        // The innermost field with that label (the group around it holds the label too).
        WebElement history = browser.findElement(By.xpath(
                "(//div[contains(@class,'fjs-form-field')][.//label[contains(., '案件记录')]])[last()]//textarea"));
        assertThat(history.getAttribute("value")).contains("登记申请").contains("办理状态：办理中 → 答复书法制审核中");
        Thread.sleep(500);
        screenshot("zh-tasklist-legal-review");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", history);
        Thread.sleep(300);
        screenshot("zh-tasklist-legal-review-history");
    }

    private String caseNo;

    private void complete(String processInstanceId, String key, java.util.Map<String, Object> vars) {
        AsyncJobs.executeAll(management, runtime, caseNo);
        Task t = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(t).as("open task " + key).isNotNull();
        tasks.complete(t.getId(), vars);
        AsyncJobs.executeAll(management, runtime, caseNo);
    }
}
