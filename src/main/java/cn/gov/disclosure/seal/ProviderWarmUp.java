package cn.gov.disclosure.seal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds Bouncy Castle's provider (about a second of CPU: it registers every algorithm it has) once the application
 * is ready, on a thread of its own, so neither the start nor the first signed notice waits for it. Start-up no longer
 * needs it: the JDK reads RSA and P-256 keystores ({@link SealKeys}).
 */
@Component
class ProviderWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ProviderWarmUp.class);

    private final SealKeys keys;

    ProviderWarmUp(SealKeys keys) {
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!keys.enabled()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                BouncyCastle.provider();
            } catch (RuntimeException | LinkageError e) {
                // The first signature builds it again and reports what fails there.
                log.warn("Could not prepare the signing provider in advance: {}", e.toString());
            }
        }, "seal-provider-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
