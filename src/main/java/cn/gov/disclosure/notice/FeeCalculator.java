package cn.gov.disclosure.notice;

import cn.gov.disclosure.common.Texts;

/**
 * The information processing fee (信息处理费) of Art. 42 under 国办函〔2020〕109号. Plain Java, amounts in
 * yuan. Both methods are marginal: each band's rate applies to the part inside that band.
 * One method per application, never both.
 */
public final class FeeCalculator {

    private FeeCalculator() {
    }

    /** How a fee is charged. */
    public enum Method {
        /** 按件: by the number of applications one applicant made in the calendar month. */
        PER_APPLICATION,
        /** 按量: by the pages (or equivalent) provided for one application. */
        BY_VOLUME;

        public String label() {
            return Texts.label(this);
        }
    }

    /**
     * The fee for the {@code n}th application of one applicant in a calendar month: 1–10 free; 11–30
     * 100 each; from the 31st every further band of 10 adds 100 (31–40: 200, 41–50: 300, …).
     */
    public static int perApplication(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        if (n <= 10) {
            return 0;
        }
        if (n <= 30) {
            return 100;
        }
        return 100 + 100 * ((n - 31) / 10 + 1);
    }

    /** Total for applications 1..{@code n} of the month. */
    public static int perApplicationTotal(int n) {
        int total = 0;
        for (int i = 1; i <= n; i++) {
            total += perApplication(i);
        }
        return total;
    }

    /**
     * The fee for {@code pages} pages provided for one application: up to 30 free; pages 31–100 10 each;
     * 101–200 20 each; beyond 200 40 each.
     */
    public static int byVolume(int pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("pages must not be negative");
        }
        return 10 * band(pages, 30, 100) + 20 * band(pages, 100, 200) + 40 * Math.max(0, pages - 200);
    }

    private static int band(int pages, int above, int upTo) {
        return Math.max(0, Math.min(pages, upTo) - above);
    }
}
