package io.tikun.intake.hotspot;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What makes a hotspot: the sliding window, the seasonal baseline (the same hours of the week over the trailing weeks),
 * the Poisson tail test's false-alarm rate and each subject kind's false-alarm budget, the floor a spike must also pass,
 * and the cool-down before the same subject is raised again.
 *
 * @param window length of the sliding window counted (for example 6 hours)
 * @param baselineWeeks trailing weeks whose same hours of the week give the expected count
 * @param falseAlarmRate largest p-value of the tail test that still raises a hotspot (the most any one test may use)
 * @param minComplaints floor: complaints in the window
 * @param minCustomers floor: distinct customers in the window
 * @param minimumExpected expected count used when the history is empty or quieter (keeps the test sane on a new topic)
 * @param coolDown how long a raised subject stays quiet
 * @param maxTermsPerComplaint emerging terms taken from one complaint at most
 * @param samples complaint references carried by a hotspot event
 * @param sweepInterval wall-clock interval at which windows advance even when no complaint arrives
 * @param falseAlarmsPerWeek per subject kind, the false alarms a week it may raise by chance: its tests share this
 *        budget (the rate of one test is the budget over the kind's subjects seen in the baseline weeks times the
 *        windows in a week, and at most {@code falseAlarmRate}); a kind without one tests at {@code falseAlarmRate}
 * @param pooledBaseline whether the expected count is also at least the subject's mean over the same hours of every
 *        day, and over all hours, of the baseline weeks (a lower bound that steadies sparse same-hour-of-week counts)
 * @param priorWeeks how many weeks of evidence the subject's expected count borrows from the shape of the week that
 *        all subjects of its kind share: the same-hours-of-week mean is shrunk toward the subject's mean over the same
 *        hours of every day times that shape, as if this many more weeks had been seen, and never raised by it (0: the
 *        same hours of the week alone). A few customers who happened to complain in one earlier week then no longer hide
 *        a spike.
 * @param vocabularyPerWeek customers a week, on average over the baseline weeks, from which a word is vocabulary and no
 *        longer an emerging term: it is not tested (its surges show as a product or a category); 0 tests every word
 */
