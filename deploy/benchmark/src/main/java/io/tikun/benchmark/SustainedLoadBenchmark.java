package io.tikun.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * Does the pipeline keep up with intake (issue 14, item 2)? Ordinary web complaints sent by closed loops as fast as
 * intake accepts them, for a sustained {@code duration}; every {@code sample-every}, how far each stage has got
 * ({@link PipelineCounts}): published by intake to Kafka, case opened by routing, filed by follow-up, and the
 * customer's acknowledgement mailed (watched for at most {@code mail-wait} after the load). Reported: each
 * stage's rate over the load beside intake's accepted rate, each stage's lag behind intake's 202s over time, and how
 * long after the load each stage caught up. One stack of intake, routing and follow-up on this machine.
 */
public final class SustainedLoadBenchmark {

    /** One sample: seconds since the load began, intake's 202s so far, and the stages' counts (net of the warm-up). */
    record Sample(double seconds, long accepted, long published, long opened, long filed, long mailed) {

        /** Every accepted complaint published, opened and filed (its acknowledgement mail aside). */
        boolean pipelineThrough() {
            return published >= accepted && opened >= accepted && filed >= accepted;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        Duration duration = arguments.duration("duration", Duration.ofMinutes(5));
        int concurrency = arguments.integer("concurrency", 16);
        int warmUp = arguments.integer("warm-up", 300);
        Duration sampleEvery = arguments.duration("sample-every", Duration.ofSeconds(10));
        Duration catchUpWait = arguments.duration("catch-up-wait", Duration.ofMinutes(20));
        // Acknowledgement mails are watched after the load for at most this long (they may lag far behind the events).
        Duration mailWait = arguments.duration("mail-wait", Duration.ofMinutes(5));
        boolean hotspots = Boolean.parseBoolean(arguments.text("hotspots", "false"));
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        StackOptions options = StackOptions.ephemeral(Files.createTempDirectory("tikun-sustained-"))
                .withServices(LocalStack.INTAKE, LocalStack.ROUTING, LocalStack.FOLLOWUP)
                .withEnvironment(LocalStack.INTAKE, Map.of("TIKUN_INTAKE_RATE_LIMIT_CREDENTIAL_REQUESTS", "1000000000"));
        if (!hotspots) {
            options = options.withEnvironment(LocalStack.INTAKE, Map.of("TIKUN_INTAKE_HOTSPOTS_ENABLED", "false"));
        }
        try (LocalStack stack = LocalStack.start(options); PipelineCounts counts = new PipelineCounts(stack)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ChannelTokens keycloak = new ChannelTokens(client, stack.keycloak().tokenUrl());
            StormLatencyBenchmark.FreshToken channel = new StormLatencyBenchmark.FreshToken(
                    () -> keycloak.serviceAccount("tikun-web-channel", "web-channel-secret"));
            String intake = stack.intake().url();

            // The warm-up: JIT and first use paid before the measured load, and every stage at rest when it begins.
            ComplaintLoad warming = new ComplaintLoad(client, intake, channel, concurrency, "warm", warmUp, Instant.MAX,
                    SustainedLoadBenchmark::accepted);
            warming.done.await();
            if (!throughEveryStage(counts, warming.accepted.get(), Instant.now().plus(catchUpWait))) {
                throw new IllegalStateException("the warm-up did not get through the pipeline: " + counts.read());
            }
            PipelineCounts.Reading base = counts.read();

            Instant start = Instant.now();
            Instant end = start.plus(duration);
            ComplaintLoad load = new ComplaintLoad(client, intake, channel, concurrency, "sustained", Integer.MAX_VALUE, end,
                    SustainedLoadBenchmark::accepted);
            List<Sample> samples = new ArrayList<>();
            while (!load.done.await(sampleEvery.toMillis(), TimeUnit.MILLISECONDS)) {
                samples.add(sample(counts, base, start, load.accepted.get()));
            }
            Instant loadEnded = Instant.now();
            samples.add(sample(counts, base, start, load.accepted.get()));
            // After the load: read every second until every stage has every accepted complaint, or the wait runs out,
            // and the mails too, or their own wait runs out.
            Instant giveUp = loadEnded.plus(catchUpWait);
            Instant mailGiveUp = loadEnded.plus(mailWait);
            Sample last = samples.get(samples.size() - 1);
            while (Instant.now().isBefore(giveUp) && !(last.pipelineThrough()
                    && (last.mailed() >= last.accepted() || !Instant.now().isBefore(mailGiveUp)))) {
                Thread.sleep(1_000);
                last = sample(counts, base, start, load.accepted.get());
                samples.add(last);
            }
            new ResultsFile(results).append("The pipeline under a sustained load",
                    SustainedLoadReport.render(duration, concurrency, warmUp, hotspots, load.accepted.get(),
                            load.refused.get(), Duration.between(start, loadEnded), samples, sampleEvery, mailWait));
        }
    }

    private static Sample sample(PipelineCounts counts, PipelineCounts.Reading base, Instant start, long accepted)
            throws SQLException {
        PipelineCounts.Reading now = counts.read();
        return new Sample(Duration.between(start, Instant.now()).toMillis() / 1000.0, accepted,
                now.published() - base.published(), now.opened() - base.opened(), now.filed() - base.filed(),
                now.mailed() - base.mailed());
    }

    /** Whether every stage, the mails included, has {@code accepted} complaints in all by {@code giveUp}. */
    private static boolean throughEveryStage(PipelineCounts counts, long accepted, Instant giveUp)
            throws SQLException, InterruptedException {
        PipelineCounts.Reading none = new PipelineCounts.Reading(0, 0, 0, 0);
        while (Instant.now().isBefore(giveUp)) {
            Sample now = sample(counts, none, Instant.now(), accepted);
            if (now.pipelineThrough() && now.mailed() >= accepted) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Any complaint intake accepted counts: one judged HIGH or CRITICAL goes by the urgent lane, counted too. */
    private static boolean accepted(HttpResponse<String> response) {
        return response.statusCode() == 202;
    }
}
