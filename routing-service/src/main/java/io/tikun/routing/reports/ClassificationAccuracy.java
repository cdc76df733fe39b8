package io.tikun.routing.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often intake's classifier got the category right, measured against what agents confirmed or chose at
 * resolution. Per category the classifier gave: the cases resolved, how many the agent confirmed and corrected, the
 * accuracy (confirmed / resolved, rounded to four places; null for none) and where the corrections went. Cases without a
 * classifier's category are counted as {@code unclassified} and left out of every accuracy.
 */
public record ClassificationAccuracy(Instant from, Instant to, int resolved, int unclassified, int confirmed,
        int corrected, Double accuracy, List<PerCategory> categories, List<Confusion> topConfusions) {

    /** How many confusions the report lists overall (each category lists all of its own). */
    public static final int TOP_CONFUSIONS = 10;

    /** One resolved case: what the classifier said (null when nothing) and what the agent settled on. */
    public record Decision(String classified, String finalCategory) {
    }

    public record PerCategory(String category, int resolved, int confirmed, int corrected, Double accuracy,
            List<Confusion> confusions) {
    }

    /** {@code count} cases the classifier put in {@code classified} that agents corrected to {@code corrected}. */
    public record Confusion(String classified, String corrected, int count) {
    }

    private static final Comparator<Confusion> MOST_FIRST = Comparator.comparingInt(Confusion::count).reversed()
            .thenComparing(Confusion::classified).thenComparing(Confusion::corrected);

    public static ClassificationAccuracy of(Instant from, Instant to, List<Decision> decisions) {
        int unclassified = 0;
        Map<String, Map<String, Integer>> byClassified = new TreeMap<>();
        for (Decision d : decisions) {
            if (d.classified() == null) {
                unclassified++;
                continue;
            }
            byClassified.computeIfAbsent(d.classified(), k -> new HashMap<>()).merge(d.finalCategory(), 1, Integer::sum);
        }
        List<PerCategory> categories = new ArrayList<>();
        List<Confusion> all = new ArrayList<>();
        int confirmed = 0;
        int corrected = 0;
        for (Map.Entry<String, Map<String, Integer>> entry : byClassified.entrySet()) {
            String category = entry.getKey();
            int right = entry.getValue().getOrDefault(category, 0);
            int total = entry.getValue().values().stream().mapToInt(Integer::intValue).sum();
            List<Confusion> confusions = entry.getValue().entrySet().stream().filter(e -> !e.getKey().equals(category))
                    .map(e -> new Confusion(category, e.getKey(), e.getValue())).sorted(MOST_FIRST).toList();
            categories.add(new PerCategory(category, total, right, total - right, ratio(right, total), confusions));
            all.addAll(confusions);
            confirmed += right;
            corrected += total - right;
        }
        List<Confusion> top = all.stream().sorted(MOST_FIRST).limit(TOP_CONFUSIONS).toList();
        return new ClassificationAccuracy(from, to, decisions.size(), unclassified, confirmed, corrected,
                ratio(confirmed, confirmed + corrected), categories, top);
    }

    /** {@code part / whole} rounded half-up to four places; null when there is nothing to measure. */
    static Double ratio(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
