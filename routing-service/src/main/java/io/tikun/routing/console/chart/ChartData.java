package io.tikun.routing.console.chart;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What a chart shows, before any geometry: categories along the x axis (weeks, channels, categories of complaint) and one
 * or more series of values, one per category ({@code null} where there is none). The same data fills the table beside the
 * chart, so the picture never says what the numbers do not; {@code axis} names the categories (the table's first column).
 */
@TemplateData
public record ChartData(String id, String title, String description, String unit, String axis, List<String> categories,
        List<Series> series) {

    public ChartData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException(
                        "series " + s.name() + " has " + s.values().size() + " values for " + categories.size()
                                + " categories");
            }
        }
    }

    /** One named line or set of bars; a {@code null} value is a category without data. */
    @TemplateData
    public record Series(String name, List<Double> values) {

        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** No value at all in any series. */
    public boolean isEmpty() {
        return series.stream().flatMap(s -> s.values().stream()).allMatch(java.util.Objects::isNull);
    }
}
