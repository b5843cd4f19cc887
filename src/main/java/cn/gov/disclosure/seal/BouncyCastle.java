package cn.gov.disclosure.seal;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One shared Bouncy Castle provider, registered once (SM2/SM3 and PKCS#12 with SM2 keys need it). */
final class BouncyCastle {

    private static final Provider PROVIDER = register();

    private BouncyCastle() {
    }

    static Provider provider() {
        return PROVIDER;
    }

    private static synchronized Provider register() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider p = new BouncyCastleProvider();
        Security.addProvider(p);
        return p;
    }
}
