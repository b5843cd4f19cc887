package cn.gov.disclosure.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.items.CaseItem;
import cn.gov.disclosure.items.CaseItems;

/** An applicant lists several items on /apply: rows are added and removed by post-back, without JavaScript. */
class ItemsBrowserTest extends BrowserTest {

    @Autowired CaseItems items;

    private void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks a button that posts the page, and waits for the next page. */
    private void post(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        // The old page is gone once its root element is stale; Chrome sometimes says so as "Node … does not belong
        // to the document" instead of a stale-element error.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                return String.valueOf(e.getMessage()).contains("does not belong to the document");
            }
        });
    }

    @Test
    void addRemoveAndSubmitThreeItems() throws Exception {
        browser.get(url("/apply"));
        type("name", "王小明");
        type("idNumber", "11010519491231002X");
        type("email", "wangxm@example.cn");
        type("description", "2025年某路段道路拓宽工程的立项批复文件");
        type("documentNumber", "临发改〔2025〕12号");

        post(By.id("add-item"));
        type("more0.description", "该工程的环境影响评价批复");
        post(By.id("add-item"));
        type("more1.description", "这一行随后删除");
        post(By.id("add-item"));
        type("more2.description", "那个");
        // What was typed survives every post-back.
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("王小明");
        assertThat(browser.findElement(By.id("more0.description")).getAttribute("value")).isEqualTo("该工程的环境影响评价批复");
        screenshot("items-01-four-rows");

        post(By.id("remove-item-3"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("已删除第3项");
        assertThat(browser.findElements(By.cssSelector(".item-row"))).hasSize(2);
        assertThat(browser.findElement(By.id("more1.description")).getAttribute("value")).isEqualTo("那个");

        // Too short: the error names the item by its number, beside its field.
        post(By.cssSelector("button[type=submit]"));
        assertThat(browser.findElement(By.id("more1.description-error")).getText()).contains("第3项 申请内容");
        screenshot("items-02-error-on-item-3");

        type("more1.description", "该工程征收补偿安置方案");
        post(By.cssSelector("button[type=submit]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("申请已提交");
        String caseNo = browser.findElement(By.id("caseNo")).getText();
        String code = browser.findElement(By.id("trackingCode")).getText();
        assertThat(items.list(caseNo)).extracting(CaseItem::description).containsExactly(
                "2025年某路段道路拓宽工程的立项批复文件", "该工程的环境影响评价批复", "该工程征收补偿安置方案");
        assertThat(items.list(caseNo).get(0).documentNumber()).isEqualTo("临发改〔2025〕12号");

        // The status page lists them, not yet answered.
        browser.get(url("/track"));
        type("caseNo", caseNo);
        type("trackingCode", code);
        post(By.cssSelector("button[type=submit]"));
        assertThat(browser.findElement(By.id("item-3")).getText()).contains("该工程征收补偿安置方案").contains("办理中");
        screenshot("items-03-status");
    }
}
