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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
