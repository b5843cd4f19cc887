package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Forms worked through Tasklist as a clerk works them (issue 16, items 2 and 4): a date typed as yyyy-MM-dd is
 * stored exactly as typed (the form library's date picker once read it in the browser's M/d/yyyy order and stored
 * 2026-11-20 as 2027-08-06), and a notice PDF linked from a form opens in the same Tasklist session.
 */
class TasklistFormsBrowserTest extends TasklistBrowserTest {

    @Autowired IntakeService intake;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired CaseRepository cases;
    @Autowired NoticeRepository notices;
    @Autowired StatutoryDeadlines deadlines;

    private void openTask(Task task) throws IOException {
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        try {
            visible(".fjs-form");
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("forms-failure");
            Files.writeString(SCREENSHOTS.resolve("forms-failure.html"), browser.getPageSource());
            throw e;
        }
        for (WebElement claim : browser.findElements(By.xpath("//button[normalize-space()='认领']"))) {
            if (claim.isDisplayed()) {
                click(claim);
                wait.until(ExpectedConditions.invisibilityOf(claim));
            }
        }
    }

    @Test
    void aDateTypedIntoATasklistFormIsStoredExactlyAsTyped() throws Exception {
        browser.manage().window().setSize(new Dimension(1440, 900));
        String caseNo = intake.submit(TestApplications.online("关于那个文件"), "applicant", false).caseNo();
        cn.gov.disclosure.workflow.AsyncJobs.continueIntake(management, runtime, caseNo);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        tasks.complete(review.getId(), Map.of("completeness", "NEEDS_CORRECTION",
                "reviewNotes", "请写明文件名称或文号，以便检索"));
        // The correction notice is rendered and sent asynchronously; tests run those steps themselves.
        AsyncJobs.executeAll(management, runtime, caseNo);
        Task waiting = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("AwaitCorrection")
                .singleResult();
        // The day the correction notice went out: the latest day the office's clock allows as a receipt date.
        String typed = (String) runtime.getVariable(waiting.getProcessInstanceId(), "correctionNoticeOn");
        assertThat(typed).matches("\\d{4}-\\d{2}-\\d{2}");

        // The lists sort by due date; in a shared test database earlier-due tasks of other tests would push this
        // card off the first page, so it is made the most urgent one.
        waiting.setDueDate(java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        tasks.saveTask(waiting);
        signIn("clerk", "demo");
        openTask(waiting);
        // The task's card shows the case: number, applicant, period and what was asked for.
        try {
            wait.until(d -> d.findElement(By.cssSelector(".tasks-list")).getText().contains(caseNo));
        } finally {
            screenshot("forms-card-and-form");
        }
        // The rest of the card (summary, period, deadline note) shows when it is unfolded.
        click(browser.findElement(By.cssSelector(".tasks-list .shutter")));
        wait.until(d -> d.findElement(By.cssSelector(".tasks-list")).getText().contains("关于那个文件"));
        screenshot("forms-card-unfolded");
        WebElement date = field("收到补正的日期");
        assertThat(date.getTagName()).isEqualTo("input");
        // The form tells the clerk how to write a date.
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("yyyy-MM-dd");
        field("补正后的申请内容").sendKeys("2025年第12号文件《关于某路段改造的批复》");
        date.sendKeys(typed);
        screenshot("forms-date-typed");
        // What the clerk sees after typing is what was typed, not a date re-read in another order.
        assertThat(date.getAttribute("value")).isEqualTo(typed);
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='办结']"))));
        wait.until(d -> tasks.createTaskQuery().taskId(waiting.getId()).singleResult() == null);

        // Stored as typed: the variable, and the case's reply period counted from that day (Art. 30).
        var stored = history.createHistoricVariableInstanceQuery().processInstanceId(waiting.getProcessInstanceId())
                .variableName("correctionReceivedOn").singleResult();
        assertThat(stored.getValue()).isEqualTo(typed);
        assertThat(cases.findByCaseNo(caseNo).orElseThrow().dueOn())
                .isEqualTo(deadlines.replyDue(LocalDate.parse(typed)).due());
    }

    @Test
    void aNoticeLinkedFromAFormOpensInTheTasklistSession() throws Exception {
        String caseNo = intake.submit(TestApplications.online("关于那份材料"), "applicant", false).caseNo();
        cn.gov.disclosure.workflow.AsyncJobs.continueIntake(management, runtime, caseNo);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        tasks.complete(review.getId(), Map.of("completeness", "NEEDS_CORRECTION",
                "reviewNotes", "请写明文件名称或文号，以便检索"));
        AsyncJobs.executeAll(management, runtime, caseNo);
        long caseId = cases.findByCaseNo(caseNo).orElseThrow().id();
        long noticeId = notices.listForCase(caseId).get(0).id();
        String pdf = url("/staff/notices/" + noticeId + ".pdf");
        HttpClient http = HttpClient.newHttpClient();

        // Without any sign-in: asked for credentials, as before.
        assertThat(http.send(HttpRequest.newBuilder(URI.create(pdf)).build(), BodyHandlers.discarding()).statusCode())
                .isEqualTo(401);

        signIn("clerk", "demo");
        // The link in a form is followed by the signed-in browser: its own cookies, no password asked again.
        String answer = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {redirect: 'manual'}).then(async r => {
                  const head = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
                  done(r.status + ' ' + r.headers.get('content-type') + ' ' + String.fromCharCode(...head));
                }).catch(e => done('failed ' + e));""", pdf);
        assertThat(answer).isEqualTo("200 application/pdf %PDF-");
    }
}
