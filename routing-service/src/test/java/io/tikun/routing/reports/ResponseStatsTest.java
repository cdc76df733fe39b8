package io.tikun.routing.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResponseStatsTest {

    @Test
    void noValuesGiveOnlyACountOfZero() {
        assertThat(ResponseStats.of(new double[0])).isEqualTo(new ResponseStats(0, null, null, null));
    }

    @Test
    void oneValueIsItsOwnMedianPercentileAndMaximum() {
        assertThat(ResponseStats.of(new double[] { 42 })).isEqualTo(new ResponseStats(1, 42.0, 42.0, 42.0));
    }

    @Test
    void interpolatesBetweenNearestRanksLikePercentileCont() {
        // 10, 20, 30: the 90th percentile lies 0.8 of the way from 20 to 30.
        ResponseStats stats = ResponseStats.of(new double[] { 30, 10, 20 });

        assertThat(stats.count()).isEqualTo(3);
        assertThat(stats.medianMinutes()).isEqualTo(20.0);
        assertThat(stats.p90Minutes()).isCloseTo(28.0, within(1e-9));
        assertThat(stats.maxMinutes()).isEqualTo(30.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        ResponseStats stats = ResponseStats.of(new double[] { 45, 30 });

        assertThat(stats.medianMinutes()).isEqualTo(37.5);
        assertThat(stats.p90Minutes()).isCloseTo(43.5, within(1e-9));
    }

    @Test
    void ninetiethPercentileOfOneToTenIsNinePointOne() {
        double[] minutes = new double[10];
        for (int i = 0; i < 10; i++) {
            minutes[i] = 10 - i;
        }
        ResponseStats stats = ResponseStats.of(minutes);

        assertThat(stats.medianMinutes()).isEqualTo(5.5);
        assertThat(stats.p90Minutes()).isCloseTo(9.1, within(1e-9));
        assertThat(stats.maxMinutes()).isEqualTo(10.0);
    }

    @Test
    void leavesTheCallersValuesUnsorted() {
        double[] minutes = { 3, 1, 2 };
        ResponseStats.of(minutes);
        assertThat(minutes).containsExactly(3, 1, 2);
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> ResponseStats.percentile(new double[] { 1 }, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
