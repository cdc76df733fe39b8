package io.tikun.intake.hotspot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Counts, per subject, the complaints and distinct customers in a sliding window and raises a hotspot when that many
 * customers are unlikely under the subject's own seasonal baseline (the same hours of the week over the trailing
 * weeks): Poisson upper tail at or below the false-alarm rate, the floor passed, the subject not cooling down. Each
 * complaint costs a fixed number of store operations; the window's tail leaves by a range scan on receipt time, on
 * every complaint and on a wall-clock sweep, so a quiet subject's window still closes.
 */
final class HotspotDetector implements Processor<String, Sighting, String, HotspotDetected> {

    private static final Logger LOG = Logger.getLogger(HotspotDetector.class);
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long WEEK = Duration.ofDays(7).toMillis();

    private final HotspotSettings settings;
    private final long window;
    private ProcessorContext<String, HotspotDetected> context;
    private KeyValueStore<String, Sighting> sightings;
    private KeyValueStore<String, Long> customers;
    private KeyValueStore<String, SubjectSummary> summaries;
    private KeyValueStore<String, Long> hourly;
    private KeyValueStore<String, Long> raised;
    private KeyValueStore<String, Long> clock;

    HotspotDetector(HotspotSettings settings) {
        this.settings = settings;
        this.window = settings.window().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, HotspotDetected> context) {
        this.context = context;
        sightings = context.getStateStore(HotspotStores.SIGHTINGS);
        customers = context.getStateStore(HotspotStores.CUSTOMERS);
        summaries = context.getStateStore(HotspotStores.SUMMARIES);
        hourly = context.getStateStore(HotspotStores.HOURLY);
        raised = context.getStateStore(HotspotStores.RAISED);
        clock = context.getStateStore(HotspotStores.CLOCK);
        context.schedule(settings.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        String subject = record.key();
        Sighting sighting = record.value();
        long at = sighting.receivedAt();
        long latest = Math.max(at, valueOr(clock.get(HotspotStores.LATEST), at));
        if (at < latest - window) {
            LOG.debugf("complaint %s about %s arrived after its window had passed", sighting.complaintId(), subject);
            return;
        }
        String key = HotspotStores.sightingKey(at, subject, sighting.complaintId());
        if (sightings.get(key) != null) {
            return; // the same complaint delivered again
        }
        clock.put(HotspotStores.LATEST, latest);
        clock.putIfAbsent(HotspotStores.FIRST_SEEN, at);
        expireBefore(latest - window);

        String customerKey = HotspotStores.customerKey(subject, sighting.customerId());
        Long lastSeen = customers.get(customerKey);
        boolean newCustomer = lastSeen == null;
        customers.put(customerKey, Math.max(at, valueOr(lastSeen, at)));
        sightings.put(key, sighting);
        if (newCustomer) {
            String hourKey = HotspotStores.hourKey(Math.floorDiv(at, HOUR), subject);
            hourly.put(hourKey, valueOr(hourly.get(hourKey), 0L) + 1);
        }
        SubjectSummary summary = valueOr(summaries.get(subject), SubjectSummary.empty())
                .seen(sighting, newCustomer, settings.samples());
        summaries.put(subject, summary);
        evaluate(subject, summary, latest);
    }

    private void evaluate(String subject, SubjectSummary summary, long now) {
        if (summary.complaints() < settings.minComplaints() || summary.customers() < settings.minCustomers()) {
            return;
        }
        Long raisedAt = raised.get(subject);
        if (raisedAt != null && now - raisedAt < settings.coolDown().toMillis()) {
            return;
        }
        int weeks = historyWeeks(now);
        double expected = Math.max(settings.minimumExpected(), baseline(subject, now, weeks));
        double pValue = PoissonTail.atLeast((int) Math.min(Integer.MAX_VALUE, summary.customers()), expected);
        if (pValue > settings.falseAlarmRate()) {
            return;
        }
        raised.put(subject, now);
        HotspotSubject what = HotspotSubject.fromKey(subject);
        Instant end = Instant.ofEpochMilli(now);
        List<HotspotDetected.Sample> samples = summary.recent().stream()
                .map(s -> new HotspotDetected.Sample(s.complaintId(), s.reference(), Instant.ofEpochMilli(s.receivedAt())))
                .toList();
        HotspotDetected hotspot = new HotspotDetected(
                UUID.nameUUIDFromBytes((subject + "|" + now).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                new HotspotDetected.Subject(what.kind(), what.value()), end.minusMillis(window), end,
                summary.complaints(), summary.customers(), expected, pValue, settings.falseAlarmRate(), weeks, samples,
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        LOG.infof("hotspot %s: %d complaints from %d customers in %s, %.2f expected, p=%.2e", subject,
                summary.complaints(), summary.customers(), settings.window(), expected, pValue);
        context.forward(new Record<>(subject, hotspot, now, cloudEvent(hotspot)));
    }

    /**
     * CloudEvents binary-mode headers, as intake's other events carry them; the id is the hotspot's, so a replay is the same
     * event.
     */
    private static Headers cloudEvent(HotspotDetected hotspot) {
        Headers headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", hotspot.hotspotId());
        header(headers, "ce_source", "/tikun/intake-service");
        header(headers, "ce_type", "tikun.hotspot.detected");
        header(headers, "ce_time", hotspot.detectedAt().toString());
        header(headers, "content-type", "application/json");
        return headers;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whole weeks of history before {@code now}, up to the configured baseline. */
    private int historyWeeks(long now) {
        long firstSeen = valueOr(clock.get(HotspotStores.FIRST_SEEN), now);
        return (int) Math.min(settings.baselineWeeks(), Math.max(0, (now - firstSeen) / WEEK));
    }

    /** Mean over the trailing weeks of the customers first seen in the same hours of the week as the current window. */
    private double baseline(String subject, long now, int weeks) {
        if (weeks == 0) {
            return 0;
        }
        long hours = Math.max(1, window / HOUR);
        long total = 0;
        for (int week = 1; week <= weeks; week++) {
            long lastHour = Math.floorDiv(now - week * WEEK, HOUR);
            for (long hour = lastHour - hours + 1; hour <= lastHour; hour++) {
                total += valueOr(hourly.get(HotspotStores.hourKey(hour, subject)), 0L);
            }
        }
        return (double) total / weeks;
    }

    private void sweep(long wallClock) {
        long now = Math.max(wallClock, valueOr(clock.get(HotspotStores.LATEST), wallClock));
        int expired = expireBefore(now - window);
        long oldestHour = Math.floorDiv(now - settings.baselineWeeks() * WEEK - window, HOUR) - 1;
        int hours = deleteRange(hourly, HotspotStores.hoursBefore(oldestHour));
        List<String> cooled = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = raised.all()) {
            all.forEachRemaining(kv -> {
                if (now - kv.value >= settings.coolDown().toMillis()) {
                    cooled.add(kv.key);
                }
            });
        }
        cooled.forEach(raised::delete);
        if (expired + hours + cooled.size() > 0) {
            LOG.debugf("hotspot sweep: %d sightings left the window, %d baseline hours and %d cool-downs ended", expired,
                    hours, cooled.size());
        }
    }

    /** Takes every sighting received before {@code cutoff} out of its subject's window. */
    private int expireBefore(long cutoff) {
        List<KeyValue<String, Sighting>> leaving = new ArrayList<>();
        try (KeyValueIterator<String, Sighting> range = sightings.range("", HotspotStores.sightingsBefore(cutoff))) {
            range.forEachRemaining(leaving::add);
        }
        for (KeyValue<String, Sighting> entry : leaving) {
            Sighting gone = entry.value;
            String subject = entry.key.substring(14, entry.key.length() - gone.complaintId().length() - 1);
            sightings.delete(entry.key);
            String customerKey = HotspotStores.customerKey(subject, gone.customerId());
            Long lastSeen = customers.get(customerKey);
            boolean customerLeft = lastSeen != null && lastSeen < cutoff;
            if (customerLeft) {
                customers.delete(customerKey);
            }
            SubjectSummary summary = summaries.get(subject);
            if (summary != null) {
                SubjectSummary rest = summary.expired(gone.complaintId(), customerLeft);
                if (rest.isEmpty()) {
                    summaries.delete(subject);
                } else {
                    summaries.put(subject, rest);
                }
            }
        }
        return leaving.size();
    }

    private static int deleteRange(KeyValueStore<String, Long> store, String before) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> range = store.range("", before)) {
            range.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
        return keys.size();
    }

    private static <T> T valueOr(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
