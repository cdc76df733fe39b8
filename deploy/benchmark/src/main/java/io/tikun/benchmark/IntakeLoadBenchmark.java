package io.tikun.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * Loads intake's web and e-mail endpoints with a closed loop of concurrent clients and measures
 * accepted complaints per second and latency, next to the rate at which a plain client writes the
 * same store and broker. Only intake and its servers run: the other services would compete for
 * the same two cores while consuming the events.
 */
public final class IntakeLoadBenchmark {

    private static final String WEB_CLIENT = "tikun-web-channel";
    private static final String WEB_SECRET = "web-channel-secret";
    private static final String EMAIL_CLIENT = "tikun-email-channel";
    private static final String EMAIL_SECRET = "email-channel-secret";
    /** Distinct customers the load cycles through, so identity lookups and repeat counts see real data. */
    private static final int CUSTOMERS = 2_000;
    private static final String COMPLAINT_TEXT = "The washing machine I bought last month leaks on every cycle and the "
            + "technician never came. I took a day off work twice for nothing. Please send someone this week. "
            + "מכונת הכביסה שקניתי דולפת בכל הפעלה והטכנאי לא הגיע.";

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int concurrency = arguments.integer("concurrency", 64);
        Duration warmUp = arguments.duration("warm-up", Duration.ofSeconds(60));
        Duration measured = arguments.duration("measure", Duration.ofSeconds(30));
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        Path data = Files.createTempDirectory("tikun-benchmark-");
        StackOptions options = StackOptions.ephemeral(data).withServices(LocalStack.INTAKE);
        // e.g. --intake-jvm-options=-XX:StartFlightRecording=filename=/tmp/intake.jfr to profile the service.
        String jvmOptions = arguments.text("intake-jvm-options", "");
        if (!jvmOptions.isBlank()) {
            options = options.withEnvironment(LocalStack.INTAKE, Map.of("JAVA_TOOL_OPTIONS", jvmOptions));
        }
        try (LocalStack stack = LocalStack.start(options)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ChannelTokens tokens = new ChannelTokens(client, stack.keycloak().tokenUrl());
            String intake = stack.intake().url();

            LoadResult raw = new RawWriteLoad(stack.mongo().connectionString(), LocalStack.MONGO_DATABASE,
                    stack.kafka().bootstrapServers(), concurrency).run(warmUp, measured, COMPLAINT_TEXT);

            String webToken = tokens.serviceAccount(WEB_CLIENT, WEB_SECRET);
            ClosedLoopLoad load = new ClosedLoopLoad(client, concurrency, status -> status == 202);
            LoadResult web = load.run("web POST /api/v1/complaints",
                    () -> webComplaint(intake, webToken), warmUp, measured);

            String emailToken = tokens.serviceAccount(EMAIL_CLIENT, EMAIL_SECRET);
            LoadResult email = load.run("e-mail POST /api/v1/channels/email",
                    () -> emailComplaint(intake, emailToken), warmUp, measured);

            new ResultsFile(results).append("Intake load", report(concurrency, warmUp, measured, raw, web, email));
        }
    }

    private static HttpRequest webComplaint(String intake, String token) {
        int customer = ThreadLocalRandom.current().nextInt(CUSTOMERS);
        String body = """
                {"customer":{"name":"Customer %d","email":"customer%d@example.com","phone":"+97254%07d"},
                 "subject":"Leaking washing machine","body":"%s","channel":"web"}"""
                .formatted(customer, customer, customer, COMPLAINT_TEXT);
        return HttpRequest.newBuilder(URI.create(intake + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest emailComplaint(String intake, String token) {
        int customer = ThreadLocalRandom.current().nextInt(CUSTOMERS);
        String boundary = "b-" + UUID.randomUUID();
        String mime = """
                From: Customer %d <customer%d@example.com>\r
                To: support@tikun.local\r
                Subject: Leaking washing machine\r
                Message-ID: <%s@mail.example.com>\r
                Date: Mon, 23 Nov 2026 09:15:00 +0200\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="%s"\r
                \r
                --%s\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: 8bit\r
                \r
                %s\r
                \r
                On Sun, 22 Nov 2026 at 10:00, Support <support@tikun.local> wrote:\r
                > Thank you for your message.\r
                --%s\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <div dir="auto"><p>%s</p></div>\r
                --%s--\r
                """.formatted(customer, customer, UUID.randomUUID(), boundary, boundary, COMPLAINT_TEXT, boundary,
                COMPLAINT_TEXT, boundary);
        return HttpRequest.newBuilder(URI.create(intake + "/api/v1/channels/email"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(mime)).build();
    }

    private static String report(int concurrency, Duration warmUp, Duration measured, LoadResult raw, LoadResult web,
            LoadResult email) {
        return String.format("""
                Closed loop, %d concurrent clients, %d s warm-up then %d s measured per phase, one intake
                instance (heap 384 MiB) with Kafka (KRaft, 3 partitions), the MongoDB-protocol server (in memory),
                GreenMail (every complaint is acknowledged by SMTP) and Keycloak, all on this machine together with
                the load generator. Only 202 Accepted counts as a success.

                %s
                %s
                %s
                %s

                Web rate / raw store+broker rate: %.2f. E-mail rate / raw rate: %.2f.
                """, concurrency, warmUp.toSeconds(), measured.toSeconds(), LoadResult.markdownHeader(), raw.markdownRow(),
                web.markdownRow(), email.markdownRow(), web.perSecond() / raw.perSecond(),
                email.perSecond() / raw.perSecond());
    }
}
