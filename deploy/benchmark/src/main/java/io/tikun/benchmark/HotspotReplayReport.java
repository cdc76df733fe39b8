package io.tikun.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tikun.intake.hotspot.HotspotSettings;

/** Scores a hotspot replay (spikes found, delays, false alarms) and writes it as a results section. */
final class HotspotReplayReport {

    private final HotspotSettings settings;
    private final Instant start;
    private final Instant established;
    private final int weeks;
    private final int perWorkday;
    private final int customerPool;
    private final long seed;
    private final int spikeSize;
    private final Duration spread;

    HotspotReplayReport(HotspotSettings settings, Instant start, Instant established, int weeks, int perWorkday,
            int customerPool, long seed, int spikeSize, Duration spread) {
        this.settings = settings;
        this.start = start;
        this.established = established;
        this.weeks = weeks;
        this.perWorkday = perWorkday;
        this.customerPool = customerPool;
        this.seed = seed;
        this.spikeSize = spikeSize;
        this.spread = spread;
    }

    String write(List<ReplayComplaint> background, List<ReplayComplaints.Spike> spikes, HotspotReplay.Outcome alone,
            HotspotReplay.Outcome spiked, HotspotReplay.Outcome inMemoryWeek, HotspotReplay.Outcome persistentWeek,
            java.util.function.UnaryOperator<String> classifiedProduct) {
        StringBuilder out = new StringBuilder();
        long hebrew = background.stream().filter(c -> "he".equals(c.language())).count();
        long withProduct = background.stream().filter(c -> c.productId() != null).count();
        long busiestHour = background.stream()
                .collect(Collectors.groupingBy(c -> c.receivedAt().getEpochSecond() / 3600, Collectors.counting())).values()
                .stream().mapToLong(Long::longValue).max().orElse(0);
        out.append(String.format(Locale.ROOT,
                """
                        %d weeks of seeded background (seed %d): %d complaints (%d%% Hebrew, the rest English; %d%% name a \
                        catalogued product), about %d per workday Sunday–Thursday, fewer on Friday and Saturday, low at night, \
                        from a pool of %d customers; busiest hour %d complaints. %d spikes of %d complaints from %d new \
                        customers within %s, injected after the %d baseline weeks (two in three about one product, one in three a \
                        defect named in one language that the background never names). Each complaint is classified by intake's \
                        own `ComplaintClassifier` and its words read by the same analysis, as in the service. Intake's own \
                        `HotspotTopology` with `HotspotSettings.defaults()` (window %s, floor %d complaints from %d customers, \
                        false-alarm rate at most %s per test and a budget of %s false alarms a week per subject kind, \
                        pooled baseline %s, the shape of the week worth %s weeks, words used by %s customers a week or more not tested as terms, at least %s expected, cool-down %s, baseline %d weeks) in Kafka Streams' TopologyTestDriver, its wall \
                        clock moved along with the complaints (the sweep runs every %s of replayed time); detection runs use \
                        in-memory stores (the driver commits, and so flushes RocksDB to disk, after every record), and the \
                        first week is replayed once more over the service's RocksDB stores for the throughput beside it.
                        """,
                weeks, seed, background.size(), Math.round(100.0 * hebrew / background.size()),
                Math.round(100.0 * withProduct / background.size()), perWorkday, customerPool, busiestHour, spikes.size(),
                spikeSize, spikeSize, spread, settings.baselineWeeks(), settings.window(), settings.minComplaints(),
                settings.minCustomers(), settings.falseAlarmRate(),
                settings.falseAlarmsPerWeek().isEmpty() ? "none" : settings.falseAlarmsPerWeek().toString(),
                settings.pooledBaseline() ? "on" : "off", settings.priorWeeks(), settings.vocabularyPerWeek(),
                settings.minimumExpected(),
                settings.coolDown(),
                settings.baselineWeeks(), settings.sweepInterval()));

        Set<String> spikeIds = HotspotReplayBenchmark.spikeComplaintIds(spikes);
        out.append(
                "\n| spike | about | classified as its product | first complaint (Israel) | raised | delay | spike complaints seen | customers in window | expected | p-value |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        int found = 0;
        long worstDelay = 0;
        for (ReplayComplaints.Spike spike : spikes) {
            String classified = spike.kind() == ReplayComplaints.SpikeKind.PRODUCT
                    ? spike.complaints().stream().filter(c -> spike.subject().equals(classifiedProduct.apply(c.complaintId())))
                            .count() + " of " + spike.complaints().size()
                    : "–";
            Optional<HotspotReplay.Raised> hit = spiked.hotspots().stream().filter(h -> matches(spike, h))
                    .min(Comparator.comparing(HotspotReplay.Raised::windowEnd));
            if (hit.isPresent()) {
                found++;
                HotspotReplay.Raised h = hit.get();
                long delay = Duration.between(spike.start(), h.windowEnd()).toMinutes();
                worstDelay = Math.max(worstDelay, delay);
                long seen = spike.complaints().stream().filter(c -> !c.receivedAt().isAfter(h.windowEnd())).count();
                out.append(String.format(Locale.ROOT,
                        "| %s | %s %s | %s | %s | yes, as %s %s | %d min | %d of %d | %d | %.2f | %.1e |\n",
                        spike.id(), spike.kind(), spike.subject(), classified, HotspotReplayBenchmark.localTime(spike.start()),
                        h.kind(), h.value(), delay,
                        seen, spike.complaints().size(), h.customers(), h.expected(), h.pValue()));
            } else {
                out.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s | **no** | | | | | |\n", spike.id(), spike.kind(),
                        spike.subject(), classified, HotspotReplayBenchmark.localTime(spike.start())));
            }
        }

