package cn.gov.disclosure.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What a PDF's signature says, judged against this office's keys.
 *
 * @param status       the verdict
 * @param certificate  the signing certificate found in the signature, or null
 * @param ours         the certificate is one of this office's (current or older) keys
 * @param signedAt     the claimed signing time, or null
 */
public record SignatureCheck(Status status, X509Certificate certificate, SealKey ours, Instant signedAt) {

    public enum Status {
        /** Not a PDF at all. */
        NOT_PDF,
        /** A PDF without a signature. */
        UNSIGNED,
        /** Signed, but the signed bytes were changed or the signature is broken. */
        BROKEN,
        /** The signature is intact but more was appended to the file after signing. */
        MODIFIED_AFTER_SIGNING,
        /** Intact and covering the whole file. */
        INTACT
    }

    public boolean intact() {
        return status == Status.INTACT;
    }

    /** Signed with one of this office's keys that was marked revoked on or before the signing day. */
    public boolean revoked() {
        return ours != null && ours.revokedSince() != null && signedAt != null
                && !signedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().isBefore(ours.revokedSince());
    }

    public String fingerprint() {
        return certificate == null ? null : Fingerprints.of(certificate);
    }

    /** The certificate's subject, readable (RFC 2253 with the Chinese names as they are). */
    public String subject() {
        return certificate == null ? null : certificate.getSubjectX500Principal().getName(
                javax.security.auth.x500.X500Principal.RFC2253);
    }
}
