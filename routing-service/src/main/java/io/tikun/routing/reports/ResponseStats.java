package io.tikun.routing.reports;

import java.util.Arrays;

/**
 * Count, median, 90th percentile and maximum of a set of durations in business minutes. Percentiles interpolate
 * linearly between the two nearest ranks (PostgreSQL's {@code percentile_cont}, as in routing's other report);
 * with no values only the count (0) is set.
 */
public record ResponseStats(long count, Double medianMinutes, Double p90Minutes, Double maxMinutes) {

    public static ResponseStats of(double[] minutes) {
        if (minutes.length == 0) {
            return new ResponseStats(0, null, null, null);
        }
        double[] sorted = minutes.clone();
        Arrays.sort(sorted);
        return new ResponseStats(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9), sorted[sorted.length - 1]);
    }

    /** The {@code fraction} (0 to 1) percentile of ascending, non-empty {@code sorted}. */
    static double percentile(double[] sorted, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within [0, 1]: " + fraction);
        }
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
