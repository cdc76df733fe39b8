package io.tikun.followup.churn;

import java.time.Instant;
import java.util.List;

/**
 * Churn among customers who said they would leave, for the churn-intent complaints received in {@code [from, to)}
 * (one churn watch each), overall, by category and by how the complaint was handled.
 *
 * @param definition how the rates are computed, in words, beside the figures
 * @param byPromise KEPT (a promise on the complaint was verified and none broke), BROKEN (at least one broke), NONE
 *        (no settled promise)
 * @param byFirstResponse WITHIN_SLA, MISSED_SLA, or UNKNOWN (routing did not say)
 */
public record ChurnRateReport(Instant from, Instant to, String definition, Group overall, List<Group> byCategory,
        List<Group> byPromise, List<Group> byFirstResponse) {

    /**
     * @param churnPercent left / watched × 100, two decimals; null when nothing was watched
     * @param decidedChurnPercent left / (left + stayed) × 100, the rate among outcomes known; null when none is
     */
    public record Group(String group, long watched, long left, long stayed, long unknown, Double churnPercent,
            Double decidedChurnPercent) {
    }
}
