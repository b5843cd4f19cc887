package cn.gov.disclosure.notice;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Fills the notice (HTML) and e-mail (text) templates under {@code templates/}. Thymeleaf escapes
 * every value, so text an applicant typed cannot inject markup into a notice.
 */
@Component
public class NoticeTemplates {

    private final SpringTemplateEngine notices = engine("templates/notices/", ".html", TemplateMode.HTML);
    private final SpringTemplateEngine mails = engine("templates/mail/", ".txt", TemplateMode.TEXT);
    private final SpringTemplateEngine reports = engine("templates/reports/", ".html", TemplateMode.HTML);

    public String notice(String template, Map<String, Object> model) {
        return notices.process(template, new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
    }

    public String report(String template, Map<String, Object> model) {
        return reports.process(template, new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
    }

    public String mail(String template, Map<String, Object> model) {
        return mails.process(template, new Context(java.util.Locale.SIMPLIFIED_CHINESE, model));
    }

    private static SpringTemplateEngine engine(String prefix, String suffix, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(prefix);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
