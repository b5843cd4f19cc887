package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.consultation.ConsultationRepository;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Issue 16, item 4, worked in Tasklist as a clerk works it: the notice checker's refusal of a decision is shown in
 * the same form, the task stays open with what was typed, and the corrected decision goes through; the agencies to
 * consult are chosen from the directory's list, not typed as codes.
 */
@ExtendWith(OutputCaptureExtension.class)
class TasklistCheckerAndListsBrowserTest extends TasklistBrowserTest {

    @Autowired IntakeService intake;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CaseRepository cases;
    @Autowired ConsultationRepository consultations;

    private void openTask(Task task, String name) throws IOException {
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        try {
            visible(".fjs-form");
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(name + "-failure");
            Files.writeString(SCREENSHOTS.resolve(name + "-failure.html"), browser.getPageSource());
            throw e;
        }
        for (WebElement claim : browser.findElements(By.xpath("//button[normalize-space()='认领']"))) {
            if (claim.isDisplayed()) {
                click(claim);
                wait.until(ExpectedConditions.invisibilityOf(claim));
            }
        }
    }

    /** Opens the list of the select or taglist labelled {@code label} and picks the entry reading {@code option}. */
    private void choose(String label, String option) {
        WebElement box = fieldBox(label);
        click(box.findElement(By.xpath(".//*[self::input or contains(@class,'fjs-select-display')]")));
        WebElement entry = wait.until(d -> box.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(e -> e.getText().contains(option)).findFirst().orElse(null));
        click(entry);
    }

    private void submit() {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='办结']"))));
    }

    private String caseAt(String taskKey, String request) {
        String caseNo = intake.submit(TestApplications.online(request), "applicant", false).caseNo();
        AsyncJobs.executeAll(management, runtime, caseNo);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        tasks.complete(review.getId(), Map.of("completeness", "COMPLETE"));
        if ("DecideReply".equals(taskKey)) {
            Task search = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
            tasks.complete(search.getId(), Map.of("searchNotes", "已检索公文系统和档案室，找到该会议记录"));
        }
        AsyncJobs.executeAll(management, runtime, caseNo);
        return caseNo;
    }

    @Test
    void theCheckersRefusalShowsInTheSameFormAndTheTaskStaysOpen(CapturedOutput output) throws Exception {
        browser.manage().window().setSize(new Dimension(1440, 1000));
        String caseNo = caseAt("DecideReply", "某单位2025年第3次内部会议记录");
        Task decide = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(decide.getTaskDefinitionKey()).isEqualTo("DecideReply");
        signIn("clerk", "demo");
        openTask(decide, "checker");

        // 不予公开 with its reasoning but without a ground: the checker refuses it.
        choose("答复类型", "不予公开（《条例》第三十六条第三项）");
        String reasoning = "该会议记录属于本机关内部讨论形成的过程性信息，依法不予公开。";
        field("答复理由").sendKeys(reasoning);
        int logBefore = output.length();
        submit();
        try {
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("须选择不予公开的理由"));
        } finally {
            screenshot("checker-refusal-in-form");
        }
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("答复书核验发现的问题").doesNotContain("checkerProblems").doesNotContain("Exception");
        // Still the same task, open, with what the clerk typed.
        assertThat(tasks.createTaskQuery().taskId(decide.getId()).singleResult()).isNotNull();
        assertThat(field("答复理由").getAttribute("value")).isEqualTo(reasoning);
        assertThat(runtime.getVariable(decide.getProcessInstanceId(), "replyType")).isNull();
        // A user mistake: one WARN line with the case and the reason, no ERROR, no stack trace (item 5).
        String log = output.toString().substring(logBefore);
        assertThat(log).doesNotContain("ERROR").doesNotContain("\tat ");
        assertThat(log.lines().filter(l -> l.contains("WARN") && !l.contains("WadlFeature"))).singleElement()
                .asString().contains(caseNo).contains("DecideReply").contains("须选择不予公开的理由");

        // The clerk closes the message, adds the ground and submits again: accepted, the case goes on to the draft.
        for (WebElement close : browser.findElements(By.cssSelector(".page-notifications .close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
        click(fieldBox("属于四类过程性信息").findElement(By.tagName("input")));
        submit();
        wait.until(d -> tasks.createTaskQuery().taskId(decide.getId()).singleResult() == null);
        assertThat(runtime.getVariable(decide.getProcessInstanceId(), "replyType")).isEqualTo("NOT_DISCLOSED");
    }

    @Test
    void theAgenciesToConsultAreChosenFromTheDirectorysList() throws Exception {
        browser.manage().window().setSize(new Dimension(1440, 1000));
        String caseNo = caseAt("SearchInformation", "旧城改造片区开发实施方案全文");
        Task search = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(search.getTaskDefinitionKey()).isEqualTo("SearchInformation");
        signIn("clerk", "demo");
        openTask(search, "agencies");

        field("检索情况").sendKeys("已检索公文系统，该方案与自然资源和规划局、发展和改革委员会联合制作");
        click(fieldBox("征求其他机关意见").findElement(By.tagName("input")));
        WebElement agencies = fieldBox("征求意见的机关");
        click(agencies.findElement(By.tagName("input")));
        // The directory's agencies by name, as a list to choose from.
        wait.until(d -> agencies.findElements(By.cssSelector(".fjs-dropdownlist-item")).size() >= 3);
        assertThat(agencies.findElements(By.cssSelector(".fjs-dropdownlist-item"))).extracting(WebElement::getText)
                .contains("示例市自然资源和规划局", "示例市发展和改革委员会", "示例市住房和城乡建设局");
        screenshot("agency-list-in-form");
        choose("征求意见的机关", "示例市自然资源和规划局");
        choose("征求意见的机关", "示例市发展和改革委员会");
        field("需要征求意见的具体信息").sendKeys("旧城改造片区开发实施方案全文");
        screenshot("agency-list-chosen");
        submit();
        wait.until(d -> tasks.createTaskQuery().taskId(search.getId()).singleResult() == null);

        // The services read the choice as before: one consultation per agency chosen.
        AsyncJobs.executeAll(management, runtime, caseNo);
        long caseId = cases.findByCaseNo(caseNo).orElseThrow().id();
        assertThat(consultations.forCase(caseId)).extracting(c -> c.partyName())
                .containsExactlyInAnyOrder("示例市自然资源和规划局", "示例市发展和改革委员会");
    }
}
