package io.tikun.routing.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.tikun.routing.console.chart.ChartData;
import io.tikun.routing.customer.ChurnOutcome;
import io.tikun.routing.customer.ExitOutcome;
import io.tikun.routing.customer.FeedbackKind;
import io.tikun.routing.followup.CommitmentStatus;

/**
 * The reports page's charts of what came of the handling, from routing's read models: promises by the week they fell
 * due and where they stand, satisfaction answers, resolutions by root cause, churn watches and exit interviews. Pure:
 * rows in, chart data out, so the arithmetic is tested without a database.
 */
final class OutcomeCharts {

    /** A promise made on a (non-probe) case: where it stands now and when it fell or falls due. */
    record PromiseDue(CommitmentStatus state, Instant dueAt) {
    }

    /** One fact follow-up reported about a customer ({@code customers.feedback}). */
    record Feedback(FeedbackKind kind, Integer score, ChurnOutcome churnOutcome, ExitOutcome exitOutcome,
            String exitReason, Instant at) {
    }

    /** The root cause an agent gave one resolution, and when. */
    record RootCause(String code, Instant at) {
    }

    private OutcomeCharts() {
    }

    /** Promises by due week: kept (the customer confirmed), done but unconfirmed, not kept, still open. */
    static ChartData promises(ConsoleMessages m, List<ReportPeriod.Week> weeks, List<PromiseDue> rows) {
        double[] kept = new double[weeks.size()];
        double[] done = new double[weeks.size()];
        double[] notKept = new double[weeks.size()];
        double[] open = new double[weeks.size()];
        for (PromiseDue row : rows) {
            int w = weekOf(weeks, row.dueAt());
            if (w < 0) {
                continue;
            }
            double[] bucket = switch (row.state()) {
                case VERIFIED -> kept;
                case CLAIMED_DONE, UNCONFIRMED -> done;
                case OVERDUE, DISPUTED, BROKEN -> notKept;
                case OPEN, DUE_SOON -> open;
            };
            bucket[w]++;
        }
        return new ChartData("promises-by-week", m.chartPromises(), m.descPromises(), m.promisesUnit(), m.weekOf(),
                labels(weeks), List.of(series(m.promisesKept(), kept), series(m.promisesDone(), done),
                        series(m.promisesNotKept(), notKept), series(m.promisesOpen(), open)));
    }

    /** The mean satisfaction answer (1 to 5) received each week; a week without answers has no value. */
    static ChartData satisfactionByWeek(ConsoleMessages m, List<ReportPeriod.Week> weeks, List<Feedback> rows) {
        double[] sum = new double[weeks.size()];
        int[] count = new int[weeks.size()];
        for (Feedback row : rows) {
            int w = weekOf(weeks, row.at());
            if (row.kind() == FeedbackKind.CSAT_ANSWERED && row.score() != null && w >= 0) {
                sum[w] += row.score();
                count[w]++;
            }
        }
        List<Double> means = new ArrayList<>();
        for (int w = 0; w < weeks.size(); w++) {
            means.add(count[w] == 0 ? null : Math.round(sum[w] / count[w] * 100) / 100.0);
        }
        return new ChartData("csat-by-week", m.chartCsatWeekly(), m.descCsatWeekly(), m.scoreUnit(), m.weekOf(),
                labels(weeks), List.of(new ChartData.Series(m.meanScore(), means)));
    }

    /** How many satisfaction answers gave each score, 1 to 5, over the period. */
    static ChartData satisfactionScores(ConsoleMessages m, List<Feedback> rows) {
        double[] answers = new double[5];
        rows.stream().filter(r -> r.kind() == FeedbackKind.CSAT_ANSWERED && r.score() != null && r.score() >= 1
                && r.score() <= 5).forEach(r -> answers[r.score() - 1]++);
        return new ChartData("csat-scores", m.chartCsatScores(), m.descCsatScores(), m.answersUnit(), m.score(),
                List.of("1", "2", "3", "4", "5"), List.of(series(m.answers(), answers)));
    }

