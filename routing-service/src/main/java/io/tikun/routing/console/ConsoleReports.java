package io.tikun.routing.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.console.chart.ChartData;
import io.tikun.routing.console.chart.ChartRenderer;
import io.tikun.routing.console.chart.Svg;
import io.tikun.routing.reports.GroupBy;
import io.tikun.routing.reports.ResponseMeasure;
import io.tikun.routing.reports.ResponseStats;
import io.tikun.routing.reports.ResponseTimeReport;
import io.tikun.routing.reports.ResponseTimeService;
import io.tikun.routing.taxonomy.Taxonomy;

/**
 * The reports page's charts for a period: response times from the response-times report (the same grouping and business
 * minutes as {@code /api/v1/reports/response-times}, one report per week), resolution times (receipt to resolution, in
 * business minutes, grouped the same way) and complaint volume by category.
 */
@ApplicationScoped
public class ConsoleReports {

    private final ResponseTimeService responseTimes;
    private final ConsoleQueries queries;
    private final OpenedPerDay openedPerDay;
    private final OutcomeQueries outcomes;
    private final Taxonomy taxonomy;

    public ConsoleReports(ResponseTimeService responseTimes, ConsoleQueries queries, OpenedPerDay openedPerDay,
            OutcomeQueries outcomes, Taxonomy taxonomy) {
        this.responseTimes = responseTimes;
        this.queries = queries;
        this.openedPerDay = openedPerDay;
        this.outcomes = outcomes;
        this.taxonomy = taxonomy;
    }

    /** Every chart of the page: the handling's times and volumes, then what came of it. */
    public Uni<List<Svg>> charts(ReportPeriod period, ConsoleMessages m, String lang, boolean rtl) {
        return handlingCharts(period, m, rtl).chain(handling -> outcomeCharts(period, m, lang, rtl)
                .map(outcome -> java.util.stream.Stream.concat(handling.stream(), outcome.stream()).toList()));
    }

    /**
     * Promises by due week, satisfaction by week and by score, resolutions by root cause, churn watches and exit
     * interviews over the period, from routing's read models.
     */
    private Uni<List<Svg>> outcomeCharts(ReportPeriod period, ConsoleMessages m, String lang, boolean rtl) {
        List<ReportPeriod.Week> weeks = period.weeks();
        return outcomes.promisesDue(period.start(), period.end()).chain(promises -> outcomes
                .feedback(period.start(), period.end()).chain(feedback -> outcomes
                        .rootCauses(period.start(), period.end()).map(causes -> List.of(
                                ChartRenderer.bars(OutcomeCharts.promises(m, weeks, promises), rtl),
                                ChartRenderer.lines(OutcomeCharts.satisfactionByWeek(m, weeks, feedback), rtl),
                                ChartRenderer.bars(OutcomeCharts.satisfactionScores(m, feedback), rtl),
                                ChartRenderer.bars(OutcomeCharts.rootCauses(m, code -> rootCauseLabel(code, lang),
                                        causes), rtl),
                                ChartRenderer.bars(OutcomeCharts.churn(m, feedback), rtl),
                                ChartRenderer.bars(OutcomeCharts.exitReasons(m, feedback), rtl)))));
    }

    private String rootCauseLabel(String code, String lang) {
        return taxonomy.rootCauses().stream().filter(c -> c.code().equals(code)).findFirst()
                .map(c -> c.label(lang)).orElse(code);
    }

    private Uni<List<Svg>> handlingCharts(ReportPeriod period, ConsoleMessages m, boolean rtl) {
        return responseTimes.measures(period.start(), period.end()).chain(measures -> openedPerDay
                .of(period).chain(opened -> queries.resolutions(period.start(), period.end())
                        .map(resolved -> {
                            ResponseTimeService.Measures resolutions = new ResponseTimeService.Measures(resolved, List.of());
                            List<ReportPeriod.Week> weeks = period.weeks();
                            String unit = m.minutesUnit();
                            ChartData byCategory = categories(m, period, opened);
                            return List.of(
                                    ChartRenderer.lines(weekly(m, "first-by-channel", m.chartFirstByChannel(),
                                            m.descFirstWeekly(),
                                            unit, weeks, GroupBy.CHANNEL, measures, ResponseTimeReport.Group::firstResponse),
                                            rtl),
                                    ChartRenderer.lines(weekly(m, "first-by-severity", m.chartFirstBySeverity(),
                                            m.descFirstWeekly(),
                                            unit, weeks, GroupBy.SEVERITY, measures, ResponseTimeReport.Group::firstResponse),
                                            rtl),
                                    ChartRenderer.bars(byAgent("first-by-agent", m.chartFirstByAgent(), m.descFirstByAgent(), m,
                                            measures), rtl),
                                    ChartRenderer.lines(weekly(m, "replies-by-channel", m.chartRepliesByChannel(),
                                            m.descRepliesWeekly(), unit, weeks, GroupBy.CHANNEL, measures,
                                            ResponseTimeReport.Group::replies), rtl),
                                    ChartRenderer.lines(weekly(m, "resolution-by-channel", m.chartResolutionByChannel(),
                                            m.descResolutionWeekly(), unit, weeks, GroupBy.CHANNEL, resolutions,
                                            ResponseTimeReport.Group::firstResponse), rtl),
                                    ChartRenderer.lines(weekly(m, "resolution-by-severity", m.chartResolutionBySeverity(),
                                            m.descResolutionWeekly(), unit, weeks, GroupBy.SEVERITY, resolutions,
                                            ResponseTimeReport.Group::firstResponse), rtl),
                                    ChartRenderer.bars(byAgent("resolution-by-agent", m.chartResolutionByAgent(),
                                            m.descResolutionByAgent(), m, resolutions), rtl),
                                    ChartRenderer.bars(byCategory, rtl));
                        })));
    }

