package cn.gov.disclosure.seal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disclosure.seal}: whether notices are signed, with which keys, and where the demo keeps its own.
 *
 * @param enabled    sign every issued notice (default true)
 * @param algorithm  the algorithm of the demo key; a configured keystore brings its own key type
 * @param demo       the demo profile: make a self-signed certificate and a specimen seal when none is configured
 * @param demoDir    where the demo keystore is kept between starts
 * @param keystores  the first entry signs; later entries are older keys kept so earlier notices still verify
 */
@ConfigurationProperties(prefix = "disclosure.seal")
public record SealProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("ECDSA_P256") SealAlgorithm algorithm,
        @DefaultValue("false") boolean demo,
        @DefaultValue("./data/seal") String demoDir,
        List<Keystore> keystores) {

    public SealProperties {
        keystores = keystores == null ? List.of() : List.copyOf(keystores);
    }

    /**
     * One PKCS#12 file. Path and password normally come from the environment
     * ({@code DISCLOSURE_SEAL_KEYSTORES_0_PATH}, {@code DISCLOSURE_SEAL_KEYSTORES_0_PASSWORD}).
     *
     * @param alias         the key entry; empty for the first key entry in the file
     * @param revokedSince  notices signed on or after this day with this key are reported as revoked
     */
    public record Keystore(String path, String password, String alias, LocalDate revokedSince) {
    }
}
