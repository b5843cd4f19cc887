package cn.gov.disclosure.portal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.disclosure.IntegrationTest;

/**
 * Drives Debian's chromium (headless, phone-sized) through Debian's chromedriver. Without them the
 * browser tests are skipped locally, but fail in CI (CI=true), where .ci/run installs them.
 */
public abstract class BrowserTest extends IntegrationTest {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;
    protected Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("chromium and chromium-driver are required in CI (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "Debian chromium and chromium-driver are not installed; browser tests skipped");
        downloads = Files.createTempDirectory("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=412,915", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("plugins.always_open_pdf_externally", true);
        // What navigator.languages reports (--lang alone leaves it English): the webapps choose their language by it.
        prefs.put("intl.accept_languages", "zh-CN,zh");
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Types the user name and password into a Camunda webapp's login form ({@code app}: tasklist, cockpit, admin)
     * and presses the button, as a person would. The form is re-rendered once its translations arrive, and typing
     * into the old one is lost; so the fields are typed into again until they hold what was typed, read afresh.
     */
    protected void signInToWebapp(String app, String user, String password) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class);
        By name = By.cssSelector("input[ng-model=username]");
        By secret = By.cssSelector("input[ng-model=password]");
        By button = By.cssSelector("form[name=signinForm] button[type=submit]");
        browser.get(url("/camunda/app/" + app + "/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(name));
        // In Chinese, which is also the sign that the translations have arrived.
        wait.until(d -> d.findElement(button).getText().equals("登录")
                && "用户名".equals(d.findElement(name).getDomAttribute("placeholder")));
        for (int attempt = 1; ; attempt++) {
            // Both fields on every pass ("&", not "&&"): each is typed into again if it lost its text.
            wait.until(d -> holds(d.findElement(name), user) & holds(d.findElement(secret), password));
            browser.findElement(button).click();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.invisibilityOfElementLocated(name));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                // Still the login form: the page's model may have missed the typing; once more, as a person would.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Whether the field holds {@code text}; if not, it is cleared and typed into again. */
    private static boolean holds(WebElement field, String text) {
        if (text.equals(field.getDomProperty("value"))) {
            return true;
        }
        field.clear();
        field.sendKeys(text);
        return false;
    }

    /** Waits for a file to finish downloading and returns it. */
    protected Path awaitDownload(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (var files = Files.list(downloads)) {
                List<Path> done = files.filter(p -> p.toString().endsWith(".pdf")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no download in " + timeout);
    }
}
