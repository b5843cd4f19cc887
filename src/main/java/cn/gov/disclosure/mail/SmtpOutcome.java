package cn.gov.disclosure.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

/**
 * What a failed send means for the message. The one hard case is a failure after the whole message was
 * written (end of DATA sent): the server may have accepted it and only its answer got lost, so sending again at
 * once would duplicate it. Such a send is {@link Kind#UNCERTAIN}, unless the server did answer with a code.
 */
record SmtpOutcome(Kind kind, String summary) {

    enum Kind {
        /** Not delivered; safe to try again (no connection, timeout before the end of DATA, 4xx). */
        RETRY,
        /** May have been delivered: no answer after the end of DATA. */
        UNCERTAIN,
        /** Refused for good: the recipient (5xx to RCPT) or the message (5xx to the end of DATA), or a bad address. */
        REJECTED
    }

    static SmtpOutcome of(Exception e, boolean messageWritten) {
        List<Throwable> chain = chain(e);
        String summary = summary(e, chain);
        Integer code = null;
        for (Throwable t : chain) {
            if (t instanceof AddressException) {
                return new SmtpOutcome(Kind.REJECTED, summary);
            }
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return new SmtpOutcome(Kind.REJECTED, summary);
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0 && code == null) {
                code = s.getReturnCode();
            }
        }
        if (messageWritten && code != null) {
            // The server answered the end of DATA: 5xx is final, 4xx asks us to come back later.
            return new SmtpOutcome(code >= 500 ? Kind.REJECTED : Kind.RETRY, summary);
        }
        return new SmtpOutcome(messageWritten ? Kind.UNCERTAIN : Kind.RETRY, summary);
    }

    /** Every cause, including the per-message exceptions Spring collects and JavaMail's "next" exceptions. */
    private static List<Throwable> chain(Throwable root) {
        List<Throwable> all = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t instanceof MailSendException s) {
                todo.addAll(List.of(s.getMessageExceptions()));
            }
        }
        return all;
    }

    /**
     * One line for the log and the outbox row: what JavaMail said and the underlying cause, e.g.
     * {@code Exception reading response <- SocketTimeoutException: Read timed out}.
     */
    private static String summary(Throwable e, List<Throwable> chain) {
        Throwable said = chain.stream().filter(t -> t instanceof MessagingException).findFirst().orElse(e);
        Throwable root = said;
        while (true) {
            Throwable next = root instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException() : root.getCause();
            if (next == null || next == root) {
                break;
            }
            root = next;
        }
        String text = root == said ? said.getClass().getSimpleName() + ": " + said.getMessage()
                : said.getMessage() + " <- " + root.getClass().getSimpleName() + ": " + root.getMessage();
        return oneLine(text);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replaceAll("\\s{2,}", " ").strip();
    }
}
