package cn.gov.disclosure.acknowledgment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals a tracking code for the short while between registration and the acknowledgment that prints it: AES-256-GCM
 * under a key from the configuration ({@code disclosure.acknowledgment.key}, 32 bytes in Base64, the same on every
 * node; e.g. {@code openssl rand -base64 32}), with the case id as associated data, so a sealed code opens only for
 * its own case and any change to it is detected. The database alone (a dump, a backup) does not reveal pending
 * codes. The demo profile keeps a generated key in {@code disclosure.acknowledgment.demo-key-file}; any other
 * profile refuses to start without a key. The key id stored beside each sealed code names the key without
 * revealing it, so a node started with a different key says so instead of failing obscurely.
 */
@Component
public class TrackingCodeSeal {

    private static final Logger log = LoggerFactory.getLogger(TrackingCodeSeal.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    public TrackingCodeSeal(@Value("${disclosure.acknowledgment.key:}") String configuredKey,
                            @Value("${disclosure.acknowledgment.demo-key-file:}") String demoKeyFile) {
        byte[] raw;
        if (!configuredKey.isBlank()) {
            raw = decode(configuredKey.trim());
        } else if (!demoKeyFile.isBlank()) {
            raw = demoKey(Path.of(demoKeyFile));
        } else {
            throw new IllegalStateException("Refusing to start: no key to seal pending tracking codes. Set "
                    + "DISCLOSURE_ACKNOWLEDGMENT_KEY to 32 random bytes in Base64 (openssl rand -base64 32), "
                    + "the same on every node.");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = keyIdOf(raw);
    }

    /** Names the key (first 16 hex digits of a SHA-256 over it); stored beside each sealed code. */
    public String keyId() {
        return keyId;
    }

    public String seal(String trackingCode, long caseId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(caseId));
            byte[] sealed = c.doFinal(trackingCode.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tracking code could not be sealed", e);
        }
    }

    /** @throws IllegalStateException (without the code or the key in the message) if it cannot be opened */
    public String open(String sealed, String sealedKeyId, long caseId) {
        if (!keyId.equals(sealedKeyId)) {
            throw new IllegalStateException("The pending acknowledgment of case id " + caseId + " was sealed with key "
                    + sealedKeyId + ", this node has key " + keyId + " (disclosure.acknowledgment.key differs)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(aad(caseId));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The pending acknowledgment of case id " + caseId
                    + " does not open with this key (altered or sealed for another case)");
        }
    }

    private static byte[] aad(long caseId) {
        return ("pending-acknowledgment:" + caseId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("disclosure.acknowledgment.key is not Base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("disclosure.acknowledgment.key must be 32 bytes (256 bits) in Base64, not "
                    + raw.length);
        }
        return raw;
    }

    /** The demo's key, made on first start and kept (owner-only) so a restart opens what the last run sealed. */
    private static byte[] demoKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).trim());
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "acknowledgment", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's rights apply
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(raw), StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
                if (Files.exists(file)) {
                    return decode(Files.readString(file).trim());
                }
                throw raced;
            }
            log.warn("Demo key for pending tracking codes created in {} (never for production: set "
                    + "DISCLOSURE_ACKNOWLEDGMENT_KEY)", file);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("Demo acknowledgment key " + file + " not readable or writable", e);
        }
    }

    private static String keyIdOf(byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("disclosure.acknowledgment.key-id:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(raw)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
