package io.tikun.routing.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tikun.routing.reports.ClassificationAccuracy.Confusion;
import io.tikun.routing.reports.ClassificationAccuracy.Decision;

/** The accuracy arithmetic and the trends' weeks, on sets small enough to check by hand. */
class ClassificationAccuracyTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void countsConfirmationsAndCorrectionsPerCategoryTheClassifierGave() {
        // refund: 3 of 4 right (one went to billing); billing: 1 of 3 (twice to refund); one case never classified.
        ClassificationAccuracy report = ClassificationAccuracy.of(FROM, TO, List.of(
                new Decision("refund", "refund"), new Decision("refund", "refund"), new Decision("refund", "refund"),
                new Decision("refund", "billing"), new Decision("billing", "billing"), new Decision("billing", "refund"),
                new Decision("billing", "refund"), new Decision(null, "delivery")));

        assertThat(report.resolved()).isEqualTo(8);
        assertThat(report.unclassified()).isEqualTo(1);
        assertThat(report.confirmed()).isEqualTo(4);
        assertThat(report.corrected()).isEqualTo(3);
        assertThat(report.accuracy()).isEqualTo(0.5714); // 4 / 7
        assertThat(report.categories()).extracting(ClassificationAccuracy.PerCategory::category)
                .containsExactly("billing", "refund");
        ClassificationAccuracy.PerCategory billing = report.categories().get(0);
        assertThat(billing.resolved()).isEqualTo(3);
        assertThat(billing.confirmed()).isEqualTo(1);
        assertThat(billing.corrected()).isEqualTo(2);
        assertThat(billing.accuracy()).isEqualTo(0.3333);
        assertThat(report.categories().get(1).accuracy()).isEqualTo(0.75);
        assertThat(report.topConfusions()).containsExactly(new Confusion("billing", "refund", 2),
                new Confusion("refund", "billing", 1));
    }

    @Test
    void nothingToMeasureHasNoAccuracyRatherThanZero() {
        ClassificationAccuracy none = ClassificationAccuracy.of(FROM, TO, List.of());
        assertThat(none.accuracy()).isNull();
        assertThat(none.categories()).isEmpty();

        ClassificationAccuracy onlyUnclassified = ClassificationAccuracy.of(FROM, TO, List.of(new Decision(null, "refund")));
        assertThat(onlyUnclassified.resolved()).isEqualTo(1);
        assertThat(onlyUnclassified.accuracy()).isNull();
    }

    @Test
    void aCategoryNeverCorrectedIsFullyAccurateAndHasNoConfusions() {
        ClassificationAccuracy report = ClassificationAccuracy.of(FROM, TO,
                List.of(new Decision("delivery", "delivery"), new Decision("delivery", "delivery")));
        assertThat(report.accuracy()).isEqualTo(1.0);
        assertThat(report.categories().get(0).confusions()).isEmpty();
        assertThat(report.topConfusions()).isEmpty();
    }

    @Test
    void theTopConfusionsAreTheMostFrequentTen() {
        List<Decision> decisions = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (int n = 0; n <= i; n++) {
                decisions.add(new Decision("c" + i, "other"));
            }
        }
        ClassificationAccuracy report = ClassificationAccuracy.of(FROM, TO, decisions);
        assertThat(report.topConfusions()).hasSize(ClassificationAccuracy.TOP_CONFUSIONS);
        assertThat(report.topConfusions().get(0)).isEqualTo(new Confusion("c11", "other", 12));
        assertThat(report.topConfusions()).extracting(Confusion::count).doesNotContain(1, 2);
    }

    @Test
    void trendsListEveryWeekAndEveryValueWithZerosWhereNothingWasResolved() {
        LocalDate thursday = LocalDate.parse("2026-12-03"); // ISO week 2026-W49, starting Monday 2026-11-30
        Trends trends = Trends.of(TrendBy.ROOT_CAUSE, 3, thursday, List.of("a", "b"),
                List.of(new Trends.Count(LocalDate.parse("2026-11-16"), "a", 2),
                        new Trends.Count(LocalDate.parse("2026-11-30"), "retired", 1)));

        assertThat(trends.by()).isEqualTo("rootCause");
        assertThat(trends.from()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(trends.values()).containsExactly("a", "b", "retired");
        assertThat(trends.series()).extracting(Trends.Week::week).containsExactly("2026-W47", "2026-W48", "2026-W49");
        assertThat(trends.series()).extracting(Trends.Week::total).containsExactly(2L, 0L, 1L);
        assertThat(trends.series().get(1).counts()).containsEntry("a", 0L).containsEntry("b", 0L)
                .containsEntry("retired", 0L);
        assertThat(Trends.isoWeek(LocalDate.parse("2027-01-01"))).isEqualTo("2026-W53");
    }
}
