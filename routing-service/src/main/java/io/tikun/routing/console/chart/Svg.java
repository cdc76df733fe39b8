package io.tikun.routing.console.chart;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** A chart laid out by {@link ChartRenderer}: what {@code templates/console/chart.html} draws, with its data for the table. */
@TemplateData
public record Svg(ChartData data, Kind kind, boolean rtl, int width, int height, double axisX, double plotLeft,
        double plotRight, double plotBottom, List<Tick> ticks, List<Label> labels, List<Bar> bars, List<Line> lines) {

    private static final int TICK_GAP = 6;
    private static final int LABEL_GAP = 18;

    public enum Kind {
        BAR,
        LINE
    }

    /** A y-axis grid line and its value. */
    @TemplateData
    public record Tick(double y, String text) {
    }

    /** A category's name under its band. */
    @TemplateData
    public record Label(double x, String text) {
    }

    /** One bar of series {@code series}; {@code label} is what a screen reader says for it. */
    @TemplateData
    public record Bar(int series, double x, double y, double width, double height, String label) {
    }

    @TemplateData
    public record Point(double x, double y, String label) {
    }

    /** One series as a line through its points (a single point shows only its marker). */
    @TemplateData
    public record Line(int series, String name, List<Point> points) {

        public String path() {
            StringBuilder d = new StringBuilder();
            for (Point p : points) {
                d.append(d.isEmpty() ? "M" : " L").append(p.x()).append(' ').append(p.y());
            }
            return d.toString();
        }
    }

    /** One table row: the category and each series' value as shown ("" for none). */
    @TemplateData
    public record Row(String category, List<String> cells) {
    }

    /** Where the y axis' values stand: just outside the axis, on its side of the chart. */
    public double tickX() {
        return rtl ? axisX + TICK_GAP : axisX - TICK_GAP;
    }

    public String tickAnchor() {
        return rtl ? "start" : "end";
    }

    /** The baseline of the category names under the plot. */
    public double labelY() {
        return plotBottom + LABEL_GAP;
    }

    public boolean isLine() {
        return kind == Kind.LINE;
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            List<String> cells = new ArrayList<>();
            for (ChartData.Series s : data.series()) {
                Double value = s.values().get(i);
                cells.add(value == null ? "" : ChartRenderer.number(value));
            }
            rows.add(new Row(data.categories().get(i), cells));
        }
        return rows;
    }
}
