package io.tikun.intake.hotspot;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the hotspot topology ({@code tikun.intake.hotspots.*}); the Kafka Streams ones are {@code kafka-streams.*}. */
@ConfigMapping(prefix = "tikun.intake.hotspots")
public interface HotspotsConfig {

    /** Whether this instance runs the topology (instances that do share the subjects by partition). */
    @WithDefault("true")
    boolean enabled();

    /** Length of the sliding window counted. */
    @WithDefault("PT6H")
    Duration window();

    /** Trailing weeks whose same hours of the week give a subject's expected count. */
    @WithDefault("4")
    int baselineWeeks();

    /** Largest p-value of the Poisson tail test that still raises a hotspot: the most any one test may use. */
    @WithDefault("0.001")
    double falseAlarmRate();

    /**
     * False alarms a week each subject kind may raise by chance: the kind's tests share it, so one test's rate is the
     * budget over the kind's subjects seen in the baseline weeks times the windows in a week (and at most
     * {@link #falseAlarmRate()}).
     */
    FalseAlarmsPerWeek falseAlarmsPerWeek();

    interface FalseAlarmsPerWeek {
        @WithDefault("0.2")
        double product();

        /**
         * Lower than the others: every complaint has a category, whose counts vary from day to day more than a Poisson
         * count does (the replay's category false alarms had 13-20 customers against 4-8 expected), and a surge that
         * matters shows as a product or a term as well.
         */
        @WithDefault("0.02")
        double category();

        @WithDefault("0.2")
        double term();

        /** One product's complaints of one category ({@code <productId>/<category>}). */
        @WithDefault("0.2")
        double productCategory();

        @WithDefault("0.2")
        double rootCause();

        default Map<HotspotSubject.Kind, Double> byKind() {
            Map<HotspotSubject.Kind, Double> budget = new EnumMap<>(HotspotSubject.Kind.class);
            budget.put(HotspotSubject.Kind.PRODUCT, product());
            budget.put(HotspotSubject.Kind.CATEGORY, category());
            budget.put(HotspotSubject.Kind.TERM, term());
            budget.put(HotspotSubject.Kind.PRODUCT_CATEGORY, productCategory());
            budget.put(HotspotSubject.Kind.ROOT_CAUSE, rootCause());
            return budget;
        }
    }

    /**
     * Whether a subject's expected count is also at least its mean over the same hours of every day, and over all
     * hours, of the baseline weeks (steadies sparse same-hour-of-week counts).
     */
    @WithDefault("true")
    boolean pooledBaseline();

    /**
     * How many weeks of evidence a subject's expected count borrows from the shape of the week its kind shares (its
     * mean over the same hours of every day, times how much busier these hours of the week are than the same hours of
     * an average day for all subjects of the kind); 0 leaves the same hours of the week alone.
     */
    @WithDefault("4")
    double priorWeeks();

    /**
     * Customers a week, on average over the baseline weeks, from which a word is vocabulary rather than an emerging
     * term and is not tested ("good morning", "product"); its surges show as a product or a category. 0 tests every word.
     * Scale it with the complaint volume.
     */
    @WithDefault("7")
    double vocabularyPerWeek();

    /** What a window must also hold, whatever the test says. */
    Floor floor();

    interface Floor {
        /** Complaints about the subject in the window. */
        @WithDefault("3")
        int complaints();

        /** Distinct customers among them. */
        @WithDefault("2")
        int customers();
    }

    /** Expected count used when a subject's history is empty or quieter. */
    @WithDefault("0.1")
    double minimumExpected();

    /** How long a raised subject stays quiet. */
    @WithDefault("PT12H")
    Duration coolDown();

    /** Emerging terms taken from one complaint at most. */
    @WithDefault("30")
    int maxTermsPerComplaint();

    /** Complaint references carried by a hotspot event. */
    @WithDefault("5")
    int samples();

    /** Wall-clock interval at which windows advance when nothing arrives. */
    @WithDefault("PT1M")
    Duration sweepEvery();

    Topics topics();

    /** The topics read and written (application.properties names them after the messaging channels). */
    interface Topics {
        /** Every topic complaints arrive on: the ordinary and the urgent lane. */
        @WithDefault("complaints.received,complaints.received.urgent")
        List<String> complaints();

        /** Routing's case changes, whose resolved cases may name a root cause. */
        @WithDefault("cases.updated")
        String cases();

        /** Where raised hotspots go. */
        @WithDefault("hotspots.detected")
        String detected();
    }

    /** The settings the detector works with. */
    default HotspotSettings settings() {
        return new HotspotSettings(window(), baselineWeeks(), falseAlarmRate(), floor().complaints(),
                floor().customers(), minimumExpected(), coolDown(), maxTermsPerComplaint(), samples(), sweepEvery(),
                falseAlarmsPerWeek().byKind(), pooledBaseline(), priorWeeks(),
                vocabularyPerWeek());
    }
}