        List<HotspotReplay.Raised> falseAlone = alone.hotspots().stream().filter(h -> !h.windowEnd().isBefore(established))
                .toList();
        List<HotspotReplay.Raised> warmUp = alone.hotspots().stream().filter(h -> h.windowEnd().isBefore(established))
                .toList();
        List<HotspotReplay.Raised> related = spiked.hotspots().stream()
                .filter(h -> h.sampleIds().stream().anyMatch(spikeIds::contains)).toList();
        List<HotspotReplay.Raised> unrelated = spiked.hotspots().stream()
                .filter(h -> !h.windowEnd().isBefore(established) && h.sampleIds().stream().noneMatch(spikeIds::contains))
                .toList();
        int establishedWeeks = weeks - settings.baselineWeeks();
        Map<Integer, Long> perWeek = HotspotReplayBenchmark.perWeek(alone.hotspots(), start, weeks);

        out.append(String.format(Locale.ROOT, """

                | measure | value |
                |---|---|
                | spikes raised within one window (%s) of their first complaint | %d of %d |
                | of the product spikes, raised by the product's own count (not only by one of its categories) | %d of %d |
                | longest detection delay | %d min |
                | false alarms, background alone, weeks %d–%d (baseline established) | %d (%.2f per week; target ≤ 1) |
                | false alarms by week, background alone, weeks 1–%d | %s |
                | of which in the warm-up weeks 1–%d (baseline still forming) | %d |
                | hotspots in the spiked run raised by spike complaints (the spike's subject and its side subjects) | %d |
                | hotspots in the spiked run with no spike complaint, weeks %d–%d | %d |
                | topology throughput, background alone, in-memory stores | %.0f complaints/s (%d in %.1f s) |
                | topology throughput, with spikes, in-memory stores | %.0f complaints/s |
                | first week, in-memory stores | %.0f complaints/s (%d) |
                | first week, RocksDB stores, committed after every record | %.0f complaints/s (%d) |
                | the busiest replayed hour needs | %.3f complaints/s |
                """, settings.window(), found, spikes.size(), byProductAlone(spikes, spiked),
                spikes.stream().filter(s -> s.kind() == ReplayComplaints.SpikeKind.PRODUCT).count(), worstDelay,
                settings.baselineWeeks() + 1, weeks,
                falseAlone.size(), establishedWeeks == 0 ? 0.0 : (double) falseAlone.size() / establishedWeeks, weeks,
                perWeek, settings.baselineWeeks(), warmUp.size(), related.size(), settings.baselineWeeks() + 1, weeks,
                unrelated.size(), alone.complaintsPerSecond(), alone.complaints(), alone.took().toNanos() / 1e9,
                spiked.complaintsPerSecond(), inMemoryWeek.complaintsPerSecond(), inMemoryWeek.complaints(),
                persistentWeek.complaintsPerSecond(), persistentWeek.complaints(), busiestHour / 3600.0));

