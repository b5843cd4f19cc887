package cn.gov.disclosure.notice;

/**
 * The notice fonts for tests that render without Spring: parsed once per test JVM (about a second) and shared, as
 * the product shares them; never closed, the JVM's end releases them.
 */
public final class TestFonts {

    private static NoticeFonts fonts;

    private TestFonts() {
    }

    public static synchronized NoticeFonts shared() {
        if (fonts == null) {
            fonts = new NoticeFonts();
        }
        return fonts;
    }
}
