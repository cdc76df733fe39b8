package io.tikun.routing.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Routing's figures for cases opened (and escalations and calls made) in {@code [from, to)}, read from its
 * tables: the same on every instance and after restarts.
 */
public record RoutingReport(
        Instant from,
        Instant to,
        List<FirstResponse> firstResponse,
        List<Breaches> breaches,
        List<Escalations> escalations,
        Map<String, Long> callbackOutcomes) {

    /** Time from receipt to the first response, in seconds, of the answered cases of one severity and channel. */
    public record FirstResponse(String severity, String channel, long count, double meanSeconds, double p50Seconds,
            double p90Seconds) {
    }

    /** Cases of one severity whose first-response deadline passed unanswered (answered late, or not yet). */
    public record Breaches(String severity, long cases, long breached, double rate) {
    }

    /** Moves onto one rung of the ladder, by reason. */
    public record Escalations(String level, long count, Map<String, Long> byReason) {
    }
}