        if (!falseAlone.isEmpty()) {
            out.append(
                    "\nFalse alarms on the background alone (baseline established):\n\n| subject | window end (Israel) | customers | expected | p-value |\n|---|---|---|---|---|\n");
            falseAlone.stream().limit(20)
                    .forEach(h -> out.append(String.format(Locale.ROOT, "| %s %s | %s | %d | %.2f | %.1e |\n",
                            h.kind(), h.value(), HotspotReplayBenchmark.localTime(h.windowEnd()), h.customers(), h.expected(),
                            h.pValue())));
        }
        return out.toString();
    }

    /**
     * Why a product spike was missed, counted from the replay itself: the most distinct customers intake's classifier put
     * on the product in any window ending inside the spike's, beside the mean of the same hours of the week over the
     * baseline weeks and of the same hours of every day, and the Poisson tail of that count.
     */
    String missedSpikes(List<ReplayComplaints.Spike> spikes, HotspotReplay.Outcome spiked, List<ReplayComplaint> all,
            java.util.function.UnaryOperator<String> classifiedProduct,
            java.util.function.UnaryOperator<String> classifiedCategory) {
        StringBuilder out = new StringBuilder();
        for (ReplayComplaints.Spike spike : spikes) {
            if (spike.kind() != ReplayComplaints.SpikeKind.PRODUCT
                    || spiked.hotspots().stream().anyMatch(h -> matches(spike, h))) {
                continue;
            }
            List<ReplayComplaint> about = all.stream()
                    .filter(c -> spike.subject().equals(classifiedProduct.apply(c.complaintId()))).toList();
            Figures product = figures(spike, about);
            out.append(String.format(Locale.ROOT,
                    """

                            Missed %s (%s %s, first complaint %s): at most %d customers classified as the product in one window \
                            (ending %s), against %.2f expected on the same hours of the week and %.2f on the same hours of every \
                            day; P(at least %d | %.2f) = %.1e.
                            """,
                    spike.id(), spike.kind(), spike.subject(), HotspotReplayBenchmark.localTime(spike.start()),
                    product.best(), HotspotReplayBenchmark.localTime(product.end()), product.weekly(), product.daily(),
                    product.best(), product.expected(), poissonTail(product.best(), product.expected())));
            Map<String, Long> categories = spike.complaints().stream().collect(Collectors.groupingBy(
                    c -> String.valueOf(classifiedCategory.apply(c.complaintId())), java.util.TreeMap::new,
                    Collectors.counting()));
            String main = categories.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            Figures pair = figures(spike, about.stream()
                    .filter(c -> main.equals(classifiedCategory.apply(c.complaintId()))).toList());
            out.append(String.format(Locale.ROOT,
                    "Its complaints by category as the classifier read them: %s; as PRODUCT_CATEGORY %s/%s, at most %d "
                            + "customers in one window against %.2f expected on the same hours of the week and %.2f on the "
                            + "same hours of every day; P(at least %d | %.2f) = %.1e.%n",
                    categories, spike.subject(), main, pair.best(), pair.weekly(), pair.daily(), pair.best(),
                    pair.expected(), poissonTail(pair.best(), pair.expected())));
        }
        return out.toString();
    }

    /** The most customers about a subject in one window of the spike, and that window's baselines. */
    private record Figures(long best, Instant end, double weekly, double daily, double expected) {
    }

    private Figures figures(ReplayComplaints.Spike spike, List<ReplayComplaint> about) {
        long best = 0;
        Instant bestEnd = spike.start();
        for (ReplayComplaint c : about) {
            Instant end = c.receivedAt();
            if (end.isBefore(spike.start()) || end.isAfter(spike.start().plus(settings.window()))) {
                continue;
            }
            long customers = customersIn(about, end.minus(settings.window()), end);
            if (customers > best) {
                best = customers;
                bestEnd = end;
            }
        }
        double weekly = 0;
        for (int w = 1; w <= settings.baselineWeeks(); w++) {
            Instant end = bestEnd.minus(Duration.ofDays(7L * w));
            weekly += customersIn(about, end.minus(settings.window()), end);
        }
        weekly /= settings.baselineWeeks();
        double daily = 0;
        int days = 7 * settings.baselineWeeks();
        for (int d = 1; d <= days; d++) {
            Instant end = bestEnd.minus(Duration.ofDays(d));
            daily += customersIn(about, end.minus(settings.window()), end);
        }
        daily /= days;
        return new Figures(best, bestEnd, weekly, daily,
                Math.max(settings.minimumExpected(), Math.max(weekly, daily)));
    }

    private static long customersIn(List<ReplayComplaint> complaints, Instant from, Instant to) {
        return complaints.stream().filter(c -> c.receivedAt().isAfter(from) && !c.receivedAt().isAfter(to))
                .map(ReplayComplaint::customerId).distinct().count();
    }

    private static double poissonTail(long n, double lambda) {
        double below = 0;
        double term = Math.exp(-lambda);
        for (long k = 0; k < n; k++) {
            below += term;
            term *= lambda / (k + 1);
        }
        return Math.max(0, 1 - below);
    }

    /** One line of the settings comparison: spikes raised in time and false alarms per established week. */
    String variantRow(String name, HotspotSettings variant, List<ReplayComplaints.Spike> spikes,
            HotspotReplay.Outcome alone, HotspotReplay.Outcome spiked) {
        long found = spikes.stream().filter(s -> spiked.hotspots().stream().anyMatch(h -> matches(s, h))).count();
        java.util.LongSummaryStatistics stats = spikes.stream()
                .flatMap(s -> spiked.hotspots().stream().filter(h -> matches(s, h))
                        .map(h -> Duration.between(s.start(), h.windowEnd()).toMinutes()).min(Long::compare).stream())
                .mapToLong(Long::longValue).summaryStatistics();
        String delays = stats.getCount() == 0 ? "–" : stats.getMin() + "–" + stats.getMax() + " min";
        String missed = spikes.stream().filter(s -> spiked.hotspots().stream().noneMatch(h -> matches(s, h)))
                .map(ReplayComplaints.Spike::id).collect(Collectors.joining(", "));
        long falseAlarms = alone.hotspots().stream().filter(h -> !h.windowEnd().isBefore(established)).count();
        int establishedWeeks = Math.max(1, weeks - settings.baselineWeeks());
        Map<String, Long> byKind = alone.hotspots().stream().filter(h -> !h.windowEnd().isBefore(established))
                .collect(Collectors.groupingBy(HotspotReplay.Raised::kind, java.util.TreeMap::new, Collectors.counting()));
        return String.format(Locale.ROOT,
                "| %s | %s | %s | %s | %d complaints from %d customers | %d of %d%s | %s | %.2f | %s |%n",
                name, variant.falseAlarmRate(),
                variant.falseAlarmsPerWeek().isEmpty() ? "none"
                        : variant.falseAlarmsPerWeek().values().stream().distinct()
                                .map(String::valueOf).collect(Collectors.joining("/")) + " per kind",
                (variant.pooledBaseline() ? "pooled, " : "same hours only, ")
                        + (variant.priorWeeks() > 0 ? "shape of the week worth " + variant.priorWeeks() + " weeks, " : "")
                        + (variant.vocabularyPerWeek() > 0 ? "vocabulary from " + variant.vocabularyPerWeek() + " a week, "
                                : "")
                        + "at least " + variant.minimumExpected(),
                variant.minComplaints(), variant.minCustomers(), found, spikes.size(),
                missed.isEmpty() ? "" : " (missed " + missed + ")", delays, (double) falseAlarms / establishedWeeks,
                byKind);
    }

    private long byProductAlone(List<ReplayComplaints.Spike> spikes, HotspotReplay.Outcome spiked) {
        return spikes.stream().filter(s -> s.kind() == ReplayComplaints.SpikeKind.PRODUCT)
                .filter(s -> spiked.hotspots().stream().anyMatch(h -> matches(s, h) && "PRODUCT".equals(h.kind())))
                .count();
    }

    /**
     * Whether {@code hotspot} raised {@code spike} in time: a product spike by its product, or by its product's complaints
     * of one category ({@code PRODUCT_CATEGORY <product>/<category>}); a term spike by its term.
     */
    private boolean matches(ReplayComplaints.Spike spike, HotspotReplay.Raised hotspot) {
        boolean subject = spike.kind() == ReplayComplaints.SpikeKind.PRODUCT
                ? "PRODUCT".equals(hotspot.kind()) && spike.subject().equals(hotspot.value())
                        || "PRODUCT_CATEGORY".equals(hotspot.kind()) && hotspot.value().startsWith(spike.subject() + "/")
                : "TERM".equals(hotspot.kind()) && spike.subject().equals(hotspot.value());
        return subject && !hotspot.windowEnd().isBefore(spike.start())
                && !hotspot.windowEnd().isAfter(spike.start().plus(settings.window()));
    }
}