public record HotspotSettings(
        Duration window,
        int baselineWeeks,
        double falseAlarmRate,
        int minComplaints,
        int minCustomers,
        double minimumExpected,
        Duration coolDown,
        int maxTermsPerComplaint,
        int samples,
        Duration sweepInterval,
        Map<HotspotSubject.Kind, Double> falseAlarmsPerWeek,
        boolean pooledBaseline,
        double priorWeeks,
        double vocabularyPerWeek) {

    /** The default weight of the week's shape, in weeks. */
    public static final double DEFAULT_PRIOR_WEEKS = 4;
    /** By default a word a customer a day uses is vocabulary. */
    public static final double DEFAULT_VOCABULARY_PER_WEEK = 7;

    public HotspotSettings {
        if (window.isNegative() || window.isZero() || window.toMinutes() < 1) {
            throw new IllegalArgumentException("hotspot window must be at least one minute, was " + window);
        }
        if (baselineWeeks < 1) {
            throw new IllegalArgumentException("hotspot baseline needs at least one week, was " + baselineWeeks);
        }
        if (!(falseAlarmRate > 0 && falseAlarmRate < 1)) {
            throw new IllegalArgumentException("false-alarm rate must be in (0, 1), was " + falseAlarmRate);
        }
        if (minComplaints < 1 || minCustomers < 1 || minCustomers > minComplaints) {
            throw new IllegalArgumentException(
                    "hotspot floor needs 1 <= customers <= complaints, was " + minCustomers + "/" + minComplaints);
        }
        if (!(minimumExpected > 0)) {
            throw new IllegalArgumentException("minimum expected count must be positive, was " + minimumExpected);
        }
        if (!(vocabularyPerWeek >= 0)) {
            throw new IllegalArgumentException("vocabulary per week must not be negative, was " + vocabularyPerWeek);
        }
        if (!(priorWeeks >= 0)) {
            throw new IllegalArgumentException("prior weeks must not be negative, was " + priorWeeks);
        }
        falseAlarmsPerWeek = falseAlarmsPerWeek == null || falseAlarmsPerWeek.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(falseAlarmsPerWeek));
        falseAlarmsPerWeek.forEach((kind, budget) -> {
            if (!(budget > 0)) {
                throw new IllegalArgumentException("false alarms per week of " + kind + " must be positive, was " + budget);
            }
        });
    }

    /** Every test at the one false-alarm rate, on the same-hour-of-week baseline alone (the first version's rules). */
    public HotspotSettings(Duration window, int baselineWeeks, double falseAlarmRate, int minComplaints,
            int minCustomers, double minimumExpected, Duration coolDown, int maxTermsPerComplaint, int samples,
            Duration sweepInterval) {
        this(window, baselineWeeks, falseAlarmRate, minComplaints, minCustomers, minimumExpected, coolDown,
                maxTermsPerComplaint, samples, sweepInterval, Map.of(), false, 0, 0);
    }

    /**
     * The defaults: 6 hours, 4 weeks, at least 3 complaints from 2 customers, one alarm in 1,000 at most per test, a
     * fifth of a false alarm a week per subject kind but a fiftieth for categories (under one a week in all), the pooled
     * baseline, 0.1 expected at least, the shape of the week worth four weeks, and words that a customer a day uses
     * not tested as terms.
     */
    public static HotspotSettings defaults() {
        Map<HotspotSubject.Kind, Double> budget = new EnumMap<>(HotspotSubject.Kind.class);
        for (HotspotSubject.Kind kind : HotspotSubject.Kind.values()) {
            budget.put(kind, kind == HotspotSubject.Kind.CATEGORY ? 0.02 : 0.2);
        }
        return new HotspotSettings(Duration.ofHours(6), 4, 0.001, 3, 2, 0.1, Duration.ofHours(12), 30, 5,
                Duration.ofMinutes(1), budget, true, DEFAULT_PRIOR_WEEKS,
                DEFAULT_VOCABULARY_PER_WEEK);
    }

    /** The same settings with another budget per kind (empty: every test at {@code falseAlarmRate}) and baseline. */
    public HotspotSettings withBudget(Map<HotspotSubject.Kind, Double> budget, boolean pooled) {
        return new HotspotSettings(window, baselineWeeks, falseAlarmRate, minComplaints, minCustomers, minimumExpected,
                coolDown, maxTermsPerComplaint, samples, sweepInterval, budget, pooled, priorWeeks, vocabularyPerWeek);
    }

    /** The same settings with another minimum expected count. */
    public HotspotSettings withMinimumExpected(double expected) {
        return new HotspotSettings(window, baselineWeeks, falseAlarmRate, minComplaints, minCustomers, expected,
                coolDown, maxTermsPerComplaint, samples, sweepInterval, falseAlarmsPerWeek, pooledBaseline, priorWeeks,
                vocabularyPerWeek);
    }

    /** The same settings with the week's shape worth another number of weeks (0: the same hours of the week alone). */
    public HotspotSettings withPriorWeeks(double weeks) {
        return new HotspotSettings(window, baselineWeeks, falseAlarmRate, minComplaints, minCustomers, minimumExpected,
                coolDown, maxTermsPerComplaint, samples, sweepInterval, falseAlarmsPerWeek, pooledBaseline, weeks,
                vocabularyPerWeek);
    }

    /** The same settings with another threshold of vocabulary (0: every word is tested). */
    public HotspotSettings withVocabularyPerWeek(double customers) {
        return new HotspotSettings(window, baselineWeeks, falseAlarmRate, minComplaints, minCustomers, minimumExpected,
                coolDown, maxTermsPerComplaint, samples, sweepInterval, falseAlarmsPerWeek, pooledBaseline, priorWeeks,
                customers);
    }

    /** The same settings with another cap on the rate of one test and another floor. */
    public HotspotSettings withRateAndFloor(double rate, int complaints, int customers) {
        return new HotspotSettings(window, baselineWeeks, rate, complaints, customers, minimumExpected, coolDown,
                maxTermsPerComplaint, samples, sweepInterval, falseAlarmsPerWeek, pooledBaseline, priorWeeks,
                vocabularyPerWeek);
    }
}
