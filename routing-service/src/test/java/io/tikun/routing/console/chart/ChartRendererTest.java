package io.tikun.routing.console.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChartRendererTest {

    private static ChartData data(List<String> categories, Double... values) {
        return new ChartData("t", "Title", "Description", "min", "Week", categories,
                List.of(new ChartData.Series("email", Arrays.asList(values))));
    }

    @Test
    void roundsTheScaleUpToANiceMaximum() {
        assertThat(ChartRenderer.niceMax(0)).isEqualTo(1);
        assertThat(ChartRenderer.niceMax(7)).isEqualTo(10);
        assertThat(ChartRenderer.niceMax(13)).isEqualTo(20);
        assertThat(ChartRenderer.niceMax(22)).isEqualTo(25);
        assertThat(ChartRenderer.niceMax(40)).isEqualTo(50);
        assertThat(ChartRenderer.niceMax(100)).isEqualTo(100);
        assertThat(ChartRenderer.niceMax(0.3)).isEqualTo(0.5);
    }

    @Test
    void theTallestBarReachesTheTopOfTheScaleAndHalfAValueHalfTheHeight() {
        Svg svg = ChartRenderer.bars(data(List.of("a", "b"), 50.0, 25.0), false);
        assertThat(svg.ticks()).extracting(Svg.Tick::text).containsExactly("0", "12.5", "25", "37.5", "50");
        double plotHeight = ChartRenderer.HEIGHT - ChartRenderer.BOTTOM - ChartRenderer.TOP;
        assertThat(svg.bars().get(0).height()).isEqualTo(plotHeight);
        assertThat(svg.bars().get(0).y()).isEqualTo(ChartRenderer.TOP);
        assertThat(svg.bars().get(1).height()).isEqualTo(plotHeight / 2);
        assertThat(svg.bars().get(0).x()).isLessThan(svg.bars().get(1).x());
        assertThat(svg.bars().get(1).label()).isEqualTo("email, b: 25");
    }

    @Test
    void rightToLeftPutsTheFirstCategoryOnTheRightAndTheAxisOnTheRight() {
        Svg ltr = ChartRenderer.lines(data(List.of("w1", "w2", "w3"), 1.0, 2.0, 3.0), false);
        Svg rtl = ChartRenderer.lines(data(List.of("w1", "w2", "w3"), 1.0, 2.0, 3.0), true);
        assertThat(rtl.labels().get(0).x()).isGreaterThan(rtl.labels().get(2).x());
        assertThat(rtl.labels().get(0).x()).isEqualTo(ChartRenderer.WIDTH - ltr.labels().get(0).x());
        assertThat(ltr.axisX()).isEqualTo(ChartRenderer.AXIS_SIDE);
        assertThat(rtl.axisX()).isEqualTo(ChartRenderer.WIDTH - ChartRenderer.AXIS_SIDE);
        assertThat(rtl.lines().get(0).points().get(0).x()).isEqualTo(rtl.labels().get(0).x());
    }

    @Test
    void anEmptyChartHasAScaleButNoMarksAndATableOfBlanks() {
        Svg svg = ChartRenderer.bars(data(List.of("w1", "w2"), null, null), false);
        assertThat(svg.isEmpty()).isTrue();
        assertThat(svg.bars()).isEmpty();
        assertThat(svg.ticks()).extracting(Svg.Tick::text).containsExactly("0", "0.3", "0.5", "0.8", "1");
        assertThat(svg.rows()).extracting(Svg.Row::cells).containsExactly(List.of(""), List.of(""));
        Svg none = ChartRenderer.lines(data(List.of()), true);
        assertThat(none.lines().get(0).points()).isEmpty();
        assertThat(none.rows()).isEmpty();
    }

    @Test
    void aSinglePointIsAMarkerWithoutAPathAndGapsAreSkipped() {
        Svg one = ChartRenderer.lines(data(List.of("w1"), 4.0), false);
        assertThat(one.lines().get(0).points()).hasSize(1);
        assertThat(one.lines().get(0).points().get(0).x()).isEqualTo(
                ChartRenderer.AXIS_SIDE + (ChartRenderer.WIDTH - ChartRenderer.AXIS_SIDE - ChartRenderer.FAR_SIDE) / 2.0);
        assertThat(one.lines().get(0).path()).doesNotContain("L");

        Svg gap = ChartRenderer.lines(data(List.of("w1", "w2", "w3"), 4.0, null, 2.0), false);
        assertThat(gap.lines().get(0).points()).hasSize(2);
        assertThat(gap.rows()).extracting(Svg.Row::cells).containsExactly(List.of("4"), List.of(""), List.of("2"));
    }

    @Test
    void groupedBarsOfTwoSeriesSitSideBySideWithinTheirBand() {
        ChartData two = new ChartData("g", "T", "D", null, "Agent", List.of("a"),
                List.of(new ChartData.Series("x", List.of(1.0)), new ChartData.Series("y", List.of(2.0))));
        Svg ltr = ChartRenderer.bars(two, false);
        assertThat(ltr.bars().get(0).x() + ltr.bars().get(0).width()).isEqualTo(ltr.bars().get(1).x());
        Svg rtl = ChartRenderer.bars(two, true);
        assertThat(rtl.bars().get(1).x() + rtl.bars().get(1).width()).isEqualTo(rtl.bars().get(0).x());
    }

    @Test
    void refusesASeriesOfTheWrongLength() {
        assertThatThrownBy(() -> data(List.of("a", "b"), 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
