package io.tikun.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final int OK = 200;
    private static final int ACCEPTED = 202;
    /** wrk's threads: one per core of this machine. */
    private static final int WRK_THREADS = 2;
    private static final String ALL_PHASES = "raw,health,read,web,email";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String COMPLAINT_TEXT = "The washing machine I bought last month leaks on every cycle and the "
            + "technician never came. I took a day off work twice for nothing. Please send someone this week. "
            + "מכונת הכביסה שקניתי דולפת בכל הפעלה והטכנאי לא הגיע.";

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int concurrency = arguments.integer("concurrency", 64);
        Duration warmUp = arguments.duration("warm-up", Duration.ofSeconds(60));
        Duration measured = arguments.duration("measure", Duration.ofSeconds(30));
        Path resultsFile = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        Path data = Files.createTempDirectory("tikun-benchmark-");
        // The load comes through one channel credential: its budget is raised, not switched off, so every
        // request still pays for its rate-limit check as in production.
        StackOptions options = StackOptions.ephemeral(data).withServices(LocalStack.INTAKE).withEnvironment(
                LocalStack.INTAKE, Map.of("TIKUN_INTAKE_RATE_LIMIT_CREDENTIAL_REQUESTS", "1000000000"));
        // --hotspots=false: intake without its hotspot topology, as on pods that take complaints while another
        // deployment runs the analysis (tikun.intake.hotspots.enabled).
        boolean hotspots = Boolean.parseBoolean(arguments.text("hotspots", "true"));
        if (!hotspots) {
            options = options.withEnvironment(LocalStack.INTAKE, Map.of("TIKUN_INTAKE_HOTSPOTS_ENABLED", "false"));
        }
        // e.g. --intake-jvm-options=-XX:StartFlightRecording=filename=/tmp/intake.jfr to profile the service.
        String jvmOptions = arguments.text("intake-jvm-options", "");
        if (!jvmOptions.isBlank()) {
            options = options.withEnvironment(LocalStack.INTAKE, Map.of("JAVA_TOOL_OPTIONS", jvmOptions));
        }
        // async-profiler on intake during each measured window of the phases named here (e.g. --profile=web,read).
        Set<String> profiled = new LinkedHashSet<>(List.of(arguments.text("profile", "").split(",")));
        profiled.remove("");
        Set<String> phases = new LinkedHashSet<>(List.of(arguments.text("phases", ALL_PHASES).split(",")));
        boolean useWrk = switch (arguments.text("generator", WrkLoad.available() ? "wrk" : "java")) {
            case "wrk" -> true;
            case "java" -> false;
            default -> throw new IllegalArgumentException("--generator is wrk or java");
        };
        try (LocalStack stack = LocalStack.start(options)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ChannelTokens tokens = new ChannelTokens(client, stack.keycloak().tokenUrl());
            String intake = stack.intake().url();
            String webToken = tokens.serviceAccount(WEB_CLIENT, WEB_SECRET);
            WrkLoad wrk = new WrkLoad(intake, concurrency, WRK_THREADS, CUSTOMERS);
            // Health lives on the management interface: the same HTTP stack, on a port of its own.
            String management = stack.intake().managementUrl();
            WrkLoad managementWrk = new WrkLoad(management, concurrency, WRK_THREADS, CUSTOMERS);
            List<LoadResult> results = new ArrayList<>();
            List<IntakeCpu> cpu = new ArrayList<>();
            AsyncProfilerAgent profiler = profiled.isEmpty() ? null : AsyncProfilerAgent.extractTo(data);
            long intakePid = stack.intake().pid();
            LoadResult raw = null;
            for (String phase : phases) {
                WrkLoad.Template template;
                String name;
                String target = intake;
                switch (phase.strip()) {
                    case "raw" -> {
                        raw = new RawWriteLoad(stack.mongo().connectionString(), LocalStack.MONGO_DATABASE,
                                stack.kafka().bootstrapServers(), concurrency).run(warmUp, measured, COMPLAINT_TEXT);
                        results.add(raw);
                        continue;
                    }
                    case "health" -> {
                        name = "floor: GET /q/health/live on the management port (no token, no store)";
                        template = new WrkLoad.Template("GET", "/q/health/live", Map.of(), "", OK);
                        target = management;
                    }
                    case "read" -> {
                        name = "floor: GET /api/v1/complaints/{id} (token, one read)";
                        template = new WrkLoad.Template("GET",
                                "/api/v1/complaints/" + storedComplaintId(client, intake, webToken),
                                Map.of("Authorization", "Bearer " + webToken), "", OK);
                    }
                    case "web" -> {
                        name = "web POST /api/v1/complaints";
                        template = webComplaint(webToken);
                    }
                    case "email" -> {
                        name = "e-mail POST /api/v1/channels/email";
                        template = emailComplaint(tokens.serviceAccount(EMAIL_CLIENT, EMAIL_SECRET));
                    }
                    default -> throw new IllegalArgumentException("unknown phase " + phase + "; known: " + ALL_PHASES);
                }
                String base = target;
                IntakeCpu window = new IntakeCpu(phase.strip(), intakePid,
                        profiled.contains(phase.strip()) ? profiler : null, data);
                LoadResult result = useWrk
                        ? (base.equals(management) ? managementWrk : wrk).run(name, template, warmUp, measured, window)
                        : new ClosedLoopLoad(client, concurrency, status -> status == template.expectedStatus())
                                .run(name, () -> request(base, template), warmUp, measured, window);
                results.add(result);
                cpu.add(window.of(result));
            }
            new ResultsFile(resultsFile).append("Intake load", report(concurrency, warmUp, measured, raw, results,
                    (useWrk ? "wrk (" + WRK_THREADS + " threads)" : "a JVM client (java.net.http)")
                            + (hotspots ? "" : "; intake's hotspot topology off (`--hotspots=false`)"))
                    + IntakeCpu.report(cpu));
        }
    }

    /** One complaint to read back in the read floor phase. */
    private static String storedComplaintId(HttpClient client, String intake, String token) throws Exception {
        HttpResponse<String> response = client.send(request(intake, webComplaint(token)),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != ACCEPTED) {
            throw new IllegalStateException("could not store a complaint to read: " + response.statusCode() + " "
                    + response.body());
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }

    /** The template filled as wrk's script fills it: a customer of the cycle, a value no other request carries. */
    private static HttpRequest request(String intake, WrkLoad.Template template) {
        String customer = Integer.toString(WrkLoad.FIRST_CUSTOMER + ThreadLocalRandom.current().nextInt(CUSTOMERS));
        String unique = UUID.randomUUID().toString();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(intake + template.path()));
        template.headers().forEach((header, value) -> builder.header(header,
                value.replace(WrkLoad.CUSTOMER, customer).replace(WrkLoad.UNIQUE, unique)));
        String body = template.body().replace(WrkLoad.CUSTOMER, customer).replace(WrkLoad.UNIQUE, unique);
        return builder.method(template.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static WrkLoad.Template webComplaint(String token) {
        String body = """
                {"customer":{"name":"Customer ${customer}","email":"customer${customer}@example.com","phone":"+97254${customer}"},
                 "subject":"Leaking washing machine","body":"%s","channel":"web"}"""
                .formatted(COMPLAINT_TEXT);
        return new WrkLoad.Template("POST", "/api/v1/complaints", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Idempotency-Key", WrkLoad.UNIQUE), body, ACCEPTED);
    }

    private static WrkLoad.Template emailComplaint(String token) {
        String boundary = "b-tikun-benchmark";
        String mime = """
                From: Customer ${customer} <customer${customer}@example.com>\r
                To: support@tikun.local\r
                Subject: Leaking washing machine\r
                Message-ID: <${unique}@mail.example.com>\r
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
                """.formatted(boundary, boundary, COMPLAINT_TEXT, boundary, COMPLAINT_TEXT, boundary);
        return new WrkLoad.Template("POST", "/api/v1/channels/email",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "message/rfc822"), mime, ACCEPTED);
    }

    private static String report(int concurrency, Duration warmUp, Duration measured, LoadResult raw,
            List<LoadResult> results, String generator) {
        StringBuilder rows = new StringBuilder(LoadResult.markdownHeader());
        StringBuilder ratios = new StringBuilder();
        for (LoadResult result : results) {
            rows.append('\n').append(result.markdownRow());
            if (raw != null && result != raw) {
                ratios.append(String.format("%s / raw store+broker rate: %.2f.%n", result.name(),
                        result.perSecond() / raw.perSecond()));
            }
        }
        return String.format("""
                Closed loop, %d concurrent clients, %d s warm-up then %d s measured per phase, one intake
                instance (heap 384 MiB) with Kafka (KRaft, 3 partitions), the MongoDB-protocol server (in memory),
                GreenMail (every complaint is acknowledged by SMTP) and Keycloak, all on this machine together with
                the load generator, %s. A phase counts only 202 Accepted (complaints) or 200 OK (floor phases) as a
                success. The floor phases measure what intake answers without storing a complaint: its HTTP
                stack alone, and one authenticated read of one document.

                %s

                %s""", concurrency, warmUp.toSeconds(), measured.toSeconds(), generator, rows, ratios);
    }
}
