package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.notice.NoticeRepository;

/**
 * A script/HTML payload in every free-text field shows up as plain text in the portal, in the Tasklist
 * form, in the PDF and in the e-mail — and never runs.
 */
class EscapingBrowserTest extends BrowserTest {

    static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
    /** For fields limited to 50 characters. */
    static final String SHORT = "<script>alert(3)</script><b>&</b>";

    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Autowired cn.gov.disclosure.acknowledgment.AcknowledgmentService acknowledgments;
    @Autowired CaseFileService caseFiles;
    @Autowired NoticeRepository notices;
    @Autowired org.camunda.bpm.engine.FilterService filters;

    private void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /**
     * Signs in through Camunda's login API from the page (with its XSRF header). Tasklist's own first
     * requests can race with the login and replace the session cookie, so the session is checked and the
     * sign-in repeated if needed.
     */
    private void signInToTasklist(WebDriverWait wait) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            browser.get(url("/camunda/app/tasklist/"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model=username]")));
            Thread.sleep(1000);
            Object status = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
                    fetch('/camunda/api/admin/auth/user/default/login/tasklist', {method: 'POST',
                      headers: {'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded'},
                      body: 'username=clerk&password=demo'})
                      .then(() => fetch('/camunda/api/admin/auth/user/default'))
                      .then(r => done(r.status));""");
            if (Long.valueOf(200L).equals(status)) {
                return;
            }
        }
        throw new AssertionError("could not sign in to Tasklist");
    }

    private void noAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aPayloadInEveryTextFieldStaysText() throws Exception {
        browser.get(url("/apply"));
        browser.findElement(By.id("type-COMMERCIAL_ENTERPRISE")).click();
        type("name", PAYLOAD + "有限公司");
        browser.findElement(By.cssSelector("#idType option[value=UNIFIED_SOCIAL_CREDIT_CODE]")).click();
        type("idNumber", "91350100M000100Y43");
        type("contactPerson", SHORT);
        type("email", "company@example.cn");
        type("address", PAYLOAD + "某路1号");
        type("description", PAYLOAD + "的立项批复");
        type("documentNumber", PAYLOAD);
        type("feeWaiverReason", PAYLOAD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        noAlert();
        String caseNo = browser.findElement(By.id("caseNo")).getText();
        String code = browser.findElement(By.id("trackingCode")).getText();

        browser.get(url("/track"));
        type("caseNo", caseNo);
        type("trackingCode", code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        noAlert();
        assertThat(browser.findElement(By.id("description")).getText()).isEqualTo(PAYLOAD + "的立项批复");
        screenshot("08-status-with-payload");

        ApplicationCase c = caseFiles.get(caseNo);
        assertThat(c.applicantName()).isEqualTo(PAYLOAD + "有限公司");
        assertThat(c.contactPerson()).isEqualTo(SHORT);
        assertThat(c.feeWaiverReason()).isEqualTo(PAYLOAD);
        acknowledgments.issue(caseNo); // the process's acknowledgment step (no job executor in tests)
        String pdfText = NoticeChecker.textOf(notices.pdf(notices.listForCase(c.id()).get(0).id()).orElseThrow());
        assertThat(pdfText).contains((PAYLOAD + "有限公司").replaceAll("\\s+", ""))
                .contains((PAYLOAD + "的立项批复").replaceAll("\\s+", ""));

        // In Tasklist, the clerk's form shows the payload as text (the review exists once the job continuing the
        // intake has run).
        cn.gov.disclosure.workflow.AsyncJobs.continueIntake(management, runtime, caseNo);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        // Claimed by the clerk, so it is the one task of the filter 我的待办.
        tasks.createTaskQuery().taskAssignee("clerk").list().forEach(t -> tasks.setAssignee(t.getId(), null));
        tasks.setAssignee(review.getId(), "clerk");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signInToTasklist(wait);
        String myTasks = filters.createFilterQuery().filterName("我的待办").singleResult().getId();
        String taskUrl = url("/camunda/app/tasklist/default/?signedIn=1#/?filter=" + myTasks + "&task=" + review.getId());
        browser.get(taskUrl);
        // If the session was lost in the race described above, the app shows its login form: sign in again.
        WebDriverWait settle = new WebDriverWait(browser, Duration.ofSeconds(20));
        settle.until(d -> !d.findElements(By.cssSelector(".fjs-form input, input[ng-model=username]")).isEmpty());
        if (!browser.findElements(By.cssSelector("input[ng-model=username]")).isEmpty()) {
            signInToTasklist(wait);
            browser.get(taskUrl);
        }
        // The read-only fields of the form (case number, applicant, ...) are filled from the variables.
        try {
            wait.until(d -> d.findElements(By.cssSelector(".fjs-form input")).stream()
                    .anyMatch(i -> (PAYLOAD + "有限公司").equals(i.getAttribute("value"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("09-tasklist-timeout");
            java.nio.file.Files.writeString(SCREENSHOTS.resolve("09-tasklist-timeout.html"), browser.getPageSource());
            throw e;
        }
        noAlert();
        assertThat(browser.findElements(By.cssSelector(".fjs-form script"))).isEmpty();
        screenshot("09-tasklist-with-payload");
    }
}
