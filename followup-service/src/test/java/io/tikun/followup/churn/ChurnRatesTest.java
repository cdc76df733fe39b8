package io.tikun.followup.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tikun.followup.churn.ChurnRates.Watch;

/** The churn report's arithmetic on watches whose rates are worked out by hand below. */
class ChurnRatesTest {

    private static final Instant FROM = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-02-01T00:00:00Z");

    @Test
    void ratesCountLeftAgainstAllWatchedAndAgainstDecidedOnes() {
        // 3 watched: 1 left, 1 stayed, 1 unknown. 1/3 = 33.333.. -> 33.33; decided 1/2 = 50.
        ChurnRateReport.Group g = ChurnRates.group("x", List.of(new Watch(ChurnOutcome.LEFT, "a", null, null),
                new Watch(ChurnOutcome.STAYED, "a", null, null), new Watch(ChurnOutcome.UNKNOWN, "a", null, null)));

        assertThat(g).isEqualTo(new ChurnRateReport.Group("x", 3, 1, 1, 1, 33.33, 50.0));
    }

    @Test
    void roundsHalfUpToTwoDecimalsAndHasNoRateWithoutAWhole() {
        assertThat(ChurnRates.percent(2, 3)).isEqualTo(66.67);
        assertThat(ChurnRates.percent(1, 8)).isEqualTo(12.5);
        assertThat(ChurnRates.percent(0, 0)).isNull();
    }

    @Test
    void groupsByCategoryPromiseAndFirstResponseWithEveryHandlingGroupPresent() {
        ChurnRateReport report = ChurnRates.report(FROM, TO, List.of(
                new Watch(ChurnOutcome.LEFT, "billing", "BROKEN", false),
                new Watch(ChurnOutcome.STAYED, "billing", "KEPT", true),
                new Watch(ChurnOutcome.UNKNOWN, null, null, null)));

        assertThat(report.overall()).isEqualTo(new ChurnRateReport.Group("all", 3, 1, 1, 1, 33.33, 50.0));
        assertThat(report.byCategory()).containsExactly(
                new ChurnRateReport.Group("billing", 2, 1, 1, 0, 50.0, 50.0),
                new ChurnRateReport.Group("unknown", 1, 0, 0, 1, 0.0, null));
        assertThat(report.byPromise()).containsExactly(
                new ChurnRateReport.Group("BROKEN", 1, 1, 0, 0, 100.0, 100.0),
                new ChurnRateReport.Group("KEPT", 1, 0, 1, 0, 0.0, 0.0),
                new ChurnRateReport.Group("NONE", 1, 0, 0, 1, 0.0, null));
        assertThat(report.byFirstResponse()).containsExactly(
                new ChurnRateReport.Group("MISSED_SLA", 1, 1, 0, 0, 100.0, 100.0),
                new ChurnRateReport.Group("UNKNOWN", 1, 0, 0, 1, 0.0, null),
                new ChurnRateReport.Group("WITHIN_SLA", 1, 0, 1, 0, 0.0, 0.0));
    }

    @Test
    void anEmptyWindowHasEveryHandlingGroupWithZerosAndNoRates() {
        ChurnRateReport report = ChurnRates.report(FROM, TO, List.of());

        assertThat(report.overall()).isEqualTo(new ChurnRateReport.Group("all", 0, 0, 0, 0, null, null));
        assertThat(report.byCategory()).isEmpty();
        assertThat(report.byPromise()).extracting(ChurnRateReport.Group::group).containsExactly("BROKEN", "KEPT",
                "NONE");
    }
}
