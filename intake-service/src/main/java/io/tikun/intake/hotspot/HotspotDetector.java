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
 * complaint costs a fixed number of store operations; the window's tail leaves in receipt-time order, on every
 * complaint and on a wall-clock sweep (so a quiet subject's window still closes), read from the store only when its
 * oldest sighting is due: most complaints find nothing leaving and open no iterator.
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
    private KeyValueStore<String, Long> subjects;
    /**
     * The receipt time of this task's oldest sighting in the store, {@link Long#MAX_VALUE} when there is none, null
     * until the store was first read (after every start or rebalance: the field is the processor's, the sightings
     * the task's store): nothing leaves the window before it.
     */
    private Long oldestSighting;

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
        subjects = context.getStateStore(HotspotStores.SUBJECTS);
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
        if (oldestSighting != null && at < oldestSighting) {
            oldestSighting = at;
        }
        seen(subject, at);
        if (newCustomer) {
            String hourKey = HotspotStores.hourKey(Math.floorDiv(at, HOUR), subject);
            hourly.put(hourKey, valueOr(hourly.get(hourKey), 0L) + 1);
            String kindKey = HotspotStores.hourKey(Math.floorDiv(at, HOUR),
                    HotspotStores.kindTotal(HotspotSubject.fromKey(subject).kind()));
            hourly.put(kindKey, valueOr(hourly.get(kindKey), 0L) + 1);
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
        int customersNow = (int) Math.min(Integer.MAX_VALUE, summary.customers());
        HotspotSubject.Kind kind = HotspotSubject.fromKey(subject).kind();
        double rate = testRate(kind);
        // the same hours of the week first; only a count that passes them (even shrunk as far as the shape could take
        // them) is weighed against the shape of the week and the pooled lower bound, which read many more hours
        double weekly = baseline(subject, now, weeks);
        double shrinkage = weeks == 0 ? 1 : weeks / (weeks + settings.priorWeeks());
        double expected = Math.max(settings.minimumExpected(), weekly * shrinkage);
        double pValue = PoissonTail.atLeast(customersNow, expected);
        if (pValue > rate) {
            return;
        }
        if (kind == HotspotSubject.Kind.TERM && isVocabulary(subject, now, weeks)) {
            LOG.debugf("%s: %d customers, but the word is in everyday use", subject, customersNow);
            return;
        }
        if (weeks > 0 && (settings.pooledBaseline() || settings.priorWeeks() > 0)) {
            double daily = sameHoursOfEveryDay(subject, now, weeks);
            expected = weekly;
            if (settings.priorWeeks() > 0) {
                // the prior may only temper a same-hours count that chance inflated; a quiet one is raised by the
                // pooled lower bound instead, which is read from the subject's own days
                double prior = daily * weekShape(kind, now, weeks);
                expected = Math.min(weekly,
                        (weekly * weeks + prior * settings.priorWeeks()) / (weeks + settings.priorWeeks()));
            }
            expected = Math.max(settings.minimumExpected(), expected);
            if (settings.pooledBaseline()) {
                expected = Math.max(expected, daily);
            }
            pValue = PoissonTail.atLeast(customersNow, expected);
            if (pValue > rate) {
                LOG.debugf("%s: %d customers unlikely at this hour of the week but not against %.2f expected from more"
                        + " of its history", subject, customersNow, expected);
                return;
            }
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
                summary.complaints(), summary.customers(), expected, pValue, rate, weeks, samples,
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

    /**
     * The false-alarm rate one test of a subject of this kind may use: the kind's weekly budget shared by its subjects
     * seen in the baseline weeks, each tested about once per window of the week (overlapping windows of one subject are
     * one test, give or take), never more than the configured rate; without a budget, the configured rate.
     */
    double testRate(HotspotSubject.Kind kind) {
        Double budget = settings.falseAlarmsPerWeek().get(kind);
        if (budget == null) {
            return settings.falseAlarmRate();
        }
        long subjectsOfKind = Math.max(1, valueOr(clock.get(HotspotStores.subjectCountKey(kind)), 0L));
        double windowsPerWeek = (double) WEEK / window;
        return Math.min(settings.falseAlarmRate(), budget / (subjectsOfKind * windowsPerWeek));
    }

    /** Notes the subject as seen; a subject new to the baseline weeks adds one to its kind's count. */
    private void seen(String subject, long at) {
        if (subjects.get(subject) == null) {
            String countKey = HotspotStores.subjectCountKey(HotspotSubject.fromKey(subject).kind());
            clock.put(countKey, valueOr(clock.get(countKey), 0L) + 1);
        }
        subjects.put(subject, at);
    }

    /** Lets go of the subjects not seen in the baseline weeks (at most once an hour of stream time: a full scan). */
    private int forgetSubjects(long now) {
        long lastSwept = valueOr(clock.get(HotspotStores.SUBJECTS_SWEPT), Long.MIN_VALUE);
        if (lastSwept != Long.MIN_VALUE && now - lastSwept < HOUR) {
            return 0;
        }
        clock.put(HotspotStores.SUBJECTS_SWEPT, now);
        long cutoff = now - settings.baselineWeeks() * WEEK;
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = subjects.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value < cutoff) {
                    gone.add(kv.key);
                }
            });
        }
        for (String subject : gone) {
            subjects.delete(subject);
            String countKey = HotspotStores.subjectCountKey(HotspotSubject.fromKey(subject).kind());
            clock.put(countKey, Math.max(0, valueOr(clock.get(countKey), 1L) - 1));
        }
        return gone.size();
    }

    /**
     * The subject's mean over the same hours of every day of the baseline weeks (28 windows instead of 4): a lower bound
     * on its expected count, since sparse same-hour-of-week counts otherwise make an ordinary word look sudden, and the
     * base of its prior. Not its mean over all hours: that is no lower bound at night, where a spike about a busy
     * product would drown in the day's traffic.
     */
    private double sameHoursOfEveryDay(String key, long now, int weeks) {
        long days = weeks * 7L;
        long total = 0;
        for (long day = 1; day <= days; day++) {
            total += hoursEnding(key, now - day * 24 * HOUR);
        }
        return (double) total / days;
    }

    /**
     * How much busier (or quieter) the window's hours of the week are than the same hours of an average day, for all
     * the subjects of the kind this instance counts together: a shape read from far more complaints than one subject
     * has, so a sparse subject can borrow it. 1 when the kind has no history at these hours.
     */
    private double weekShape(HotspotSubject.Kind kind, long now, int weeks) {
        String total = HotspotStores.kindTotal(kind);
        double sameHoursOfEveryDay = sameHoursOfEveryDay(total, now, weeks);
        return sameHoursOfEveryDay == 0 ? 1 : baseline(total, now, weeks) / sameHoursOfEveryDay;
    }

    /**
     * Whether a word was used by at least the vocabulary threshold of customers a week over the baseline weeks: then it
     * is everyday language ("good morning", "product"), whose surges are the complaint volume's, not an emerging term.
     */
    private boolean isVocabulary(String subject, long now, int weeks) {
        if (settings.vocabularyPerWeek() <= 0 || weeks == 0) {
            return false;
        }
        // the weeks before the window, so a surge of a new word does not make it everyday language
        long windowStartHour = Math.floorDiv(now - window, HOUR);
        long hoursOfHistory = weeks * (WEEK / HOUR);
        long total = 0;
        for (long hour = windowStartHour - hoursOfHistory; hour < windowStartHour; hour++) {
            total += valueOr(hourly.get(HotspotStores.hourKey(hour, subject)), 0L);
        }
        return (double) total / weeks >= settings.vocabularyPerWeek();
    }

    /** Whole weeks of history before {@code now}, up to the configured baseline. */
    private int historyWeeks(long now) {
        long firstSeen = valueOr(clock.get(HotspotStores.FIRST_SEEN), now);
        return (int) Math.min(settings.baselineWeeks(), Math.max(0, (now - firstSeen) / WEEK));
    }

    /** Mean over the trailing weeks of the customers first seen in the same hours of the week as the current window. */
    private double baseline(String key, long now, int weeks) {
        if (weeks == 0) {
            return 0;
        }
        long total = 0;
        for (int week = 1; week <= weeks; week++) {
            total += hoursEnding(key, now - week * WEEK);
        }
        return (double) total / weeks;
    }

    /** Customers first seen about {@code key} in the window's worth of whole hours up to the one holding {@code end}. */
    private long hoursEnding(String key, long end) {
        long hours = Math.max(1, window / HOUR);
        long lastHour = Math.floorDiv(end, HOUR);
        long total = 0;
        for (long hour = lastHour - hours + 1; hour <= lastHour; hour++) {
            total += valueOr(hourly.get(HotspotStores.hourKey(hour, key)), 0L);
        }
        return total;
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
        int forgotten = forgetSubjects(now);
        if (expired + hours + cooled.size() + forgotten > 0) {
            LOG.debugf("hotspot sweep: %d sightings left the window, %d baseline hours, %d cool-downs and %d subjects ended",
                    expired, hours, cooled.size(), forgotten);
        }
    }

    /**
     * Takes every sighting received before {@code cutoff} out of its subject's window, reading the store in receipt-time
     * order from its oldest sighting up to the first one that stays, and only if the oldest is due.
     */
    private int expireBefore(long cutoff) {
        if (oldestSighting != null && oldestSighting >= cutoff) {
            return 0;
        }
        String bound = HotspotStores.sightingsBefore(cutoff);
        List<KeyValue<String, Sighting>> leaving = new ArrayList<>();
        long oldestStaying = Long.MAX_VALUE;
        try (KeyValueIterator<String, Sighting> all = sightings.all()) {
            while (all.hasNext()) {
                KeyValue<String, Sighting> next = all.next();
                if (next.key.compareTo(bound) >= 0) {
                    oldestStaying = next.value.receivedAt();
                    break;
                }
                leaving.add(next);
            }
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
        oldestSighting = oldestStaying;
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
