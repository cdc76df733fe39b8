package io.tikun.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routing's own timing of its urgent lane ({@code tikun_routing_urgent_lane_seconds}, hops QUEUED, OPENED and DONE):
 * the cumulative bucket counts read from its Prometheus endpoint, so that two readings differenced give a run's
 * distribution per hop, and a percentile as the bucket bound it falls within.
 */
record UrgentLaneBuckets(Map<String, TreeMap<Double, Long>> byHop) {

    private static final Pattern BUCKET = Pattern.compile(
            "^tikun_routing_urgent_lane_seconds_bucket\\{(?=[^}]*hop=\"(\\w+)\")(?=[^}]*le=\"([^\"]+)\")[^}]*} ([0-9.eE+]+)$");

    static UrgentLaneBuckets read(HttpClient client, String managementUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return parse(response.body());
    }

    static UrgentLaneBuckets parse(String prometheusText) {
        Map<String, TreeMap<Double, Long>> byHop = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher m = BUCKET.matcher(line.strip());
            if (m.matches()) {
                double le = "+Inf".equals(m.group(2)) ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
                byHop.computeIfAbsent(m.group(1), hop -> new TreeMap<>()).put(le, (long) Double.parseDouble(m.group(3)));
            }
        }
        return new UrgentLaneBuckets(byHop);
    }

    /** What was counted between {@code earlier} and this reading. */
    UrgentLaneBuckets since(UrgentLaneBuckets earlier) {
        Map<String, TreeMap<Double, Long>> diff = new LinkedHashMap<>();
        byHop.forEach((hop, buckets) -> {
            TreeMap<Double, Long> before = earlier.byHop().getOrDefault(hop, new TreeMap<>());
            TreeMap<Double, Long> counted = new TreeMap<>();
            buckets.forEach((le, count) -> counted.put(le, count - before.getOrDefault(le, 0L)));
            diff.put(hop, counted);
        });
        return new UrgentLaneBuckets(diff);
    }

    long count(String hop) {
        TreeMap<Double, Long> buckets = byHop.get(hop);
        return buckets == null || buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /** "≤ 25 ms": the smallest bucket bound with at least {@code percent} of the hop's samples, or "> 5000 ms". */
    String percentile(String hop, double percent) {
        TreeMap<Double, Long> buckets = byHop.get(hop);
        long total = count(hop);
        if (total == 0) {
            return "none";
        }
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= Math.ceil(percent / 100.0 * total)) {
                return bucket.getKey().isInfinite()
                        ? String.format("> %.0f ms", buckets.lowerKey(bucket.getKey()) * 1000)
                        : String.format("≤ %.0f ms", bucket.getKey() * 1000);
            }
        }
        return "none";
    }
}
