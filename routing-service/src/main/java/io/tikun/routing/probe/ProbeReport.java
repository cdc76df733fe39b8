package io.tikun.routing.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service as a customer sees it, per channel, from intake's probes sent in {@code [from, to)}: time to
 * acknowledgement (intake's answer on the channel: reference issued and acknowledgement queued) and time to the first
 * human response, both in elapsed seconds from the moment the probe was sent, as nearest-rank percentiles.
 */
public record ProbeReport(Instant from, Instant to, List<ChannelProbes> channels) {

    /** One channel's probes. */
    public record ChannelProbes(String channel, int count, Stats acknowledgement, Stats firstResponse,
            int unanswered) {
    }

    /** Seconds, null when nothing was measured. */
    public record Stats(int measured, Double p50Seconds, Double p90Seconds, Double maxSeconds) {

        static Stats of(List<Duration> durations) {
            if (durations.isEmpty()) {
                return new Stats(0, null, null, null);
            }
            List<Duration> sorted = durations.stream().sorted().toList();
            return new Stats(sorted.size(), seconds(rank(sorted, 0.5)), seconds(rank(sorted, 0.9)),
                    seconds(sorted.get(sorted.size() - 1)));
        }

        /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
        static Duration rank(List<Duration> sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1);
        }

        private static double seconds(Duration d) {
            return d.toMillis() / 1000.0;
        }
    }

    public static ProbeReport of(Instant from, Instant to, List<ProbeCase> cases) {
        Map<String, List<ProbeCase>> byChannel = new TreeMap<>();
        cases.forEach(c -> byChannel.computeIfAbsent(c.channel(), k -> new ArrayList<>()).add(c));
        List<ChannelProbes> channels = byChannel.entrySet().stream().map(e -> {
            List<Duration> acknowledged = new ArrayList<>();
            List<Duration> answered = new ArrayList<>();
            int unanswered = 0;
            for (ProbeCase c : e.getValue()) {
                if (c.acknowledgedAt() != null) {
                    acknowledged.add(nonNegative(Duration.between(c.sentAt(), c.acknowledgedAt())));
                }
                if (c.firstRespondedAt() == null) {
                    unanswered++;
                } else {
                    answered.add(nonNegative(Duration.between(c.sentAt(), c.firstRespondedAt())));
                }
            }
            return new ChannelProbes(e.getKey(), e.getValue().size(), Stats.of(acknowledged), Stats.of(answered),
                    unanswered);
        }).toList();
        return new ProbeReport(from, to, channels);
    }

    /** Clocks of two hosts may disagree by a little; a probe is never answered before it was sent. */
    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The report as CSV: one row per channel, seconds with millisecond precision, empty cells for no value. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("channel,count,ack_measured,ack_p50_s,ack_p90_s,ack_max_s,"
                + "first_response_measured,first_response_p50_s,first_response_p90_s,first_response_max_s,unanswered\r\n");
        for (ChannelProbes c : channels) {
            csv.append(c.channel()).append(',').append(c.count()).append(',');
            stats(csv, c.acknowledgement());
            csv.append(',');
            stats(csv, c.firstResponse());
            csv.append(',').append(c.unanswered()).append("\r\n");
        }
        return csv.toString();
    }

    private static void stats(StringBuilder csv, Stats s) {
        csv.append(s.measured()).append(',').append(cell(s.p50Seconds())).append(',').append(cell(s.p90Seconds()))
                .append(',').append(cell(s.maxSeconds()));
    }

    private static String cell(Double value) {
        return value == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
