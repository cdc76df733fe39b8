package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tikun.stack.LocalStack;
import io.tikun.stack.PostgresServer;
import io.tikun.stack.StackOptions;

/**
 * Fault injection: the broker is killed (SIGKILL) for 30 s under a steady stream of web complaints.
 * Intake keeps accepting and stays ready (its outbox holds the events), and afterwards every accepted
 * complaint has become exactly one case in routing and one complaint record in follow-up: counts of
 * accepted, delivered, duplicated and lost are printed.
 */
class KafkaOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(10);
    private static final long EVERY_MILLIS = 200;
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private static LocalStack stack;

    @BeforeAll
    static void startTikun() throws IOException {
        stack = LocalStack.start(StackOptions.ephemeral(Files.createTempDirectory("tikun-fault")));
    }

    @AfterAll
    static void stopTikun() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyComplaintAcceptedWhileTheBrokerIsDownBecomesExactlyOneCaseAndOneFollowUpRecord() throws Exception {
        String token = new KeycloakTokens(stack.keycloak()).channel();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger unreadyDuringOutage = new AtomicInteger();
        AtomicInteger readinessChecks = new AtomicInteger();

        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        load.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            Response response = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("""
                            {"channel":"web","customer":{"name":"Outage %1$d","email":"outage-%1$d@example.com"},
                             "subject":"Order %1$d late","body":"My order %1$d has not arrived yet."}""".formatted(n))
                    .post(stack.intake().url() + "/api/v1/complaints");
            if (response.statusCode() == 202 || response.statusCode() == 201) {
                accepted.add(response.jsonPath().getString("id"));
            } else {
                refusals.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            }
        }, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        try {
            awaitSteps(BEFORE_AND_AFTER);
            stack.kafka().kill();
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < outageEnds) {
                readinessChecks.incrementAndGet();
                if (given().get(stack.intake().managementUrl() + "/q/health/ready").statusCode() != 200) {
                    unreadyDuringOutage.incrementAndGet();
                }
                awaitSteps(Duration.ofSeconds(1));
            }
            stack.kafka().restart();
            awaitSteps(BEFORE_AND_AFTER);
        } finally {
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        Map<String, Integer> cases = new HashMap<>();
        Map<String, Integer> followUps = new HashMap<>();
        await().atMost(DRAIN).pollInterval(Duration.ofSeconds(2)).until(() -> {
            cases.clear();
            cases.putAll(countPerComplaint("select complaint_id, count(*) from routing.support_case group by complaint_id"));
            followUps.clear();
            followUps.putAll(countPerComplaint(
                    "select complaint_id, count(*) from followup.customer_complaint group by complaint_id"));
            return cases.keySet().containsAll(accepted) && followUps.keySet().containsAll(accepted);
        });

        long lostCases = accepted.stream().filter(id -> !cases.containsKey(id)).count();
        long lostFollowUps = accepted.stream().filter(id -> !followUps.containsKey(id)).count();
        long duplicatedCases = accepted.stream().filter(id -> cases.getOrDefault(id, 0) > 1).count();
        long duplicatedFollowUps = accepted.stream().filter(id -> followUps.getOrDefault(id, 0) > 1).count();
        System.out.printf("""
                Kafka outage (%d s, SIGKILL) under %d complaints/s:
                  sent %d, accepted %d, refused %s
                  cases: delivered %d, duplicated %d, lost %d
                  follow-up records: delivered %d, duplicated %d, lost %d
                  intake readiness during the outage: %d of %d checks not ready
                """, OUTAGE.toSeconds(), 1000 / EVERY_MILLIS, sent.get(), accepted.size(), refusals,
                accepted.size() - lostCases, duplicatedCases, lostCases, accepted.size() - lostFollowUps,
                duplicatedFollowUps, lostFollowUps, unreadyDuringOutage.get(), readinessChecks.get());

        assertThat(accepted).hasSizeGreaterThan((int) (OUTAGE.toMillis() / EVERY_MILLIS));
        assertThat(refusals).as("complaints intake refused").isEmpty();
        assertThat(List.of(lostCases, duplicatedCases, lostFollowUps, duplicatedFollowUps)).containsOnly(0L);
        assertThat(unreadyDuringOutage.get()).as("readiness checks answered not ready while Kafka was down").isZero();
    }

    /**
     * Lets one step of the scenario's timeline pass (the load runs on its own thread meanwhile): the
     * outage lasts a given time by definition, this is not a wait standing in for a condition.
     */
    private static void awaitSteps(Duration step) throws InterruptedException {
        Thread.sleep(step.toMillis());
    }

    private static Map<String, Integer> countPerComplaint(String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        String url = "jdbc:postgresql://127.0.0.1:" + stack.postgres().port() + "/" + LocalStack.DATABASE;
        try (Connection db = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
