package io.tikun.routing.console.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a bar chart or a line chart as SVG geometry for {@code templates/console/chart.html}: a y scale from zero to a
 * round maximum, a band per category, and in a right-to-left page the first category on the right and the y axis on the
 * right-hand side.
 */
public final class ChartRenderer {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    static final int AXIS_SIDE = 56;
    static final int FAR_SIDE = 16;
    static final int TICKS = 4;
    private static final double BAR_SHARE = 0.8;

    private ChartRenderer() {
    }

    public static Svg bars(ChartData data, boolean rtl) {
        return render(data, Svg.Kind.BAR, rtl);
    }

    public static Svg lines(ChartData data, boolean rtl) {
        return render(data, Svg.Kind.LINE, rtl);
    }

    static Svg render(ChartData data, Svg.Kind kind, boolean rtl) {
        double max = niceMax(data.series().stream().flatMap(s -> s.values().stream())
                .filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0));
        double plotLeft = rtl ? FAR_SIDE : AXIS_SIDE;
        double plotWidth = WIDTH - AXIS_SIDE - FAR_SIDE;
        double plotBottom = HEIGHT - BOTTOM;
        double plotHeight = plotBottom - TOP;
        Scale scale = new Scale(plotLeft, plotWidth, plotBottom, plotHeight, max, data.categories().size(), rtl);

        List<Svg.Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= TICKS; i++) {
            double value = max * i / TICKS;
            ticks.add(new Svg.Tick(round(scale.y(value)), number(value)));
        }
        List<Svg.Label> labels = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            labels.add(new Svg.Label(round(scale.center(i)), data.categories().get(i)));
        }
        List<Svg.Bar> bars = new ArrayList<>();
        List<Svg.Line> lines = new ArrayList<>();
        int seriesCount = data.series().size();
        for (int s = 0; s < seriesCount; s++) {
            ChartData.Series series = data.series().get(s);
            List<Svg.Point> points = new ArrayList<>();
            for (int i = 0; i < series.values().size(); i++) {
                Double value = series.values().get(i);
                if (value == null) {
                    continue;
                }
                String label = series.name() + ", " + data.categories().get(i) + ": " + number(value);
                if (kind == Svg.Kind.BAR) {
                    double width = scale.band() * BAR_SHARE / seriesCount;
                    double start = scale.center(i) - scale.band() * BAR_SHARE / 2;
                    double x = rtl ? scale.center(i) + scale.band() * BAR_SHARE / 2 - (s + 1) * width : start + s * width;
                    double y = scale.y(value);
                    bars.add(new Svg.Bar(s, round(x), round(y), round(width), round(plotBottom - y), label));
                } else {
                    points.add(new Svg.Point(round(scale.center(i)), round(scale.y(value)), label));
                }
            }
            if (kind == Svg.Kind.LINE) {
                lines.add(new Svg.Line(s, series.name(), points));
            }
        }
        double axisX = rtl ? plotLeft + plotWidth : plotLeft;
        return new Svg(data, kind, rtl, WIDTH, HEIGHT, round(axisX), round(plotLeft), round(plotLeft + plotWidth),
                round(plotBottom), ticks, labels, bars, lines);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code max}; 1 for nothing to show. */
    static double niceMax(double max) {
        if (max <= 0 || Double.isNaN(max)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (step * power >= max - 1e-9) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** A value as the table and the axis show it: an integer as such, else one decimal. */
    public static String number(double value) {
        double tenths = Math.round(value * 10) / 10.0;
        return tenths == Math.rint(tenths) ? Long.toString((long) tenths) : String.format(Locale.ROOT, "%.1f", tenths);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private record Scale(double left, double width, double bottom, double height, double max, int bands, boolean rtl) {

        double band() {
            return bands == 0 ? width : width / bands;
        }

        double center(int index) {
            double offset = band() * (index + 0.5);
            return rtl ? left + width - offset : left + offset;
        }

        double y(double value) {
            return bottom - value / max * height;
        }
    }
}
