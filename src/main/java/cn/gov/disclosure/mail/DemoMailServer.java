package cn.gov.disclosure.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * In the demo profile, an embedded SMTP server (GreenMail) receives every e-mail the system sends, so a
 * newcomer can read what applicants get at {@code /staff/mail} without configuring a mail server.
 * A second node on the same machine finds the port taken: it says so and goes on (its mail then reaches the
 * first node's server, which shows it); give each node its own {@code spring.mail.port} to keep them apart.
 */
@Component
@ConditionalOnProperty(name = "disclosure.demo.mail-server.enabled", havingValue = "true")
public class DemoMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private final GreenMail greenMail;
    private final boolean running;

    public DemoMailServer(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        boolean started;
        try {
            server.start();
            started = true;
            log.info("Demo SMTP server (GreenMail) listening on {}:{}; read the mail at /staff/mail", host, port);
        } catch (RuntimeException e) {
            // Most likely another node on this machine listens there already; the demo must not stop for it.
            safeStop(server);
            started = false;
            log.warn("Demo SMTP server not started on {}:{} ({}); mail goes to whatever listens there", host, port,
                    e.getMessage());
        }
        this.greenMail = server;
        this.running = started;
    }

    public boolean running() {
        return running;
    }

    /** What this node's demo server received; nothing if it could not start. */
    public MimeMessage[] received() {
        return running ? greenMail.getReceivedMessages() : new MimeMessage[0];
    }

    @Override
    public void destroy() {
        if (running) {
            greenMail.stop();
        }
    }

    private static void safeStop(GreenMail server) {
        try {
            server.stop();
        } catch (RuntimeException ignored) {
            // Nothing was listening.
        }
    }
}
