package io.tikun.intake.hotspot;

import java.time.Duration;

/**
 * What makes a hotspot: the sliding window, the seasonal baseline (the same hours of the week over the trailing weeks),
 * the Poisson tail test's false-alarm rate, the floor a spike must also pass, and the cool-down before the same subject
 * is raised again.
 *
 * @param window length of the sliding window counted (for example 6 hours)
 * @param baselineWeeks trailing weeks whose same hours of the week give the expected count
 * @param falseAlarmRate largest p-value of the tail test that still raises a hotspot
 * @param minComplaints floor: complaints in the window
 * @param minCustomers floor: distinct customers in the window
 * @param minimumExpected expected count used when the history is empty or quieter (keeps the test sane on a new topic)
 * @param coolDown how long a raised subject stays quiet
 * @param maxTermsPerComplaint emerging terms taken from one complaint at most
 * @param samples complaint references carried by a hotspot event
 * @param sweepInterval wall-clock interval at which windows advance even when no complaint arrives
 */
public record HotspotSettings(
        Duration window,
        int baselineWeeks,
        double falseAlarmRate,
        int minComplaints,
        int minCustomers,
        double minimumExpected,
        Duration coolDown,
        int maxTermsPerComplaint,
        int samples,
        Duration sweepInterval) {

    public HotspotSettings {
        if (window.isNegative() || window.isZero() || window.toMinutes() < 1) {
            throw new IllegalArgumentException("hotspot window must be at least one minute, was " + window);
        }
        if (baselineWeeks < 1) {
            throw new IllegalArgumentException("hotspot baseline needs at least one week, was " + baselineWeeks);
        }
        if (!(falseAlarmRate > 0 && falseAlarmRate < 1)) {
            throw new IllegalArgumentException("false-alarm rate must be in (0, 1), was " + falseAlarmRate);
        }
        if (minComplaints < 1 || minCustomers < 1 || minCustomers > minComplaints) {
            throw new IllegalArgumentException(
                    "hotspot floor needs 1 <= customers <= complaints, was " + minCustomers + "/" + minComplaints);
        }
        if (!(minimumExpected > 0)) {
            throw new IllegalArgumentException("minimum expected count must be positive, was " + minimumExpected);
        }
    }

    /** The defaults the issue names: 6 hours, 4 weeks, at least 3 complaints from 2 customers, one alarm in 1,000. */
    public static HotspotSettings defaults() {
        return new HotspotSettings(Duration.ofHours(6), 4, 0.001, 3, 2, 0.5, Duration.ofHours(12), 30, 5,
                Duration.ofMinutes(1));
    }
}
