package io.tikun.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.classification.ComplaintClassifier;
import io.tikun.intake.hotspot.HotspotSettings;

/**
 * The hotspot replay evaluation (issue 13): weeks of seeded background complaints, replayed through intake's hotspot
 * topology once alone (every hotspot is a false alarm) and once with spikes injected (each must be raised within one
 * window of its first complaint); writes detection, delay, false alarms per week and the topology's throughput.
 */
public final class HotspotReplayBenchmark {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int weeks = arguments.integer("weeks", 8);
        int perWorkday = arguments.integer("per-workday", 150);
        int customerPool = arguments.integer("customers", 20_000);
        int spikeCount = arguments.integer("spikes", 12);
        int spikeSize = arguments.integer("spike-size", 6);
        Duration spread = arguments.duration("spike-spread", Duration.ofHours(4));
        long seed = Long.parseLong(arguments.text("seed", "20261205"));
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        HotspotSettings settings = HotspotSettings.defaults();
        Instant start = Instant.parse("2026-09-05T21:00:00Z"); // Sunday 00:00 in Israel, the first workday
        Instant established = start.plus(Duration.ofDays(7L * settings.baselineWeeks()));

        List<ReplayProduct> products = ReplayProduct.intakeCatalogue(mapper);
        ComplaintClassifier classifier = new ComplaintClassifier(mapper, new IntakeClassificationFiles());
        ReplayComplaints generator = new ReplayComplaints(seed, products, term -> classifier.terms(term, 4).get(0));
        List<ReplayComplaint> background = generator.background(start, weeks, perWorkday, customerPool);
        List<ReplayComplaints.Spike> spikes = spikes(generator, products, spikeCount, spikeSize, spread, established,
                start.plus(Duration.ofDays(7L * weeks)));
        List<ReplayComplaint> withSpikes = new ArrayList<>(background);
        spikes.forEach(s -> withSpikes.addAll(s.complaints()));
        withSpikes.sort(Comparator.comparing(ReplayComplaint::receivedAt));

        HotspotReplay replay = new HotspotReplay(mapper, settings, classifier);
        List<String> backgroundEvents = replay.events(background);
        List<String> spikedEvents = replay.events(withSpikes);
        List<ReplayComplaint> firstWeek = background.stream()
                .filter(c -> c.receivedAt().isBefore(start.plus(Duration.ofDays(7)))).toList();
        replay.replay(firstWeek, backgroundEvents.subList(0, firstWeek.size()), start, true); // warms the JIT
        HotspotReplay.Outcome alone = replay.replay(background, backgroundEvents, start, true);
        HotspotReplay.Outcome spiked = replay.replay(withSpikes, spikedEvents, start, true);
        // the service's own RocksDB stores over the first week, for the throughput beside the in-memory figure
        HotspotReplay.Outcome persistent = replay.replay(firstWeek, backgroundEvents.subList(0, firstWeek.size()), start,
                false);
        HotspotReplay.Outcome inMemoryWeek = replay.replay(firstWeek, backgroundEvents.subList(0, firstWeek.size()), start,
                true);

