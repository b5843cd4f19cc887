package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fonts load beside the application's start; a missing one still stops the start. */
class NoticeFontsTest {

    @Test
    void aMissingFontFailsTheEndOfStartUpAndEveryUse() throws Exception {
        NoticeFonts fonts = new NoticeFonts(1, "fonts/no-such-font.ttf", NoticeFonts.BOLD);
        assertThatThrownBy(fonts::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fonts/no-such-font.ttf");
        assertThatThrownBy(() -> fonts.withFonts(pair -> pair)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fonts/no-such-font.ttf");
        assertThatCode(fonts::close).doesNotThrowAnyException();
    }

    @Test
    void theFirstUseWaitsForTheLoadedFonts() throws Exception {
        try (NoticeFonts fonts = new NoticeFonts(1, NoticeFonts.REGULAR, NoticeFonts.BOLD)) {
            // Used at once, before the loader can have finished: the caller waits and gets parsed fonts.
            int glyphs = fonts.withFonts(pair -> {
                try {
                    return pair.regular().getNumberOfGlyphs() + pair.bold().getNumberOfGlyphs();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(glyphs).isGreaterThan(40_000);
            assertThatCode(fonts::afterSingletonsInstantiated).doesNotThrowAnyException();
        }
    }
}
