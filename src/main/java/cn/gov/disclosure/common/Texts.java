package cn.gov.disclosure.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese wording users read (case-event notes, e-mails, field errors), kept as data in
 * {@code messages/<feature>.properties} (UTF-8) so Java holds only codes. A key's first segment names its
 * bundle: {@code consultation.paused.subject} lives in {@code messages/consultation.properties}.
 *
 * <p>Plain Java on purpose (no Spring), so the calendar at the ground can use it too. Arguments are
 * formatted with {@link MessageFormat}; numbers are passed as text so a year never prints as "2,026".
 */
public final class Texts {

    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private Texts() {
    }

    public static String get(String key, Object... args) {
        String pattern = bundle(key).getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number || args[i] instanceof java.time.temporal.TemporalAccessor
                    ? String.valueOf(args[i]) : args[i] == null ? "" : args[i];
        }
        return new MessageFormat(pattern, Locale.CHINA).format(plain);
    }

    /** True when the key exists (for checks in tests). */
    public static boolean has(String key) {
        try {
            return bundle(key).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /** The label of an enum constant: key {@code labels.<SimpleName>.<CONSTANT>} ({@code Outer.Inner} if nested). */
    public static String label(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        String name = type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
        return get("labels." + name + "." + value.name());
    }

    private static ResourceBundle bundle(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("text key without a feature prefix: " + key);
        }
        String feature = key.substring(0, dot);
        // A plain read first: computeIfAbsent may lock the map's bin even when the bundle is there, and every
        // request reads several texts (profiled as monitor contention under concurrent intake).
        ResourceBundle cached = BUNDLES.get(feature);
        if (cached != null) {
            return cached;
        }
        return BUNDLES.computeIfAbsent(feature,
                f -> ResourceBundle.getBundle("messages/" + f, Locale.ROOT,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