        HotspotReplayReport report = new HotspotReplayReport(settings, start, established, weeks, perWorkday, customerPool,
                seed, spikeSize, spread);
        StringBuilder body = new StringBuilder(report.write(background, spikes, alone, spiked, inMemoryWeek, persistent,
                replay::classifiedProduct));
        body.append(report.missedSpikes(spikes, spiked, withSpikes, replay::classifiedProduct, replay::classifiedCategory));
        body.append(VARIANTS_HEADER);
        body.append(report.variantRow("defaults", settings, spikes, alone, spiked));
        for (var variant : variants(settings).entrySet()) {
            HotspotReplay other = replay.with(variant.getValue());
            body.append(report.variantRow(variant.getKey(), variant.getValue(), spikes,
                    other.replay(background, backgroundEvents, start, true),
                    other.replay(withSpikes, spikedEvents, start, true)));
        }
        new ResultsFile(results).append("Hotspot replay: seeded weeks of complaints with injected spikes",
                body.toString());
    }

    private static final String VARIANTS_HEADER = """

            The same background and spikes under other settings, same run (false alarms: background alone, weeks after \
            the baseline is established):

            | settings | false-alarm rate (most per test) | budget (false alarms a week per kind) | expected count | floor | spikes raised within one window | delay | false alarms per week | false alarms by subject kind |
            |---|---|---|---|---|---|---|---|---|
            """;

    /**
     * The first version's rules (one rate for every test, the same hours of the week alone, 0.5 expected at least) and
     * each of today's changes on its own, to show what each buys in false alarms and costs in missed spikes.
     */
    private static Map<String, HotspotSettings> variants(HotspotSettings d) {
        Map<String, HotspotSettings> variants = new java.util.LinkedHashMap<>();
        HotspotSettings first = d.withBudget(Map.of(), false).withMinimumExpected(0.5).withPriorWeeks(0)
                .withVocabularyPerWeek(0);
        variants.put("first version (per-test rate only)", first);
        variants.put("first version at rate 1e-4", first.withRateAndFloor(1e-4, d.minComplaints(), d.minCustomers()));
        variants.put("budget per kind only",
                d.withBudget(d.falseAlarmsPerWeek(), false).withMinimumExpected(0.5).withPriorWeeks(0)
                        .withVocabularyPerWeek(0));
        variants.put("pooled baseline only",
                d.withBudget(Map.of(), true).withMinimumExpected(0.5).withPriorWeeks(0).withVocabularyPerWeek(0));
        variants.put("budget and pooled, at least 0.5 expected",
                d.withMinimumExpected(0.5).withPriorWeeks(0).withVocabularyPerWeek(0));
        variants.put("defaults, every word tested as a term (no vocabulary)", d.withVocabularyPerWeek(0));
        variants.put("defaults, vocabulary from 3 customers a week", d.withVocabularyPerWeek(3));
        variants.put("defaults, vocabulary from 14 customers a week", d.withVocabularyPerWeek(14));
        variants.put("previous defaults (no shape of the week, every word tested)",
                d.withPriorWeeks(0).withVocabularyPerWeek(0));
        variants.put("defaults, the shape of the week worth 2 weeks", d.withPriorWeeks(2));
        variants.put("defaults, the shape of the week worth 8 weeks", d.withPriorWeeks(8));
        Map<io.tikun.intake.hotspot.HotspotSubject.Kind, Double> even = new java.util.EnumMap<>(
                io.tikun.intake.hotspot.HotspotSubject.Kind.class);
        d.falseAlarmsPerWeek().keySet().forEach(kind -> even.put(kind, 0.25));
        variants.put("defaults, every kind at 0.25 a week (categories too)", d.withBudget(even, true));
        variants.put("defaults, product-and-category pairs at 0.1 a week", d.withBudget(pairsAt(d, 0.1), true));
        // The defaults before product-and-category pairs were counted: their budget so small no pair can pass the test.
        Map<io.tikun.intake.hotspot.HotspotSubject.Kind, Double> before = new java.util.EnumMap<>(even);
        before.put(io.tikun.intake.hotspot.HotspotSubject.Kind.CATEGORY, 0.02);
        before.put(io.tikun.intake.hotspot.HotspotSubject.Kind.PRODUCT_CATEGORY, 1e-12);
        variants.put("defaults two changes ago (0.25 a week per kind, categories 0.02, no product-and-category pairs,"
                + " no shape of the week)", d.withBudget(before, true).withPriorWeeks(0).withVocabularyPerWeek(0));
        variants.put("defaults, floor 5 from 5", d.withRateAndFloor(d.falseAlarmRate(), 5, 5));
        return variants;
    }

    private static Map<io.tikun.intake.hotspot.HotspotSubject.Kind, Double> pairsAt(HotspotSettings d, double budget) {
        Map<io.tikun.intake.hotspot.HotspotSubject.Kind, Double> pairs = new java.util.EnumMap<>(d.falseAlarmsPerWeek());
        pairs.put(io.tikun.intake.hotspot.HotspotSubject.Kind.PRODUCT_CATEGORY, budget);
        return pairs;
    }

    /**
     * Spikes spread evenly over the weeks after the baseline is established, at hours that walk round the clock; two in
     * three about a product (popular ones and rare ones in turn), one in three a defect named in one language only.
     */
    private static List<ReplayComplaints.Spike> spikes(ReplayComplaints generator, List<ReplayProduct> products, int count,
            int size, Duration spread, Instant from, Instant to) {
        List<ReplayComplaints.Spike> spikes = new ArrayList<>();
        long gap = Duration.between(from, to).minus(spread).toMillis() / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            Instant at = from.plusMillis(gap * i).plus(Duration.ofHours((i * 7L) % 24)).plus(Duration.ofMinutes(13L * i % 60));
            String id = "spike-" + (i + 1);
            if (i % 3 == 2) {
                spikes.add(generator.spike(id, ReplayComplaints.SpikeKind.TERM, at, size, spread, null,
                        (i / 3) % 2 == 0 ? "he" : "en"));
            } else {
                // even spikes take the most popular products first, odd ones the rarest: both ends of the baseline
                int rank = (i / 2) % products.size();
                ReplayProduct product = products.get(i % 2 == 0 ? rank : products.size() - 1 - rank);
                spikes.add(generator.spike(id, ReplayComplaints.SpikeKind.PRODUCT, at, size, spread, product, null));
            }
        }
        return spikes;
    }

    static String localTime(Instant at) {
        return LOCAL_TIME.format(at.atZone(ReplayComplaints.LOCAL));
    }

    static Map<Integer, Long> perWeek(List<HotspotReplay.Raised> hotspots, Instant start, int weeks) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int w = 1; w <= weeks; w++) {
            counts.put(w, 0L);
        }
        hotspots.forEach(h -> counts.merge((int) (Duration.between(start, h.windowEnd()).toDays() / 7) + 1, 1L, Long::sum));
        return counts;
    }

    static Set<String> spikeComplaintIds(List<ReplayComplaints.Spike> spikes) {
        return spikes.stream().flatMap(s -> s.complaints().stream()).map(ReplayComplaint::complaintId)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
