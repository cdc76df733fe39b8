package io.tikun.intake.hotspot;

import java.time.Instant;
import java.util.List;

/**
 * The {@code hotspots.detected} event: complaints concentrating on one subject beyond what its own history makes
 * likely.
 *
 * @param hotspotId stable per subject and window end, so a replay raises the same hotspot
 * @param subject what the complaints are about
 * @param windowStart start of the sliding window counted
 * @param windowEnd end of the window (the complaint that raised the hotspot)
 * @param complaints complaints about the subject in the window
 * @param customers distinct customers among them
 * @param expected customers expected in such a window from the same hours of the week in the trailing weeks
 * @param pValue probability of at least that many customers if nothing had changed (Poisson upper tail)
 * @param falseAlarmRate the threshold the p-value passed: the subject kind's weekly false-alarm budget shared by its
 *        subjects in use, at most the configured rate
 * @param baselineWeeks weeks of history the expectation was averaged over (0 on a new subject)
 * @param samples the latest complaints in the window
 * @param detectedAt when the hotspot was raised
 */
public record HotspotDetected(
        String hotspotId,
        Subject subject,
        Instant windowStart,
        Instant windowEnd,
        long complaints,
        long customers,
        double expected,
        double pValue,
        double falseAlarmRate,
        int baselineWeeks,
        List<Sample> samples,
        Instant detectedAt) {

    public record Subject(HotspotSubject.Kind kind, String value) {
    }

    public record Sample(String complaintId, String reference, Instant receivedAt) {
    }
}
