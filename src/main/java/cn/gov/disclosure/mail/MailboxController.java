package cn.gov.disclosure.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.gov.disclosure.common.NotFoundException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Staff-only page of the demo mailbox: what applicants received. Exists only with the demo mail server. */
@Controller
@ConditionalOnBean(DemoMailServer.class)
public class MailboxController {

    private final DemoMailServer server;

    public MailboxController(DemoMailServer server) {
        this.server = server;
    }

    public record Attachment(int index, String fileName) {
    }

    public record MailView(int index, String to, String subject, Date sentAt, String body, List<Attachment> attachments) {
    }

    // @Operation: springdoc describes a plain @Controller's methods only when they are marked.
    @Operation(summary = "Demo mailbox page (HTML, demo profile only): the e-mails applicants received")
    @GetMapping("/staff/mail")
    public String list(Model model) throws MessagingException, IOException {
        MimeMessage[] messages = server.received();
        List<MailView> views = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            views.add(view(i, messages[i]));
        }
        model.addAttribute("mails", views);
        return "mailbox";
    }

    @Operation(summary = "One attachment (PDF) of a demo mailbox e-mail (demo profile only)")
    @GetMapping("/staff/mail/{index}/attachments/{part}")
    public ResponseEntity<byte[]> attachment(@PathVariable int index, @PathVariable int part)
            throws MessagingException, IOException {
        MimeMessage[] messages = server.received();
        if (index < 0 || index >= messages.length) {
            throw new NotFoundException();
        }
        List<Part> parts = attachments(messages[index]);
        if (part < 0 || part >= parts.size()) {
            throw new NotFoundException();
        }
        Part p = parts.get(part);
        try (InputStream in = p.getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename(decode(p.getFileName()), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .body(in.readAllBytes());
        }
    }

    private static MailView view(int index, MimeMessage m) throws MessagingException, IOException {
        String to = m.getAllRecipients() == null ? "" : ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        List<Attachment> files = new ArrayList<>();
        List<Part> parts = attachments(m);
        for (int i = 0; i < parts.size(); i++) {
            files.add(new Attachment(i, decode(parts.get(i).getFileName())));
        }
        return new MailView(index, to, m.getSubject(), m.getSentDate(), text(m), files);
    }

    /** The plain-text body of a message (for tests and the mailbox page). */
    public static String textOf(Part p) throws MessagingException, IOException {
        return text(p);
    }

    static String text(Part p) throws MessagingException, IOException {
        if (p.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            return p.getContent().toString();
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String t = text(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static List<Part> attachments(Part p) throws MessagingException, IOException {
        List<Part> result = new ArrayList<>();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                if (bp.getFileName() != null) {
                    result.add(bp);
                } else {
                    result.addAll(attachments(bp));
                }
            }
        }
        return result;
    }

    private static String decode(String name) {
        try {
            return name == null ? "attachment" : MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }
}
