package cn.gov.disclosure.bench;

import java.util.List;

/** Nearest-rank percentiles of timings, as the benchmarks print them. */
final class Percentile {

    private Percentile() {
    }

    /** The p-th percentile of sorted nanosecond figures, in milliseconds; NaN for none. */
    static double millis(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.size());
        return sortedNanos.get(Math.min(sortedNanos.size() - 1, Math.max(0, rank - 1))) / 1e6;
    }
}
