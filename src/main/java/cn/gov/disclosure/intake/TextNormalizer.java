package cn.gov.disclosure.intake;

import java.text.Normalizer;

/**
 * Tidies user text before it is stored: trims it and replaces Kangxi-radical code points (U+2F00–U+2FD5,
 * e.g. ⼈ pasted from a badly extracted PDF) by the unified ideographs they stand for, so that searches,
 * notices and copied-out PDF text all use the same characters.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String stripped = s.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(cp -> {
            if (cp >= 0x2F00 && cp <= 0x2FD5) {
                sb.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    public static String upper(String s) {
        String c = clean(s);
        return c == null ? null : c.toUpperCase(java.util.Locale.ROOT);
    }
}
