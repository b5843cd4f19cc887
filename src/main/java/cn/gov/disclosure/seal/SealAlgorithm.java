package cn.gov.disclosure.seal;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The signature algorithms an office may choose. ECDSA P-256 is the default because every common PDF
 * reader verifies it; SM2 with SM3 (GB/T 32918, GB/T 32905) is for offices that must use 国密 algorithms.
 */
public enum SealAlgorithm {
    RSA_2048("SHA256withRSA"),
    ECDSA_P256("SHA256withECDSA"),
    SM2("SM3withSM2");

    private final String signatureAlgorithm;

    SealAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA name of the signature (digest included) that Bouncy Castle builds the CMS signer from. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** A new key pair of this kind, for the demo certificate and for tests. */
    public KeyPairGenerator keyPairGenerator() throws GeneralSecurityException {
        KeyPairGenerator g;
        switch (this) {
            case RSA_2048 -> {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
            }
            case ECDSA_P256 -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
            }
            default -> {
                g = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
                g.initialize(new ECGenParameterSpec("sm2p256v1"));
            }
        }
        return g;
    }

    /** The algorithm that fits a key read from a keystore (an EC key on the SM2 curve is SM2). */
    public static SealAlgorithm of(java.security.PrivateKey key) {
        if ("RSA".equals(key.getAlgorithm())) {
            return RSA_2048;
        }
        if (key instanceof java.security.interfaces.ECKey ec && ec.getParams() != null
                && ec.getParams().getCurve().getField().getFieldSize() == 256
                && ec.getParams().getCurve().getA().toString(16).startsWith("fffffffeffffffff")) {
            return SM2;
        }
        // Only a key Bouncy Castle made can be one of its classes: checking the name first keeps a JDK key from loading
        // (and verifying) the signed Bouncy Castle jar at start-up.
        if (key.getClass().getName().startsWith("org.bouncycastle.")
                && key instanceof org.bouncycastle.jce.interfaces.ECKey bc && bc.getParameters() != null
                && bc.getParameters().getCurve().getA().toBigInteger().toString(16).startsWith("fffffffeffffffff")) {
            return SM2;
        }
        return ECDSA_P256;
    }
}
