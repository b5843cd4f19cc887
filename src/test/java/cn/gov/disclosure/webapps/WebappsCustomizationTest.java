package cn.gov.disclosure.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;

/** What the running server hands the webapps: our config.js, our CSS and our Chinese texts, not the webjar's. */
class WebappsCustomizationTest extends IntegrationTest {

    @Autowired TestRestTemplate http;

    @Test
    void configJsMakesChineseTheDefaultAndNamesTheOffice() {
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            ResponseEntity<String> config = http.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
            assertThat(config.getStatusCode().value()).isEqualTo(200);
            assertThat(config.getHeaders().getContentType().toString()).startsWith("text/javascript");
            assertThat(config.getBody()).startsWith("//").contains("export default {")
                    .contains("\"availableLocales\" : [ \"zh\", \"en\" ]").contains("\"fallbackLocale\" : \"zh\"")
                    .contains("\"vendor\" : \"示例市人民政府办公室\"");
        }
        assertThat(http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
                .contains("\"name\" : \"待办任务\"").contains("认领当前选中的任务");
    }

    /** Claim on open (issue 16, item 3): Tasklist loads the plugin, which carries the configured groups only. */
    @Test
    void tasklistLoadsTheClaimOnOpenPluginWithTheConfiguredGroups() {
        assertThat(http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
                .contains("\"customScripts\" : [ \"scripts/due-date-first\", \"scripts/claim-on-open\" ]");
        assertThat(http.getForObject("/camunda/app/cockpit/scripts/config.js", String.class))
                .doesNotContain("customScripts");
        ResponseEntity<String> script = http.getForEntity("/camunda/app/tasklist/scripts/claim-on-open.js",
                String.class);
        assertThat(script.getHeaders().getContentType().toString()).startsWith("text/javascript");
        assertThat(script.getBody()).contains("const GROUPS = [\"clerk\",\"legal\",\"head\"];")
                .contains("pluginPoint: 'tasklist.task.action'").doesNotContain("secrecy\"");
    }

    /** Tasklist's list by due date unless the user chose another order (the filters' sorting is overridden). */
    @Test
    void tasklistLoadsTheDueDateFirstScript() {
        ResponseEntity<String> script = http.getForEntity("/camunda/app/tasklist/scripts/due-date-first.js",
                String.class);
        assertThat(script.getHeaders().getContentType().toString()).startsWith("text/javascript");
        assertThat(script.getBody()).contains("{sortBy: 'dueDate', sortOrder: 'asc'}").contains("params.has('sorting')");
    }

    @Test
    void theMigrationBannerIsHiddenAndTheLogoIsTheOffices() {
        String css = http.getForObject("/camunda/app/cockpit/styles/user-styles.css", String.class);
        assertThat(css).contains(".ce-eol-banner { display: none !important; }")
                .contains("data:image/svg+xml;base64,");
    }

    @Test
    void theChineseTextsAreServedBesideTheWebjarsEnglish() {
        assertThat(http.getForObject("/camunda/app/tasklist/locales/zh.json", String.class))
                .contains("\"PAGE_LOGIN_SIGN_IN_ACTION\": \"登录\"");
        assertThat(http.getForObject("/camunda/app/admin/locales/zh.json", String.class)).contains("用户列表");
        assertThat(http.getForObject("/camunda/app/cockpit/locales/zh.json", String.class)).contains("流程定义");
        assertThat(http.getForObject("/camunda/app/tasklist/locales/en.json", String.class))
                .contains("\"PAGE_LOGIN_SIGN_IN_ACTION\": \"Log in\"");
    }
}
