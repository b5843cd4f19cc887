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
 */
@Component
@ConditionalOnProperty(name = "disclosure.demo.mail-server.enabled", havingValue = "true")
public class DemoMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private final GreenMail greenMail;

    public DemoMailServer(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
        log.info("Demo SMTP server (GreenMail) listening on {}:{}; read the mail at /staff/mail", host, port);
    }

    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
