package io.tikun.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * Urgent complaints during a storm: a backlog of LOW/MEDIUM web complaints sent as fast as intake takes them, and
 * meanwhile a CRITICAL one every {@code urgent-every}; for each CRITICAL one, the time from intake's HTTP accept to
 * the manager's e-mail arriving in the mail sandbox and to the event on the live stream. Measured twice in one run on
 * one stack: through intake with the urgent lane (the default), then through a second intake instance started with
 * {@code TIKUN_INTAKE_URGENT_LANE_ENABLED=false}, whose urgent complaints wait in line on complaints.received.
 */
public final class StormLatencyBenchmark {

    private static final String LANE_OFF = "TIKUN_INTAKE_URGENT_LANE_ENABLED";

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int storm = arguments.integer("storm", 20_000);
        int concurrency = arguments.integer("concurrency", 16);
        int warmUp = arguments.integer("warm-up", 300);
        Duration urgentEvery = arguments.duration("urgent-every", Duration.ofMillis(500));
        Duration drainWait = arguments.duration("drain-wait", Duration.ofMinutes(20));
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        Path data = Files.createTempDirectory("tikun-storm-");
        StackOptions options = StackOptions.ephemeral(data).withServices(LocalStack.INTAKE, LocalStack.ROUTING)
                .withEnvironment(LocalStack.INTAKE, Map.of("TIKUN_INTAKE_RATE_LIMIT_CREDENTIAL_REQUESTS", "1000000000"));
        // --hotspots=false: both intakes without their hotspot topology, as deployed (deploy/k8s runs it on pods of
        // its own), so the storm's CPU is the API path's.
        boolean hotspots = Boolean.parseBoolean(arguments.text("hotspots", "true"));
        if (!hotspots) {
            options = options.withEnvironment(LocalStack.INTAKE, Map.of("TIKUN_INTAKE_HOTSPOTS_ENABLED", "false"));
        }
        // --routing-batch=N: routing's ordinary lane reads at most N records per poll (one transaction each), to see
        // how the size of its batches bears on the urgent lane's tail.
        String routingBatch = arguments.text("routing-batch", "");
        boolean laneOffPhase = Boolean.parseBoolean(arguments.text("lane-off", "true"));
        if (!routingBatch.isEmpty()) {
            options = options.withEnvironment(LocalStack.ROUTING,
                    Map.of("MP_MESSAGING_INCOMING_COMPLAINTS_RECEIVED_MAX_POLL_RECORDS", routingBatch));
        }
        try (LocalStack stack = LocalStack.start(options)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ChannelTokens keycloak = new ChannelTokens(client, stack.keycloak().tokenUrl());
            FreshToken channel = new FreshToken(() -> keycloak.serviceAccount("tikun-web-channel", "web-channel-secret"));
            FreshToken manager = new FreshToken(() -> keycloak.user("manager", "manager"));
            List<StormPhase.Result> measured = new ArrayList<>();
            try (OpenedCases cases = new OpenedCases(stack);
                    PublishedUrgent published = new PublishedUrgent(stack.kafka().bootstrapServers());
                    UrgentArrivals arrivals = new UrgentArrivals(stack.mail(), client, stack.routing().url(),
                            manager.get())) {
                StormPhase.Target target = new StormPhase.Target(client, stack.routing().managementUrl(), cases, published,
                        channel, manager, concurrency,
                        urgentEvery,
                        drainWait);
                measured.add(new StormPhase(target, arrivals, "on", stack.intake().url()).run(warmUp, storm));
                // --lane-off=false skips the comparison phase (a quicker look at the lane alone, not a result to report).
                if (laneOffPhase) {
                    String laneOff = stack.startInstance(LocalStack.INTAKE, Map.of(LANE_OFF, "false")).url();
                    measured.add(new StormPhase(target, arrivals, "off", laneOff).run(warmUp, storm));
                }
            }
            new ResultsFile(results).append("Urgent complaints during a storm",
                    report(storm, concurrency, warmUp, urgentEvery, measured)
                            + (hotspots ? "" : "\nBoth intakes ran without their hotspot topology (`--hotspots=false`).\n")
                            + (laneOffPhase ? ""
                                    : "\nPhase \"off\" was skipped (`--lane-off=false`): no comparison in this run.\n")
                            + (routingBatch.isEmpty() ? ""
                                    : "\nRouting's ordinary lane read at most " + routingBatch
                                            + " records per poll (`--routing-batch`; 500 otherwise).\n"));
        }
    }

    /** A bearer token fetched again once it is a minute old (Keycloak's tokens outlive that comfortably). */
    static final class FreshToken {
        interface Fetch {
            String get() throws IOException, InterruptedException;
        }

        private final Fetch fetch;
        private String token;
        private Instant fetchedAt = Instant.EPOCH;

        FreshToken(Fetch fetch) {
            this.fetch = fetch;
        }

        synchronized String get() throws IOException, InterruptedException {
            if (Duration.between(fetchedAt, Instant.now()).compareTo(Duration.ofMinutes(1)) > 0) {
                token = fetch.get();
                fetchedAt = Instant.now();
            }
            return token;
        }
    }

    static HttpRequest complaint(String intake, String token, String json) {
        return HttpRequest.newBuilder(URI.create(intake + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String p50p99(LatencySamples samples) {
        return String.format("%.0f / %.0f", samples.percentileMillis(50), samples.percentileMillis(99));
    }

    private static String report(int storm, int concurrency, int warmUp, Duration urgentEvery,
            List<StormPhase.Result> phases) {
        StringBuilder out = new StringBuilder(String.format(
                """
                        Storm of %d LOW/MEDIUM web complaints per phase (distinct customers with e-mail, so each is also
                        acknowledged by SMTP), sent by %d closed loops of the benchmark's own HTTP client, after %d unmeasured
                        warm-up complaints drained through routing; during the warm-up and the storm a CRITICAL complaint every
                        %d ms (the warm-up's are not in the storm's figures: see "warm-up urgent" below). Latency
                        = HTTP 202 received by the client → the manager's alert seen in the mail sandbox (polled every 20 ms)
                        / on routing's SSE live stream. One stack (intake and one routing instance; Kafka, PostgreSQL, the
                        MongoDB-protocol server, GreenMail, Keycloak on this machine): phase "on" through intake with the
                        urgent lane, then phase "off" through a second intake instance with
                        `TIKUN_INTAKE_URGENT_LANE_ENABLED=false` (urgent complaints wait in line on complaints.received).
                        Drain = storm start → routing has opened a case for every complaint of the phase.

                        | lane | storm accepted | storm rate /s | drain s | urgent | e-mail p50 ms | e-mail p99 ms | e-mail max ms | stream p50 ms | stream p99 ms | stream max ms | not arrived (mail/stream) |
                        |---|---|---|---|---|---|---|---|---|---|---|---|
                        """,
                storm, concurrency, warmUp, urgentEvery.toMillis()));
        for (StormPhase.Result r : phases) {
            out.append(String.format(
                    "| %s | %d (%d refused) | %.0f | %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %d/%d |%n",
                    r.lane(), r.accepted(), r.refused(), r.stormRate(),
                    r.drain().map(d -> String.format("%.1f", d.toMillis() / 1000.0)).orElse("not drained"),
                    r.urgent(), r.mail().percentileMillis(50), r.mail().percentileMillis(99),
                    r.mail().percentileMillis(100), r.stream().percentileMillis(50), r.stream().percentileMillis(99),
                    r.stream().percentileMillis(100), r.mailMissing(), r.streamMissing()));
        }
        out.append("""

                Warm-up urgent: the CRITICAL complaints sent during each phase's warm-up, 202 → mailbox (ms). The first
                is the first urgent message routing handles in the phase; in phase "on", the first since routing started
                (its urgent lane cold).

                | lane | warm-up urgent | first mail ms | max mail ms |
                |---|---|---|---|
                """);
        for (StormPhase.Result r : phases) {
            StormPhase.WarmUp w = r.warmUp();
            out.append(String.format("| %s | %d | %s | %.0f |%n", r.lane(), w.urgent(),
                    w.firstMail().map(d -> Long.toString(d.toMillis())).orElse("not arrived"),
                    w.mail().percentileMillis(100)));
        }
        out.append(
                """

                        Where the urgent complaints' time went, hop by hop (ms; timestamps from this machine's one clock):
                        202 → intake's record on Kafka (its create time; negative when intake published before the client read
                        its 202) → routing began opening the case (`opened_at`, once its transaction holds a connection) → the
                        alert on the live stream / in the mailbox. Each hop's percentiles are its own; the last column breaks
                        down the slowest mail alert.

                        | lane | complete | 202 → Kafka p50 / p99 | Kafka → opening p50 / p99 | opening → stream p50 / p99 | opening → mail p50 / p99 | slowest mail alert |
                        |---|---|---|---|---|---|---|
                        """);
        for (StormPhase.Result r : phases) {
            StormPhase.Hops h = r.hops();
            out.append(String.format("| %s | %d | %s | %s | %s | %s | %s |%n", r.lane(), h.toKafka().size(),
                    p50p99(h.toKafka()), p50p99(h.toOpening()), p50p99(h.openingToStream()), p50p99(h.openingToMail()),
                    h.slowest()));
        }
        out.append(
                """

                        Routing's own timing of its urgent lane (`tikun_routing_urgent_lane_seconds`, counted over the phase; a
                        percentile is the bucket bound it falls within): queued = the record's timestamp (intake's send) → the
                        handler starting on routing's event loop, split into fetched = → routing's consumer poll returning it
                        (the broker's append and the fetch) and dispatched = poll → handler (the lane's previous message, the event
                        loop, and for a partition's first record the connector's lookup of its committed offset);
                        opened = handler → its case committed; done = → the message acknowledged, its case's events published.

                        | lane | messages | queued p50 / p99 | fetched p50 / p99 | dispatched p50 / p99 | opened p50 / p99 | done p50 / p99 |
                        |---|---|---|---|---|---|---|
                        """);
        for (StormPhase.Result r : phases) {
            UrgentLaneBuckets b = r.routingHops();
            out.append(String.format("| %s | %d |", r.lane(), b.count("QUEUED")));
            for (String hop : List.of("QUEUED", "FETCHED", "DISPATCHED", "OPENED", "DONE")) {
                out.append(String.format(" %s / %s |", b.percentile(hop, 50), b.percentile(hop, 99)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
