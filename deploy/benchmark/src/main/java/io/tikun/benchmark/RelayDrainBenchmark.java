package io.tikun.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.StackOptions;

/**
 * How fast intake's outbox relay publishes a backlog, as after a broker outage: complaints are accepted with inline
 * sending off (every event and acknowledgement left in the outbox) and the stack's own intake relaying once an hour;
 * then an intake instance whose relay runs every second is started on the backlog, and the benchmark watches the
 * complaint topics' end offsets and the mail sandbox until both hold the whole backlog. One phase per
 * {@code --relay-concurrency} value, each on a backlog of its own, in one run.
 */
public final class RelayDrainBenchmark {

    private static final Duration POLL = Duration.ofMillis(250);

    private RelayDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int backlog = arguments.integer("backlog", 3000);
        int loops = arguments.integer("concurrency", 16);
        List<Integer> relayConcurrencies = Arrays.stream(arguments.text("relay-concurrency", "1,8").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        Duration wait = arguments.duration("wait", Duration.ofMinutes(10));
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        StackOptions options = StackOptions.ephemeral(Files.createTempDirectory("tikun-relay-"))
                .withServices(LocalStack.INTAKE)
                .withEnvironment(LocalStack.INTAKE, Map.of(
                        "TIKUN_INTAKE_RATE_LIMIT_CREDENTIAL_REQUESTS", "1000000000",
                        "TIKUN_INTAKE_HOTSPOTS_ENABLED", "false",
                        "TIKUN_INTAKE_OUTBOX_INLINE_IN_FLIGHT", "0",
                        "TIKUN_INTAKE_OUTBOX_URGENT_IN_FLIGHT", "0",
                        "TIKUN_INTAKE_OUTBOX_RELAY_EVERY", "1h"));
        try (LocalStack stack = LocalStack.start(options);
                PublishedComplaintEvents published = new PublishedComplaintEvents(stack.kafka().bootstrapServers())) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ChannelTokens keycloak = new ChannelTokens(client, stack.keycloak().tokenUrl());
            StormLatencyBenchmark.FreshToken channel = new StormLatencyBenchmark.FreshToken(
                    () -> keycloak.serviceAccount("tikun-web-channel", "web-channel-secret"));
            List<RelayDrainReport.Phase> phases = new ArrayList<>();
            for (int relayConcurrency : relayConcurrencies) {
                long eventsBefore = published.count();
                long mailsBefore = stack.mail().received();
                ComplaintLoad load = new ComplaintLoad(client, stack.intake().url(), channel, loops,
                        "relay-" + relayConcurrency, backlog, Instant.MAX, response -> response.statusCode() == 202);
                load.done.await();
                int accepted = load.accepted.get();
                long leakedEvents = published.count() - eventsBefore;
                long leakedMails = stack.mail().received() - mailsBefore;

                Instant launched = Instant.now();
                ServiceProcess relay = stack.startInstance(LocalStack.INTAKE, Map.of(
                        "TIKUN_INTAKE_OUTBOX_RELAY_EVERY", "1s",
                        "TIKUN_INTAKE_OUTBOX_RELAY_CONCURRENCY", String.valueOf(relayConcurrency)));
                Duration started = Duration.between(launched, Instant.now());
                RelayDrainReport.Progress events = new RelayDrainReport.Progress(launched, accepted + leakedEvents);
                RelayDrainReport.Progress mails = new RelayDrainReport.Progress(launched, accepted + leakedMails);
                Instant giveUp = launched.plus(wait);
                while (!(events.done() && mails.done()) && Instant.now().isBefore(giveUp)) {
                    events.seen(published.count() - eventsBefore, Instant.now());
                    mails.seen(stack.mail().received() - mailsBefore, Instant.now());
                    Thread.sleep(POLL.toMillis());
                }
                relay.close();
                phases.add(new RelayDrainReport.Phase(relayConcurrency, accepted, load.refused.get(), leakedEvents,
                        leakedMails, started, events, mails));
            }
            new ResultsFile(results).append("Intake's relay drains a backlog",
                    RelayDrainReport.render(backlog, loops, POLL, phases));
        }
    }
}
