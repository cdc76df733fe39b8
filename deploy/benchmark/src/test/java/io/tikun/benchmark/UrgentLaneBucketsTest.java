package io.tikun.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrgentLaneBucketsTest {

    private static String scrape(long queuedFast, long queuedSlow, long queuedOverAll, long opened) {
        long q1 = queuedFast;
        long q2 = q1 + queuedSlow;
        long q3 = q2 + queuedOverAll;
        return """
                # TYPE tikun_routing_urgent_lane_seconds histogram
                tikun_routing_urgent_lane_seconds_bucket{hop="QUEUED",le="0.01",} %d.0
                tikun_routing_urgent_lane_seconds_bucket{hop="QUEUED",le="1.0",} %d.0
                tikun_routing_urgent_lane_seconds_bucket{hop="QUEUED",le="5.0",} %d.0
                tikun_routing_urgent_lane_seconds_bucket{hop="QUEUED",le="+Inf",} %d.0
                tikun_routing_urgent_lane_seconds_count{hop="QUEUED",} %d.0
                tikun_routing_urgent_lane_seconds_bucket{le="0.025",hop="OPENED",} %d.0
                tikun_routing_urgent_lane_seconds_bucket{le="+Inf",hop="OPENED",} %d.0
                tikun_routing_intake_batch_seconds_bucket{le="0.01",} 7.0
                """.formatted(q1, q2, q2, q3, q3, opened, opened);
    }

    @Test
    void differencesTwoReadingsIntoTheRunsOwnCountsPerHop() {
        UrgentLaneBuckets before = UrgentLaneBuckets.parse(scrape(10, 0, 0, 10));
        UrgentLaneBuckets after = UrgentLaneBuckets.parse(scrape(108, 2, 0, 110));

        UrgentLaneBuckets run = after.since(before);

        assertThat(run.count("QUEUED")).isEqualTo(100);
        assertThat(run.count("OPENED")).isEqualTo(100);
        assertThat(run.byHop()).containsOnlyKeys("QUEUED", "OPENED");
    }

    @Test
    void givesAPercentileAsTheBucketBoundItFallsWithin() {
        UrgentLaneBuckets run = UrgentLaneBuckets.parse(scrape(98, 2, 0, 100));

        assertThat(run.percentile("QUEUED", 50)).isEqualTo("≤ 10 ms");
        assertThat(run.percentile("QUEUED", 98)).isEqualTo("≤ 10 ms");
        assertThat(run.percentile("QUEUED", 99)).isEqualTo("≤ 1000 ms");
        assertThat(run.percentile("OPENED", 99)).isEqualTo("≤ 25 ms");
        assertThat(run.percentile("DONE", 99)).isEqualTo("none");
    }

    @Test
    void saysASampleBeyondTheLastBoundIsBeyondIt() {
        UrgentLaneBuckets run = UrgentLaneBuckets.parse(scrape(1, 0, 3, 0));

        assertThat(run.percentile("QUEUED", 99)).isEqualTo("> 5000 ms");
    }
}
