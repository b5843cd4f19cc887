package cn.gov.disclosure.consultation;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agencies this office consults about jointly made information (Art. 34), configured under
 * {@code disclosure.agency-directory}: a short code, the name, the address and the contact e-mail.
 */
@ConfigurationProperties(prefix = "disclosure")
public record AgencyDirectory(List<Entry> agencyDirectory) {

    public record Entry(String code, String name, String address, String email) {
    }

    public AgencyDirectory {
        agencyDirectory = agencyDirectory == null ? List.of() : List.copyOf(agencyDirectory);
    }

    public Optional<Entry> find(String code) {
        return agencyDirectory.stream().filter(e -> e.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** One line per agency, for the clerk's form: "ZRZY 示例市自然资源局；FGW 示例市发展和改革委员会". */
    public String describe() {
        return String.join("；", agencyDirectory.stream().map(e -> e.code() + " " + e.name()).toList());
    }
}
