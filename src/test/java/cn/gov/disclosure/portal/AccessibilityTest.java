package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.workflow.AsyncJobs;

/**
 * WCAG 2.1 AA on the public pages: axe-core (npm, pinned in package-lock.json, installed by the pom's npm ci)
 * injected into Debian's chromium over the home page, the application form empty and with errors, the receipt,
 * the look-up form and the status page (with and without an open correction), in both text sizes. Any violation
 * fails the build with the rule, its help text and the elements concerned.
 */
class AccessibilityTest extends BrowserTest {

    /** axe's tags for WCAG 2.0 and 2.1, levels A and AA. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
               .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                               + v.nodes.map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));
            """;

    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    private String axe;

    @BeforeEach
    void loadAxe() throws IOException {
        String path = System.getProperty("axe.script", "target/bpmnlint/node_modules/axe-core/axe.min.js");
        if (!Files.isReadable(Path.of(path))) {
            fail("axe-core not installed at " + path + " (the pom's npm ci step installs it before the tests)");
        }
        axe = Files.readString(Path.of(path));
    }

    /** The violations on the page now shown. */
    @SuppressWarnings("unchecked")
    private List<String> violations() {
        browser.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
        return new ArrayList<>((List<String>) browser.executeAsyncScript(RUN_AXE));
    }

    private void check(String page, List<String> found) {
        found.addAll(violations().stream().map(v -> page + ": " + v).toList());
    }

    private void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void thePublicPagesHaveNoViolations() throws Exception {
        List<String> found = new ArrayList<>();
        for (String large : new String[] {"", "?large=1"}) {
            browser.get(url("/" + large));
            check("/" + large, found);
            browser.get(url("/apply" + large));
            check("/apply" + large, found);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.findElements(By.cssSelector("[aria-invalid=true]"))).isNotEmpty();
            check("/apply" + large + " with errors", found);
            browser.get(url("/track" + large));
            check("/track" + large, found);
            browser.get(url("/verify" + large));
            check("/verify" + large, found);
        }

        browser.get(url("/apply"));
        type("name", "王小明");
        type("idNumber", "11010519491231002X");
        type("email", "wangxm@example.cn");
        type("address", "山东省临沂市兰山区某路1号");
        type("description", "关于那个项目的文件");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String caseNo = browser.findElement(By.id("caseNo")).getText();
        String code = browser.findElement(By.id("trackingCode")).getText();
        check("receipt", found);

        openCase(caseNo, code);
        assertThat(browser.findElement(By.id("status")).getText()).isNotBlank();
        check("status", found);

        // An open correction adds its items, the deadline and the correction form (the clerk's review exists once the
        // job continuing the intake has run; no job executor in tests).
        AsyncJobs.continueIntake(management, runtime, caseNo);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        tasks.complete(review.getId(), Map.of("completeness", "NEEDS_CORRECTION",
                "reviewNotes", "1. 请写明所需文件的名称\n2. 请写明文件的形成时间"));
        AsyncJobs.executeAll(management, runtime, caseNo);
        openCase(caseNo, code);
        assertThat(browser.findElements(By.cssSelector("#correctionItems li"))).hasSize(2);
        check("status with correction", found);
        browser.findElement(By.cssSelector("form[action='/track/correction'] button")).click();
        check("status with correction error", found);
        screenshot("axe-status-correction");

        assertThat(found).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
    }

    /** The check itself: a page with an unlabelled field and no language must be reported. */
    @Test
    void theCheckReportsAMissingLabel() {
        browser.get("data:text/html;charset=utf-8,<title>t</title><main><input type=text id=x></main>");
        assertThat(violations()).anyMatch(v -> v.startsWith("label ")).anyMatch(v -> v.startsWith("html-has-lang "));
    }

    private void openCase(String caseNo, String code) {
        browser.get(url("/track"));
        type("caseNo", caseNo);
        type("trackingCode", code);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
