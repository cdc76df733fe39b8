package io.tikun.benchmark;

import java.time.Duration;
import java.util.Map;

/** What one measured phase did: how many operations, how fast, and the latency distribution. */
record LoadResult(String name, int concurrency, Duration measured, long succeeded, long failed,
        Map<String, Long> outcomes, double p50Millis, double p90Millis, double p99Millis, double maxMillis) {

    static LoadResult of(String name, int concurrency, Duration measured, LatencySamples latencies, long failed,
            Map<String, Long> outcomes) {
        return new LoadResult(name, concurrency, measured, latencies.size(), failed, outcomes,
                latencies.percentileMillis(50), latencies.percentileMillis(90), latencies.percentileMillis(99),
                latencies.percentileMillis(100));
    }

    double perSecond() {
        return succeeded * 1_000.0 / measured.toMillis();
    }

    String markdownRow() {
        return String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |", name, concurrency, succeeded,
                failed, perSecond(), p50Millis, p90Millis, p99Millis, maxMillis, outcomes);
    }

    static String markdownHeader() {
        return "| phase | concurrency | ok | failed | per second | p50 ms | p90 ms | p99 ms | max ms | outcomes |\n"
                + "|---|---|---|---|---|---|---|---|---|---|";
    }
}
