package cn.gov.disclosure.webapps;

import cn.gov.disclosure.common.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist, Cockpit and Admin as the office's own, in Chinese (issue 16, item 1). The webapps read
 * {@code app/<app>/scripts/config.js} and {@code app/<app>/styles/user-styles.css} (their documented places for
 * customisation); this controller answers those two paths before the webjar's copies are reached (a mapped
 * controller ranks before Spring's resource handler), so the office name comes from configuration.
 * The Chinese texts themselves are static files beside the webjar's: {@code app/<app>/locales/zh.json}.
 */
@RestController
public class WebappsController {

    static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");
    static final Map<String, String> APP_NAMES = Map.of("tasklist", Texts.get("webapps.app.tasklist"),
            "cockpit", Texts.get("webapps.app.cockpit"), "admin", Texts.get("webapps.app.admin"),
            "welcome", Texts.get("webapps.app.welcome"));

    private final ObjectMapper json;
    private final String brand;
    private final String logoUrl;
    private final List<String> claimOnOpen;

    public WebappsController(ObjectMapper json,
            @Value("${disclosure.webapps.brand:${disclosure.agency.name:}}") String brand,
            @Value("${disclosure.webapps.logo-url:}") String logoUrl,
            @Value("${disclosure.tasklist.claim-on-open:}") List<String> claimOnOpen) {
        this.json = json;
        this.brand = brand;
        this.logoUrl = logoUrl.isBlank() ? builtInLogo() : logoUrl;
        this.claimOnOpen = claimOnOpen.stream().map(String::trim).filter(g -> !g.isEmpty()).distinct().toList();
    }

    @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/{app}/scripts/config.js",
            produces = "text/javascript;charset=UTF-8")
    public ResponseEntity<String> config(@PathVariable String app) throws JsonProcessingException {
        if (!APPS.contains(app)) {
            return ResponseEntity.notFound().build();
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("app", Map.of("name", APP_NAMES.get(app), "vendor", brand));
        // The browser's first language decides (zh-CN → Chinese, en-* → English); any other language gets Chinese.
        config.put("locales", Map.of("availableLocales", List.of("zh", "en"), "fallbackLocale", "zh"));
        config.put("dateFormat", Map.of("monthName", "MMMM", "day", "DD", "abbr", "YYYY-MM-DD HH:mm",
                "normal", "YYYY-MM-DD HH:mm", "long", "YYYY-MM-DD HH:mm dddd", "short", "YYYY-MM-DD"));
        // The first-login hint points to Camunda's welcome page; clerks have their own guide.
        config.put("disableWelcomeMessage", true);
        if ("tasklist".equals(app)) {
            config.put("shortcuts", tasklistShortcuts());
            // Loaded by Tasklist as ES modules from app/tasklist/scripts/ (see below).
            config.put("customScripts", claimOnOpen.isEmpty() ? List.of("scripts/due-date-first")
                    : List.of("scripts/due-date-first", "scripts/claim-on-open"));
        }
        String body = "// Generated from the office's configuration (disclosure.webapps.*, disclosure.agency.name).\n"
                + "export default " + json.writerWithDefaultPrettyPrinter().writeValueAsString(config) + ";\n";
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }

    /**
     * Tasklist's plugin that claims a group task when it is opened, for the groups of
     * {@code disclosure.tasklist.claim-on-open}; the script asks the engine, with the user's own session, whether
     * the user is a candidate through one of those groups before it claims.
     */
    @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/scripts/claim-on-open.js",
            produces = "text/javascript;charset=UTF-8")
    public ResponseEntity<String> claimOnOpen() throws IOException, JsonProcessingException {
        String script = new ClassPathResource("webapps/claim-on-open.js").getContentAsString(StandardCharsets.UTF_8)
                .replace("/*GROUPS*/[]", json.writeValueAsString(claimOnOpen));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
    }

    /** Tasklist's list sorted by due date unless the user chose another order (the script says why). */
    @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/scripts/due-date-first.js",
            produces = "text/javascript;charset=UTF-8")
    public ResponseEntity<String> dueDateFirst() throws IOException {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new ClassPathResource("webapps/due-date-first.js").getContentAsString(StandardCharsets.UTF_8));
    }

    /** The webapps' own place for extra CSS; it ships empty. */
    @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/{app}/styles/user-styles.css",
            produces = "text/css;charset=UTF-8")
    public ResponseEntity<String> styles(@PathVariable String app) {
        if (!APPS.contains(app)) {
            return ResponseEntity.notFound().build();
        }
        String css = """
                /* The office's header; no Camunda 8 migration banner (7.24 shows it to every Community
                   Edition user, with no configuration switch, so it is hidden here). */
                .ce-eol-banner { display: none !important; }
                .app-banner .brand-logo svg, .app-banner .brand-logo img, .login-logo svg { display: none; }
                .app-banner .brand-logo {
                  display: inline-block; width: 28px; height: 28px; margin-right: 8px; vertical-align: middle;
                  background: url("%1$s") center / contain no-repeat;
                }
                .login-logo { height: 64px; background: url("%1$s") center / contain no-repeat; }
                /* Tasklist cards: overdue ones red, those past their follow-up day (three working days before
                   the due day, set on every task) amber. Tasklist marks the dates with .overdue itself. */
                .tasks-list li.task:has(.due-date.overdue) { border-left: 4px solid #c9302c; background: #fdf0ef; }
                .tasks-list li.task:has(.followup-date.overdue):not(:has(.due-date.overdue)) {
                  border-left: 4px solid #e5a000; background: #fff8e6; }
                .tasks-list .due-date.overdue { color: #c9302c; font-weight: bold; }
                .tasks-list .followup-date.overdue { color: #9a6700; font-weight: bold; }
                /* form-js's taglist shows an English "Search" placeholder with no setting to change it. */
                .fjs-taglist-input::placeholder { color: transparent; }
                body { font-family: "Helvetica Neue", Helvetica, Arial, "PingFang SC", "Microsoft YaHei",
                  "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
                """.formatted(logoUrl.replace("\"", "%22"));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(css);
    }

    private static Map<String, Object> tasklistShortcuts() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("claimTask", Map.of("key", "ctrl+alt+c", "description", Texts.get("webapps.shortcut.claimTask")));
        s.put("focusFilter", Map.of("key", "ctrl+shift+f", "description", Texts.get("webapps.shortcut.focusFilter")));
        s.put("focusList", Map.of("key", "ctrl+alt+l", "description", Texts.get("webapps.shortcut.focusList")));
        s.put("focusForm", Map.of("key", "ctrl+alt+f", "description", Texts.get("webapps.shortcut.focusForm")));
        s.put("startProcess", Map.of("key", "ctrl+alt+p", "description", Texts.get("webapps.shortcut.startProcess")));
        return s;
    }

    private static String builtInLogo() {
        try {
            byte[] svg = new ClassPathResource("webapps/office-logo.svg").getContentAsByteArray();
            return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
