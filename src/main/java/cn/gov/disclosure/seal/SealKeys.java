package cn.gov.disclosure.seal;

import cn.gov.disclosure.common.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The office's signing keys: the first configured keystore signs, every configured one verifies (so a
 * new key does not orphan notices signed with an older one). The demo profile makes its own self-signed
 * certificate; any other profile refuses to start with signing on and no keystore, because unsigned notices
 * would leave the office without anyone noticing.
 */
@Component
public class SealKeys {

    private static final Logger log = LoggerFactory.getLogger(SealKeys.class);
    static final String DEMO_PASSWORD = "demo";

    private final List<SealKey> keys;
    private final boolean enabled;

    public SealKeys(SealProperties properties, @Value("${disclosure.agency.name:}") String agencyName) {
        this.enabled = properties.enabled();
        List<SealKey> loaded = new ArrayList<>();
        for (SealProperties.Keystore k : properties.keystores()) {
            loaded.add(load(k));
        }
        if (loaded.isEmpty() && properties.enabled()) {
            if (!properties.demo()) {
                throw new IllegalStateException("disclosure.seal.enabled is true but no keystore is configured: set "
                        + "DISCLOSURE_SEAL_KEYSTORES_0_PATH and DISCLOSURE_SEAL_KEYSTORES_0_PASSWORD (PKCS#12), "
                        + "or disclosure.seal.enabled=false");
            }
            loaded.add(demoKey(Path.of(properties.demoDir()), properties.algorithm(), agencyName));
            loaded.addAll(olderDemoKeys(Path.of(properties.demoDir()), properties.algorithm()));
        }
        this.keys = Collections.unmodifiableList(loaded);
    }

    /** Whether issued notices are signed. */
    public boolean enabled() {
        return enabled && !keys.isEmpty();
    }

    /** The key that signs new notices. */
    public SealKey signing() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("No signing key configured");
        }
        return keys.get(0);
    }

    /** Every key this office has signed with, newest first. */
    public List<SealKey> all() {
        return keys;
    }

    /** This office's key whose certificate is the given one. */
    public Optional<SealKey> find(X509Certificate certificate) {
        String fp = Fingerprints.of(certificate);
        return keys.stream().filter(k -> k.fingerprint().equals(fp)).findFirst();
    }

    static SealKey load(SealProperties.Keystore k) {
        if (k.path() == null || k.path().isBlank()) {
            throw new IllegalStateException("disclosure.seal.keystores[].path is empty");
        }
        char[] password = k.password() == null ? new char[0] : k.password().toCharArray();
        // The JDK reads PKCS#12 with RSA and P-256 keys itself. Bouncy Castle only for what it cannot read (SM2 keys):
        // building its provider and its PKCS#12 key derivation cost about two seconds of every start on two cores.
        try {
            return load(k, KeyStore.getInstance("PKCS12"), password);
        } catch (IOException | GeneralSecurityException | IllegalStateException jdkCannot) {
            try {
                return load(k, KeyStore.getInstance("PKCS12", BouncyCastle.provider()), password);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot read keystore " + k.path() + ": " + e.getMessage(), e);
            }
        }
    }

    private static SealKey load(SealProperties.Keystore k, KeyStore store, char[] password)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(k.path()))) {
            store.load(in, password);
        }
        String alias = k.alias();
        if (alias == null || alias.isBlank()) {
            alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No key entry in keystore " + k.path()));
        }
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        Certificate[] chain = store.getCertificateChain(alias);
        if (key == null || chain == null || chain.length == 0) {
            throw new IllegalStateException("No key entry '" + alias + "' in keystore " + k.path());
        }
        List<X509Certificate> certs = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        return new SealKey(key, certs, SealAlgorithm.of(key), k.revokedSince());
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Demo keys of the other algorithms made on earlier starts: notices signed with them still verify. */
    private static List<SealKey> olderDemoKeys(Path dir, SealAlgorithm current) {
        List<SealKey> older = new ArrayList<>();
        for (SealAlgorithm a : SealAlgorithm.values()) {
            Path file = dir.resolve("demo-seal-" + a.name().toLowerCase() + ".p12");
            if (a != current && Files.exists(file)) {
                older.add(load(new SealProperties.Keystore(file.toString(), DEMO_PASSWORD, "seal", null)));
            }
        }
        return older;
    }

    /** The demo key of this algorithm under {@code dir}, made (and logged) on first start. */
    static SealKey demoKey(Path dir, SealAlgorithm algorithm, String agencyName) {
        Path file = dir.resolve("demo-seal-" + algorithm.name().toLowerCase() + ".p12");
        SealProperties.Keystore entry = new SealProperties.Keystore(file.toString(), DEMO_PASSWORD, "seal", null);
        if (Files.exists(file)) {
            return load(entry);
        }
        try {
            Files.createDirectories(dir);
            KeyStore store = selfSigned(algorithm, agencyName, DEMO_PASSWORD.toCharArray());
            Path tmp = Files.createTempFile(dir, "demo-seal", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, DEMO_PASSWORD.toCharArray());
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the demo keystore " + file, e);
        }
        SealKey key = load(entry);
        log.warn("Demo profile: created a self-signed {} signing certificate in {} (password '{}'), subject {}, "
                        + "SHA-256 {}. Notices signed with it are specimens; configure a real keystore in production.",
                algorithm, file.toAbsolutePath(), DEMO_PASSWORD, key.certificate().getSubjectX500Principal(),
                key.fingerprint());
        return key;
    }

    /** A PKCS#12 store with one self-signed signing certificate, alias "seal" (demo and tests). */
    public static KeyStore selfSigned(SealAlgorithm algorithm, String agencyName, char[] password)
            throws GeneralSecurityException, IOException {
        KeyPair pair = algorithm.keyPairGenerator().generateKeyPair();
        String name = agencyName == null || agencyName.isBlank() ? Texts.get("seal.demo.agency") : agencyName;
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, name)
                .addRDN(BCStyle.CN, Texts.get("seal.demo.certificateName", name))
                .build();
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // Bouncy Castle's provider only for SM2; the JDK signs and stores RSA and P-256 (see load).
            boolean sm2 = algorithm == SealAlgorithm.SM2;
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(algorithm.signatureAlgorithm());
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            if (sm2) {
                signer.setProvider(BouncyCastle.provider());
                converter.setProvider(BouncyCastle.provider());
            }
            X509Certificate cert = converter.getCertificate(builder.build(signer.build(pair.getPrivate())));
            KeyStore store = sm2 ? KeyStore.getInstance("PKCS12", BouncyCastle.provider()) : KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry("seal", pair.getPrivate(), password, new Certificate[] {cert});
            return store;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
