package io.tikun.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * Two latencies of routing, measured on the real system: (1) a CRITICAL complaint accepted by
 * intake until the manager's notification is delivered, per notification channel; (2) a case's SLA
 * deadline until its escalation fired. CRITICAL's first-response target is shortened so that the
 * deadlines pass during the run; everything else is the default configuration.
 */
public final class EscalationLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENED_ALERT = "SEVERE_CASE_OPENED";
    private static final Duration POLL = Duration.ofMillis(250);

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int complaints = arguments.integer("complaints", 100);
        // Sent, routed and escalated before the measured ones, so JIT compilation and first connections are done.
        int warmUpComplaints = arguments.integer("warm-up-complaints", 20);
        Duration pace = arguments.duration("pace", Duration.ofMillis(300));
        Duration firstResponse = arguments.duration("first-response", Duration.ofSeconds(20));
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        Path data = Files.createTempDirectory("tikun-benchmark-");
        StackOptions options = StackOptions.ephemeral(data).withServices(LocalStack.INTAKE, LocalStack.ROUTING)
                .withEnvironment(LocalStack.ROUTING, Map.of("TIKUN_ROUTING_SLA_FIRST_RESPONSE_CRITICAL",
                        firstResponse.toString()));
        try (LocalStack stack = LocalStack.start(options)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ChannelTokens tokens = new ChannelTokens(client, stack.keycloak().tokenUrl());
            String channelToken = tokens.serviceAccount("tikun-web-channel", "web-channel-secret");
            String managerToken = tokens.user("manager", "manager");

            Submitted lastWarmUp = null;
            for (int i = 0; i < warmUpComplaints; i++) {
                lastWarmUp = submit(client, stack.intake().url(), channelToken, complaints + i);
                Thread.sleep(pace.toMillis());
            }
            if (lastWarmUp != null && awaitEscalatedCase(client, stack.routing().url(), managerToken, lastWarmUp,
                    Instant.now().plus(firstResponse).plus(Duration.ofMinutes(2))).isEmpty()) {
                throw new IllegalStateException("the warm-up complaints were not routed and escalated");
            }
            List<Submitted> submitted = new ArrayList<>();
            for (int i = 0; i < complaints; i++) {
                submitted.add(submit(client, stack.intake().url(), channelToken, i));
                Thread.sleep(pace.toMillis());
            }
            Instant giveUp = Instant.now().plus(firstResponse).plus(Duration.ofMinutes(2));
            Map<String, LatencySamples> notified = new TreeMap<>();
            LatencySamples escalated = new LatencySamples();
            int missing = 0;
            for (Submitted complaint : submitted) {
                Optional<JsonNode> view = awaitEscalatedCase(client, stack.routing().url(), managerToken, complaint,
                        giveUp);
                if (view.isEmpty()) {
                    missing++;
                    continue;
                }
                JsonNode c = view.get();
                for (JsonNode alert : c.get("notifications")) {
                    if (OPENED_ALERT.equals(alert.get("kind").asText()) && alert.hasNonNull("sentAt")) {
                        Duration delay = Duration.between(complaint.acceptedAt(), Instant.parse(alert.get("sentAt").asText()));
                        notified.computeIfAbsent(alert.get("channel").asText(), ch -> new LatencySamples())
                                .add(Math.max(0, delay.toNanos()));
                    }
                }
                Instant deadline = Instant.parse(c.get("firstResponseDueAt").asText());
                for (JsonNode step : c.get("escalations")) {
                    Instant at = Instant.parse(step.get("at").asText());
                    if (!at.isBefore(deadline)) {
                        escalated.add(Duration.between(deadline, at).toNanos());
                        break;
                    }
                }
            }
            new ResultsFile(results).append("Routing latency",
                    report(complaints, warmUpComplaints, pace, firstResponse, notified, escalated, missing));
        }
    }

    private record Submitted(String complaintId, Instant acceptedAt) {
    }

    private static Submitted submit(HttpClient client, String intake, String token, int i)
            throws IOException, InterruptedException {
        String body = """
                {"customer":{"name":"Critical %d","email":"critical%d@example.com","phone":"+972541%06d"},
                 "subject":"The heater caught fire","body":"It burned the wall. I am calling my lawyer.","channel":"web"}"""
                .formatted(i, i, i);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Instant accepted = Instant.now();
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 202 || !"CRITICAL".equals(json.path("severity").asText())) {
            throw new IllegalStateException("expected a CRITICAL complaint accepted, got " + response.statusCode() + " "
                    + response.body());
        }
        return new Submitted(json.get("id").asText(), accepted);
    }

    /** The case of the complaint once its opening alert was sent and it escalated past its deadline. */
    private static Optional<JsonNode> awaitEscalatedCase(HttpClient client, String routing, String token,
            Submitted complaint, Instant giveUp) throws IOException, InterruptedException {
        while (Instant.now().isBefore(giveUp)) {
            JsonNode queue = get(client, routing + "/api/v1/cases?complaintId="
                    + URLEncoder.encode(complaint.complaintId(), StandardCharsets.UTF_8), token);
            // The queue answers a JSON array of case summaries (the total is in X-Total-Count).
            if (queue != null && queue.size() == 1) {
                JsonNode c = get(client, routing + "/api/v1/cases/" + queue.get(0).get("id").asText(), token);
                if (c != null && alerted(c) && escalatedAfterDeadline(c)) {
                    return Optional.of(c);
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.empty();
    }

    private static boolean alerted(JsonNode c) {
        for (JsonNode alert : c.get("notifications")) {
            if (OPENED_ALERT.equals(alert.get("kind").asText()) && !alert.path("sentAt").isNull()
                    && !alert.path("sentAt").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    /** The opening step is also in the history; the escalation is the step at or after the deadline. */
    private static boolean escalatedAfterDeadline(JsonNode c) {
        Instant deadline = Instant.parse(c.get("firstResponseDueAt").asText());
        for (JsonNode step : c.get("escalations")) {
            if (!Instant.parse(step.get("at").asText()).isBefore(deadline)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode get(HttpClient client, String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static String report(int complaints, int warmUpComplaints, Duration pace, Duration firstResponse,
            Map<String, LatencySamples> notified, LatencySamples escalated, int missing) {
        StringBuilder out = new StringBuilder(String.format("""
                %d CRITICAL web complaints measured after %d unmeasured warm-up ones (sent, routed and escalated
                first), one every %d ms, through intake and one routing instance (Kafka,
                PostgreSQL, the MongoDB-protocol server, GreenMail, Keycloak on this machine). CRITICAL's
                first-response target set to %s so the deadlines pass during the run; escalation job every 1 s
                (default). %d case(s) did not reach both points within the wait.

                | measured | n | p50 ms | p90 ms | p99 ms | max ms |
                |---|---|---|---|---|---|
                """, complaints, warmUpComplaints, pace.toMillis(), firstResponse, missing));
        notified.forEach((channel, samples) -> out.append(row("accepted → manager notified (" + channel + ")", samples)));
        out.append(row("SLA deadline → escalation fired", escalated));
        return out.toString();
    }

    private static String row(String name, LatencySamples samples) {
        return String.format("| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", name, samples.size(),
                samples.percentileMillis(50), samples.percentileMillis(90), samples.percentileMillis(99),
                samples.percentileMillis(100));
    }
}