    /** Resolutions in the period by root cause, the most frequent first; {@code label} names a code in the page's language. */
    static ChartData rootCauses(ConsoleMessages m, UnaryOperator<String> label, List<RootCause> rows) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.stream().filter(r -> r.code() != null).forEach(r -> counts.merge(r.code(), 1, Integer::sum));
        List<Map.Entry<String, Integer>> ordered = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer> comparingByValue().reversed()).toList();
        return new ChartData("root-causes", m.chartRootCauses(), m.descRootCauses(), m.resolutionsUnit(), m.rootCause(),
                ordered.stream().map(e -> label.apply(e.getKey())).toList(),
                List.of(new ChartData.Series(m.resolutions(), ordered.stream().map(e -> (double) e.getValue()).toList())));
    }

    /** Churn watches in the period: opened (the customer said they would leave), decided as stayed, decided as left. */
    static ChartData churn(ConsoleMessages m, List<Feedback> rows) {
        double opened = rows.stream().filter(r -> r.kind() == FeedbackKind.CHURN_WATCH_OPENED).count();
        double stayed = decided(rows, ChurnOutcome.STAYED);
        double left = decided(rows, ChurnOutcome.LEFT);
        return new ChartData("churn", m.chartChurn(), m.descChurn(), m.customersUnit(), m.churnAxis(),
                List.of(m.churnOpened(), m.churnStayed(), m.churnLeft()),
                List.of(new ChartData.Series(m.customers(), List.of(opened, stayed, left))));
    }

    /** Exit interviews in the period by the reason given, one series per outcome (left, retained, unreachable). */
    static ChartData exitReasons(ConsoleMessages m, List<Feedback> rows) {
        Map<String, double[]> byReason = new LinkedHashMap<>();
        List<Feedback> interviews = rows.stream().filter(r -> r.kind() == FeedbackKind.EXIT_INTERVIEW_RECORDED
                && r.exitOutcome() != null).toList();
        interviews.stream().map(r -> exitReasonLabel(m, r.exitReason())).sorted().distinct()
                .forEach(label -> byReason.put(label, new double[ExitOutcome.values().length]));
        interviews.forEach(r -> byReason.get(exitReasonLabel(m, r.exitReason()))[r.exitOutcome().ordinal()]++);
        List<String> reasons = List.copyOf(byReason.keySet());
        List<ChartData.Series> series = new ArrayList<>();
        for (ExitOutcome outcome : ExitOutcome.values()) {
            series.add(new ChartData.Series(exitOutcomeLabel(m, outcome),
                    reasons.stream().map(reason -> byReason.get(reason)[outcome.ordinal()]).toList()));
        }
        return new ChartData("exit-reasons", m.chartExitReasons(), m.descExitReasons(), m.interviewsUnit(),
                m.exitReason(), reasons, series);
    }

    /** Follow-up's default exit reasons in the page's language; a code configured beyond them shows as it is. */
    static String exitReasonLabel(ConsoleMessages m, String code) {
        if (code == null || code.isBlank()) {
            return m.noReason();
        }
        return switch (code) {
            case "price" -> m.exitPrice();
            case "service" -> m.exitService();
            case "product" -> m.exitProduct();
            case "competitor-offer" -> m.exitCompetitor();
            case "moved" -> m.exitMoved();
            case "other" -> m.exitOther();
            default -> code;
        };
    }

    private static String exitOutcomeLabel(ConsoleMessages m, ExitOutcome outcome) {
        return switch (outcome) {
            case LEFT -> m.exitLeft();
            case RETAINED -> m.exitRetained();
            case UNREACHABLE -> m.exitUnreachable();
        };
    }

    private static double decided(List<Feedback> rows, ChurnOutcome outcome) {
        return rows.stream().filter(r -> r.kind() == FeedbackKind.CHURN_OUTCOME && r.churnOutcome() == outcome).count();
    }

    private static int weekOf(List<ReportPeriod.Week> weeks, Instant at) {
        for (int w = 0; w < weeks.size(); w++) {
            if (at != null && weeks.get(w).holds(at)) {
                return w;
            }
        }
        return -1;
    }

    private static List<String> labels(List<ReportPeriod.Week> weeks) {
        return weeks.stream().map(ReportPeriod.Week::label).toList();
    }

    private static ChartData.Series series(String name, double[] values) {
        return new ChartData.Series(name, Arrays.stream(values).boxed().toList());
    }
}
