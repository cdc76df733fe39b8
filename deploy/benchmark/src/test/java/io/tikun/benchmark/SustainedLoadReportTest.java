package io.tikun.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tikun.benchmark.SustainedLoadBenchmark.Sample;

class SustainedLoadReportTest {

    // A 20-second load of 200 complaints: routing behind at half-time, follow-up behind at the end and through 5 s after
    // it, the mails through only after 10 s, and one stage never through.
    private static final List<Sample> SAMPLES = List.of(
            new Sample(10, 100, 100, 90, 100, 100),
            new Sample(20, 200, 200, 200, 150, 180),
            new Sample(25, 200, 200, 200, 200, 190),
            new Sample(30, 200, 200, 200, 200, 200));

    @Test
    void reportsEachStagesRateLagAndWhenItCaughtUpAfterTheLoad() {
        String report = SustainedLoadReport.render(Duration.ofSeconds(20), 16, 300, false, 200, 0, Duration.ofSeconds(20),
                SAMPLES, Duration.ofSeconds(10), Duration.ofMinutes(5));

        assertThat(report).contains("Intake accepted **200** (0 refused or failed) in 20.0 s: **10.0/s**.");
        // stage | at the end | rate | lag at half | lag at the end | max lag | growth over the second half | caught up
        assertThat(report).contains("| published to Kafka by intake (its outbox relay) | 200 | 10.0 | 0 | 0 | 0 | 0.0 | 0 s |");
        assertThat(report).contains("| case opened by routing | 200 | 10.0 | 10 | 0 | 10 | -1.0 | 0 s |");
        assertThat(report).contains("| filed by follow-up | 150 | 7.5 | 0 | 50 | 50 | 5.0 | 5 s |");
        assertThat(report)
                .contains("| acknowledgement mailed to the customer by intake | 180 | 9.0 | 0 | 20 | 20 | 2.0 | 10 s |");
        // The lag over time every 10 s: the reading at 25 s is left out, the last one always shown.
        assertThat(report).contains("| 20 | 200 | 0 | 0 | 50 | 20 |\n| 30 | 200 | 0 | 0 | 0 | 0 |");
    }

    @Test
    void saysWhenAStageWasNotThroughWithinTheWait() {
        List<Sample> stuck = List.of(new Sample(10, 100, 100, 100, 100, 100), new Sample(20, 200, 120, 120, 120, 120),
                new Sample(40, 200, 150, 150, 150, 150));

        String report = SustainedLoadReport.render(Duration.ofSeconds(20), 16, 300, false, 200, 0, Duration.ofSeconds(20),
                stuck, Duration.ofSeconds(10), Duration.ofMinutes(5));

        assertThat(report).contains(
                "| case opened by routing | 120 | 6.0 | 0 | 80 | 80 | 8.0 | **not within the wait** (lag 50 after 20 s) |");
    }
}
