package cn.gov.disclosure.consultation;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agencies this office consults about jointly made information (Art. 34), configured under
 * {@code disclosure.agency-directory}: a short code, the name, the address, the contact e-mail and the channel
 * its letters go by.
 */
@ConfigurationProperties(prefix = "disclosure")
public record AgencyDirectory(List<Entry> agencyDirectory) {

    /**
     * {@code channel}: how its letters go — EMAIL, POST or EXCHANGE (公文交换); unset means e-mail when an address
     * is known, else post.
     */
    public record Entry(String code, String name, String address, String email, String channel) {
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
