package io.tikun.followup.churn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The churn report's arithmetic: watches counted per group and the two rates, with no database in sight. */
public final class ChurnRates {

    static final String DEFINITION = "One churn watch per churn-intent complaint received in the window. "
            + "churnPercent = left / watched x 100; decidedChurnPercent = left / (left + stayed) x 100, the rate "
            + "among watches whose outcome is known. Promise: BROKEN if any promise on the complaint broke, KEPT if "
            + "one was verified and none broke, NONE otherwise. First response: as routing reported it.";

    /** The facts of one watch the report groups by. */
    public record Watch(ChurnOutcome outcome, String category, String promise, Boolean firstResponseWithinSla) {

        String firstResponse() {
            return firstResponseWithinSla == null ? "UNKNOWN" : firstResponseWithinSla ? "WITHIN_SLA" : "MISSED_SLA";
        }

        String categoryOrUnknown() {
            return category == null ? "unknown" : category;
        }

        String promiseOrNone() {
            return promise == null ? "NONE" : promise;
        }
    }

    private ChurnRates() {
    }

    public static ChurnRateReport report(Instant from, Instant to, Collection<Watch> watches) {
        return new ChurnRateReport(from, to, DEFINITION, group("all", watches),
                groupBy(watches, Watch::categoryOrUnknown, List.of()),
                groupBy(watches, Watch::promiseOrNone, List.of("KEPT", "BROKEN", "NONE")),
                groupBy(watches, Watch::firstResponse, List.of("WITHIN_SLA", "MISSED_SLA", "UNKNOWN")));
    }

    /** One group per key seen, plus every {@code always} key (with zeros), sorted by key. */
    private static List<ChurnRateReport.Group> groupBy(Collection<Watch> watches, Function<Watch, String> key,
            List<String> always) {
        Map<String, List<Watch>> groups = new TreeMap<>();
        always.forEach(k -> groups.put(k, new ArrayList<>()));
        watches.forEach(w -> groups.computeIfAbsent(key.apply(w), k -> new ArrayList<>()).add(w));
        return groups.entrySet().stream().map(e -> group(e.getKey(), e.getValue())).toList();
    }

    static ChurnRateReport.Group group(String name, Collection<Watch> watches) {
        long left = count(watches, ChurnOutcome.LEFT);
        long stayed = count(watches, ChurnOutcome.STAYED);
        long unknown = count(watches, ChurnOutcome.UNKNOWN);
        return new ChurnRateReport.Group(name, watches.size(), left, stayed, unknown, percent(left, watches.size()),
                percent(left, left + stayed));
    }

    private static long count(Collection<Watch> watches, ChurnOutcome outcome) {
        return watches.stream().filter(w -> w.outcome() == outcome).count();
    }

    /** part / whole × 100 to two decimals, half up; null for an empty whole. */
    static Double percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
