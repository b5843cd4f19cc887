package cn.gov.disclosure.seal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;

/**
 * A signing key with its certificate chain (signing certificate first).
 *
 * @param revokedSince null unless the certificate was marked revoked in the configuration
 */
public record SealKey(PrivateKey privateKey, List<X509Certificate> chain, SealAlgorithm algorithm,
                      LocalDate revokedSince) {

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** SHA-256 of the certificate, as hex: how the verify page names a certificate. */
    public String fingerprint() {
        return Fingerprints.of(certificate());
    }
}
