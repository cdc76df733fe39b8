package io.tikun.system;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tikun.stack.LocalStack;

/**
 * A steady stream of web complaints to intake (one every {@code every}, each from its own customer), as a channel
 * integration sends them, recording what intake accepted and what it refused, and how, while faults are injected.
 */
final class SteadyComplaintLoad implements AutoCloseable {

    /** Status of a request that got no HTTP answer at all (connection refused or reset, timed out). */
    static final int NO_ANSWER = 0;
    private static final int SENDERS = 16;
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final RestAssuredConfig CLIENT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", TIMEOUT_MILLIS)
            .setParam("http.socket.timeout", TIMEOUT_MILLIS));

    /** One complaint intake acknowledged (202): the ids and addresses its effects are found by. */
    record Accepted(int n, String id, String reference, String email, Instant sentAt, Instant at) {
    }

    /** One complaint intake did not acknowledge: its status ({@link #NO_ANSWER} if none) and answer. */
    record Refused(int n, int status, String contentType, String retryAfter, String body, Instant sentAt, Instant at) {
    }

    private final LocalStack stack;
    private final String token;
    private final boolean critical;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final List<Refused> refused = new CopyOnWriteArrayList<>();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private Duration every;

    private SteadyComplaintLoad(LocalStack stack, String token, boolean critical) {
        this.stack = stack;
        this.token = token;
        this.critical = critical;
    }

    /** Ordinary complaints (severity below CRITICAL): a case and a follow-up record each, no manager alert. */
    static SteadyComplaintLoad ordinary(LocalStack stack) {
        return new SteadyComplaintLoad(stack, new KeycloakTokens(stack.keycloak()).channel(), false);
    }

    /** Complaints intake rates CRITICAL: each also alerts the service manager by mail. */
    static SteadyComplaintLoad critical(LocalStack stack) {
        return new SteadyComplaintLoad(stack, new KeycloakTokens(stack.keycloak()).channel(), true);
    }

    /** Starts sending one complaint every {@code every}, each on its own sender thread (a slow answer holds none up). */
    SteadyComplaintLoad start(Duration every) {
        this.every = every;
        clock.scheduleAtFixedRate(() -> senders.execute(this::sendOne), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops sending and waits for the answers of the complaints still under way. */
    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("complaints still under way after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the load", e);
        }
        int answered = accepted.size() + refused.size();
        if (answered != sent.get()) {
            throw new IllegalStateException("sent %d complaints but recorded what became of %d".formatted(sent.get(),
                    answered));
        }
    }

    private void sendOne() {
        int n = sent.incrementAndGet();
        String email = "load-" + run + "-" + n + "@example.com";
        String body = critical ? """
                {"channel":"web","customer":{"name":"Fault %1$d","email":"%2$s"},
                 "subject":"The heater caught fire (%1$d)","body":"It burned the wall. I am calling my lawyer. (%1$d)"}"""
                : """
                        {"channel":"web","customer":{"name":"Fault %1$d","email":"%2$s"},
                         "subject":"Order %1$d late","body":"My order %1$d has not arrived yet."}""";
        Instant sentAt = Instant.now();
        try {
            Response response = given().config(CLIENT).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(body.formatted(n, email)).post(stack.intake().url() + "/api/v1/complaints");
            if (response.statusCode() == 202) {
                String id = response.jsonPath().getString("id");
                accepted.put(id, new Accepted(n, id, response.jsonPath().getString("reference"), email, sentAt,
                        Instant.now()));
            } else {
                refused.add(new Refused(n, response.statusCode(), response.contentType(), response.header("Retry-After"),
                        response.asString(), sentAt, Instant.now()));
            }
        } catch (Exception e) {
            // Connection refused or reset: REST Assured throws the checked IOException undeclared.
            refused.add(new Refused(n, NO_ANSWER, null, null, String.valueOf(e.getMessage()), sentAt, Instant.now()));
        }
    }

    int sent() {
        return sent.get();
    }

    Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    List<Refused> refused() {
        return List.copyOf(refused);
    }

    List<Refused> refused(Predicate<Refused> which) {
        return refused.stream().filter(which).toList();
    }

    /** Refusals by status ({@code 0} = no answer), e.g. {503=41, 0=3}. */
    Map<Integer, Long> refusalsByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        refused.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    /** The load's rate, for the printed figures. */
    String rate() {
        return "%.1f complaints/s".formatted(1000.0 / every.toMillis());
    }
}
