package cn.gov.disclosure.portal;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in Tasklist: signs in by typing, finds form fields by their labels, clicks what is on screen. */
abstract class TasklistBrowserTest extends BrowserTest {

    protected WebDriverWait wait;

    @BeforeEach
    void patience() {
        // The first page of a context loads the webapps' scripts and the engine's forms: slow on a busy machine.
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    protected WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Signs in to Tasklist by typing into its login form. */
    protected void signIn(String user, String password) {
        signInToWebapp("tasklist", user, password);
    }

    protected void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** The form field labelled {@code label}, found as a person finds it: by its label. */
    protected WebElement fieldBox(String label) {
        return browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field')][.//label[contains(., '"
                + label + "')]]"));
    }

    /** The input of that field. */
    protected WebElement field(String label) {
        return fieldBox(label).findElement(By.xpath(".//*[self::input or self::textarea]"));
    }
}
