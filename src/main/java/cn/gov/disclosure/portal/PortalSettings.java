package cn.gov.disclosure.portal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The public pages: the office's guide (公开指南), shown beside the application form. */
@ConfigurationProperties(prefix = "disclosure.portal")
public record PortalSettings(List<String> guide) {

    public PortalSettings {
        guide = guide == null ? List.of() : List.copyOf(guide);
    }
}
