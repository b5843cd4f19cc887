package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A case's history as a reviewer reads it (issue 16, item 4): one line per case event, oldest first — when (Beijing
 * time), who, what, old → new, and the event's note. Event types and statuses in Chinese where a label exists,
 * otherwise the stored code (a new event type still shows, only less readably).
 */
public final class CaseHistory {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    /** A value longer than this (a corrected description, say) is shortened; the case file keeps it whole. */
    private static final int VALUE_MAX = 80;

    private CaseHistory() {
    }

    /**
     * The events as text of at most {@code maxChars} characters: when they do not all fit, the latest ones are
     * kept and a first line says how many earlier ones were left out.
     */
    public static String text(List<CaseEvent> events, int maxChars) {
        return text(events, maxChars, (field, value) -> null);
    }

    /**
     * The same, with names for values the case file does not know (reply types come from the notice catalogue):
     * {@code labels} answers a field's value with its name, or null.
     */
    public static String text(List<CaseEvent> events, int maxChars, BiFunction<String, String, String> labels) {
        Deque<String> lines = new ArrayDeque<>();
        int length = 0;
        int omitted = 0;
        for (int i = events.size() - 1; i >= 0; i--) {
            String line = line(events.get(i), labels);
            // Room for the line, its line break, and the note about omitted events.
            if (length + line.length() + 1 > maxChars - 40) {
                omitted = i + 1;
                break;
            }
            lines.addFirst(line);
            length += line.length() + 1;
        }
        if (omitted > 0) {
            lines.addFirst(Texts.get("casefile.history.omitted", omitted));
        }
        return String.join("\n", lines);
    }

    static String line(CaseEvent e, BiFunction<String, String, String> labels) {
        StringBuilder s = new StringBuilder(WHEN.format(e.occurredAt())).append("  ")
                .append("system".equals(e.actor()) ? Texts.get("casefile.history.system") : e.actor()).append("  ")
                .append(label(e.type()));
        // A notice's event names the notice in its note; its type code adds nothing.
        if ((e.oldValue() != null || e.newValue() != null) && !"notice".equals(e.field())) {
            s.append(Texts.get("casefile.history.change", value(e.field(), e.oldValue(), labels),
                    value(e.field(), e.newValue(), labels)));
        }
        if (e.note() != null && !e.note().isBlank()) {
            s.append(Texts.get("casefile.history.note", shorten(e.note().strip())));
        }
        return s.toString();
    }

    private static String label(String type) {
        String key = "casefile.history.type." + type;
        return Texts.has(key) ? Texts.get(key) : type;
    }

    private static String value(String field, String value, BiFunction<String, String, String> labels) {
        if (value == null || value.isBlank()) {
            return Texts.get("casefile.history.none");
        }
        String named = labels.apply(field, value);
        if (named != null) {
            return named;
        }
        String decision = "casefile.history.value." + field + "." + value;
        if (field != null && Texts.has(decision)) {
            return Texts.get(decision);
        }
        if ("status".equals(field)) {
            try {
                return Texts.label(CaseStatus.valueOf(value));
            } catch (IllegalArgumentException unknown) {
                return value;
            }
        }
        return shorten(value.strip().replace('\n', ' '));
    }

    private static String shorten(String text) {
        return text.length() <= VALUE_MAX ? text : text.substring(0, VALUE_MAX) + "…";
    }
}
