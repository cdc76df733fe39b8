package io.tikun.routing.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tikun.routing.console.OutcomeCharts.Feedback;
import io.tikun.routing.console.OutcomeCharts.PromiseDue;
import io.tikun.routing.console.OutcomeCharts.RootCause;
import io.tikun.routing.console.chart.ChartData;
import io.tikun.routing.customer.ChurnOutcome;
import io.tikun.routing.customer.ExitOutcome;
import io.tikun.routing.customer.FeedbackKind;
import io.tikun.routing.followup.CommitmentStatus;

/** The outcome charts' arithmetic on rows worked out by hand; two weeks from Sunday 2026-11-22, Jerusalem time. */
class OutcomeChartsTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    private static final ConsoleMessages M = ReportPeriodTest.english();
    private static final List<ReportPeriod.Week> WEEKS = new ReportPeriod(LocalDate.of(2026, 11, 22),
            LocalDate.of(2026, 12, 5), JERUSALEM, null).weeks();
    private static final Instant WEEK_1 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant WEEK_2 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void promisesCountInTheWeekTheyFellDueByWhetherTheCustomerConfirmedThem() {
        ChartData chart = OutcomeCharts.promises(M, WEEKS, List.of(
                new PromiseDue(CommitmentStatus.VERIFIED, WEEK_1),
                new PromiseDue(CommitmentStatus.VERIFIED, WEEK_1),
                new PromiseDue(CommitmentStatus.BROKEN, WEEK_1),
                new PromiseDue(CommitmentStatus.CLAIMED_DONE, WEEK_2),
                new PromiseDue(CommitmentStatus.UNCONFIRMED, WEEK_2),
                new PromiseDue(CommitmentStatus.DISPUTED, WEEK_2),
                new PromiseDue(CommitmentStatus.OVERDUE, WEEK_2),
                new PromiseDue(CommitmentStatus.DUE_SOON, WEEK_2),
                new PromiseDue(CommitmentStatus.VERIFIED, BEFORE)));

        assertThat(chart.categories()).containsExactly("2026-11-22", "2026-11-29");
        assertThat(values(chart, "Kept")).containsExactly(2.0, 0.0);
        assertThat(values(chart, "Done, not confirmed")).containsExactly(0.0, 2.0);
        assertThat(values(chart, "Not kept")).containsExactly(1.0, 2.0);
        assertThat(values(chart, "Still open")).containsExactly(0.0, 1.0);
    }

    @Test
    void everyPromiseStateFallsInExactlyOneBar() {
        List<PromiseDue> one = Arrays.stream(CommitmentStatus.values()).map(s -> new PromiseDue(s, WEEK_1)).toList();
        ChartData chart = OutcomeCharts.promises(M, WEEKS, one);

        double total = chart.series().stream().mapToDouble(s -> s.values().get(0)).sum();
        assertThat(total).isEqualTo(CommitmentStatus.values().length);
    }

    @Test
    void satisfactionIsTheMeanOfEachWeeksAnswersAndNothingForAWeekWithoutAny() {
        List<Feedback> rows = List.of(csat(5, WEEK_1), csat(4, WEEK_1), csat(2, WEEK_1),
                new Feedback(FeedbackKind.CHURN_WATCH_OPENED, null, ChurnOutcome.UNKNOWN, null, null, WEEK_2));

        ChartData weekly = OutcomeCharts.satisfactionByWeek(M, WEEKS, rows);
        ChartData scores = OutcomeCharts.satisfactionScores(M, rows);

        assertThat(values(weekly, "Mean")).containsExactly(3.67, null);
        assertThat(scores.categories()).containsExactly("1", "2", "3", "4", "5");
        assertThat(values(scores, "Answers")).containsExactly(0.0, 1.0, 0.0, 1.0, 1.0);
    }

    @Test
    void rootCausesAreCountedAndTheMostFrequentComesFirstUnderItsLabel() {
        ChartData chart = OutcomeCharts.rootCauses(M, code -> "label:" + code, List.of(
                new RootCause("supplier-delay", WEEK_1), new RootCause("product-defect", WEEK_1),
                new RootCause("product-defect", WEEK_2), new RootCause("product-defect", WEEK_2),
                new RootCause(null, WEEK_2)));

        assertThat(chart.categories()).containsExactly("label:product-defect", "label:supplier-delay");
        assertThat(values(chart, "Resolutions")).containsExactly(3.0, 1.0);
    }

    @Test
    void churnCountsWatchesOpenedAndThoseDecidedAsStayedOrLeft() {
        ChartData chart = OutcomeCharts.churn(M, List.of(
                new Feedback(FeedbackKind.CHURN_WATCH_OPENED, null, ChurnOutcome.UNKNOWN, null, null, WEEK_1),
                new Feedback(FeedbackKind.CHURN_WATCH_OPENED, null, ChurnOutcome.UNKNOWN, null, null, WEEK_1),
                new Feedback(FeedbackKind.CHURN_WATCH_OPENED, null, ChurnOutcome.UNKNOWN, null, null, WEEK_2),
                new Feedback(FeedbackKind.CHURN_OUTCOME, null, ChurnOutcome.STAYED, null, null, WEEK_2),
                new Feedback(FeedbackKind.CHURN_OUTCOME, null, ChurnOutcome.LEFT, null, null, WEEK_2),
                new Feedback(FeedbackKind.CHURN_OUTCOME, null, ChurnOutcome.LEFT, null, null, WEEK_2),
                csat(1, WEEK_2)));

        assertThat(chart.categories()).containsExactly("Said they would leave", "Stayed", "Left");
        assertThat(values(chart, "Customers")).containsExactly(3.0, 1.0, 2.0);
    }

    @Test
    void exitInterviewsAreCountedByReasonAndOutcomeWithTheDefaultReasonsNamed() {
        ChartData chart = OutcomeCharts.exitReasons(M, List.of(
                exit(ExitOutcome.LEFT, "price"), exit(ExitOutcome.LEFT, "price"), exit(ExitOutcome.RETAINED, "price"),
                exit(ExitOutcome.LEFT, "competitor-offer"), exit(ExitOutcome.UNREACHABLE, null),
                exit(ExitOutcome.LEFT, "warranty-refused")));

        assertThat(chart.categories()).containsExactly("A competitor's offer", "No reason given", "Price",
                "warranty-refused");
        assertThat(values(chart, "Left")).containsExactly(1.0, 0.0, 2.0, 1.0);
        assertThat(values(chart, "Retained")).containsExactly(0.0, 0.0, 1.0, 0.0);
        assertThat(values(chart, "Unreachable")).containsExactly(0.0, 1.0, 0.0, 0.0);
    }

    private static Feedback csat(int score, Instant at) {
        return new Feedback(FeedbackKind.CSAT_ANSWERED, score, null, null, null, at);
    }

    private static Feedback exit(ExitOutcome outcome, String reason) {
        return new Feedback(FeedbackKind.EXIT_INTERVIEW_RECORDED, null, null, outcome, reason, WEEK_1);
    }

    private static List<Double> values(ChartData chart, String series) {
        return chart.series().stream().filter(s -> s.name().equals(series)).findFirst().orElseThrow().values();
    }
}
