package cn.gov.disclosure.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.geom.Rectangle2D;

import org.junit.jupiter.api.Test;

import cn.gov.disclosure.notice.TestFonts;

/** Text drawn from glyph outlines: placed on its baseline the right way up, advancing by the font's widths. */
class OutlineTextTest {

    private static <T> T withText(java.util.function.Function<OutlineText, T> work) {
        return TestFonts.shared().withFonts(pair -> work.apply(new OutlineText(pair.regular())));
    }

    private static double measure(java.util.function.ToDoubleFunction<OutlineText> work) {
        return withText(t -> work.applyAsDouble(t));
    }

    @Test
    void aHorizontalStrokeLiesAboveTheBaselineWithinItsEm() {
        Rectangle2D one = withText(t -> t.shape("一", 100, 0, 0).getBounds2D());
        // 一 is one wide, flat stroke a little below the middle of the em: above the baseline (y < 0 in Java2D),
        // not below it, as it would be if the font's upward y were not turned around.
        assertThat(one.getWidth()).isGreaterThan(5 * one.getHeight());
        assertThat(one.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(one.getMaxX()).isLessThanOrEqualTo(100);
        assertThat(one.getMaxY()).isLessThan(0);
        assertThat(one.getMinY()).isGreaterThan(-80);
    }

    @Test
    void theBaselineAndTheAdvanceFollowThePosition() {
        Rectangle2D there = withText(t -> t.shape("一一", 50, 200, 300).getBounds2D());
        Rectangle2D here = withText(t -> t.shape("一", 50, 0, 0).getBounds2D());
        // The second 一 starts one em (50 px) after the first; the baseline is at y = 300.
        assertThat(there.getMinX()).isCloseTo(here.getMinX() + 200, offset(0.01));
        assertThat(there.getMaxX()).isCloseTo(here.getMaxX() + 250, offset(0.01));
        assertThat(there.getMinY()).isCloseTo(here.getMinY() + 300, offset(0.01));
        assertThat(measure(t -> t.width("第十五条", 25))).isCloseTo(100, offset(0.01));
        assertThat(measure(t -> t.ascent(100) + t.descent(100))).isCloseTo(100, offset(0.01));
    }

    @Test
    void charactersTheFontLacksAreLeftOut() {
        // A line break and a private-use character have no glyph: nothing drawn, no width (Java2D drew nothing).
        assertThat(measure(t -> t.width("\n\uE000", 40))).isZero();
        assertThat((boolean) withText(t -> t.shape("\n\uE000", 40, 0, 0).getBounds2D().isEmpty())).isTrue();
        assertThat(measure(t -> t.width("一\n一", 40))).isCloseTo(80, offset(0.01));
    }
}