    /** The median of each group in each week: one series per group, one category per week. */
    private ChartData weekly(ConsoleMessages m, String id, String title, String description, String unit,
            List<ReportPeriod.Week> weeks,
            GroupBy by, ResponseTimeService.Measures measures, Function<ResponseTimeReport.Group, ResponseStats> stats) {
        Map<String, Double[]> medians = new TreeMap<>();
        for (int w = 0; w < weeks.size(); w++) {
            ReportPeriod.Week week = weeks.get(w);
            for (ResponseTimeReport.Group group : responseTimes.groups(by, within(measures.firstResponses(), week),
                    within(measures.replies(), week))) {
                Double median = stats.apply(group).medianMinutes();
                if (median != null) {
                    medians.computeIfAbsent(group.key(), k -> new Double[weeks.size()])[w] = median;
                }
            }
        }
        List<ChartData.Series> series = medians.entrySet().stream()
                .map(e -> new ChartData.Series(e.getKey(), java.util.Arrays.asList(e.getValue()))).toList();
        return new ChartData(id, title, description, unit, m.weekOf(), weeks.stream().map(ReportPeriod.Week::label).toList(),
                series);
    }

    /** Median and p90 per agent over the whole period (the "first response" of {@code measures}). */
    private ChartData byAgent(String id, String title, String description, ConsoleMessages m,
            ResponseTimeService.Measures measures) {
        List<ResponseTimeReport.Group> groups = responseTimes.groups(GroupBy.AGENT, measures.firstResponses(), List.of())
                .stream().filter(g -> g.firstResponse().count() > 0).toList();
        return new ChartData(id, title, description, m.minutesUnit(), m.agent(),
                groups.stream().map(ResponseTimeReport.Group::key).toList(),
                List.of(new ChartData.Series(m.median(), groups.stream().map(g -> g.firstResponse().medianMinutes()).toList()),
                        new ChartData.Series(m.p90(), groups.stream().map(g -> g.firstResponse().p90Minutes()).toList())));
    }

    /** Cases opened per week, one series per category (cases without one under "uncategorized", last). */
    private static ChartData categories(ConsoleMessages m, ReportPeriod period, List<OpenedPerDay.Count> opened) {
        List<ReportPeriod.Week> weeks = period.weeks();
        Map<String, double[]> counts = new TreeMap<>();
        double[] none = new double[weeks.size()];
        for (OpenedPerDay.Count day : opened) {
            for (int w = 0; w < weeks.size(); w++) {
                if (weeks.get(w).holds(day.day(), period.zone())) {
                    (day.category() == null ? none
                            : counts.computeIfAbsent(day.category().toLowerCase(Locale.ROOT),
                                    k -> new double[weeks.size()]))[w] += day.count();
                }
            }
        }
        List<ChartData.Series> series = new ArrayList<>();
        counts.forEach((category, values) -> series.add(series(category, values)));
        if (java.util.Arrays.stream(none).sum() > 0) {
            series.add(series(m.uncategorized(), none));
        }
        return new ChartData("complaints-by-category", m.chartCategories(), m.descCategories(), m.casesUnit(), m.weekOf(),
                weeks.stream().map(ReportPeriod.Week::label).toList(), series);
    }

    private static ChartData.Series series(String name, double[] values) {
        return new ChartData.Series(name, java.util.Arrays.stream(values).boxed().toList());
    }

    private static List<ResponseMeasure> within(List<ResponseMeasure> measures, ReportPeriod.Week week) {
        return measures.stream().filter(measure -> week.holds(measure.answeredAt())).toList();
    }
}
