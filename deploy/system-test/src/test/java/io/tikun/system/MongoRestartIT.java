package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * Fault injection: intake's MongoDB-protocol server (its data on disk) is stopped for 30 s under a steady stream
 * of web complaints and started again. While it is down intake acknowledges nothing: it answers 503 problem+json
 * with Retry-After. It recovers by itself, every complaint it did accept is still there, and each became exactly
 * one case and one follow-up record.
 */
@Tag("fault")
class MongoRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofMillis(200);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final Duration RECOVERY = Duration.ofMinutes(1);

    private static LocalStack stack;

    @BeforeAll
    static void startTikun() throws IOException {
        stack = LocalStack.start(StackOptions.ephemeral(Files.createTempDirectory("tikun-mongo-restart")).withPersistentData());
    }

    @AfterAll
    static void stopTikun() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void intakeAnswers503WhileItsDatabaseIsDownThenRecoversAndEveryAcceptedComplaintBecomesOneCase() throws Exception {
        FaultTimeline timeline = new FaultTimeline();
        AtomicReference<Instant> stopped = new AtomicReference<>();
        AtomicReference<Instant> restarted = new AtomicReference<>();
        SteadyComplaintLoad load = SteadyComplaintLoad.ordinary(stack).start(EVERY);
        try (load) {
            timeline.hold("steady load", BEFORE_AND_AFTER);
            timeline.timed("MongoDB-protocol server stopped (connections dropped)", () -> stack.mongo().stop());
            stopped.set(Instant.now());
            timeline.hold("MongoDB down", OUTAGE);
            timeline.timed("MongoDB-protocol server started again (same port and file)", () -> stack.mongo().restart());
            restarted.set(Instant.now());
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(stack.intake()::isReady);
            timeline.mark("intake ready again (same JVM, never restarted)");
            timeline.hold("steady load", BEFORE_AND_AFTER);
        }
        timeline.mark("load stopped");

        String manager = new KeycloakTokens(stack.keycloak()).user("manager");
        long missingFromIntake = load.accepted().keySet().stream().filter(id -> given().auth().oauth2(manager)
                .get(stack.intake().url() + "/api/v1/complaints/" + id).statusCode() != 200).count();
        List<DeliveryCounts> counts = DeliveryCounts.awaitCasesAndFollowUps(stack, load.accepted().keySet(), DRAIN);
        timeline.mark("drained");
        long acceptedWhileDown = load.accepted().values().stream()
                .filter(a -> a.sentAt().isAfter(stopped.get()) && a.at().isBefore(restarted.get())).count();
        long acceptedAfter = load.accepted().values().stream().filter(a -> a.sentAt().isAfter(restarted.get())).count();
        timeline.report("MongoDB-protocol server restart (%d s down)".formatted(OUTAGE.toSeconds()), load, counts,
                "accepted complaints no longer in intake's store: " + missingFromIntake,
                "acknowledged while the server was down: %d; accepted after it was back: %d".formatted(acceptedWhileDown,
                        acceptedAfter));

        assertThat(load.refused()).as("the outage must show as refusals").isNotEmpty();
        assertThat(load.refused()).allSatisfy(r -> {
            assertThat(r.status()).as("refusal %s", r).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.retryAfter()).isEqualTo("5");
        });
        assertThat(acceptedWhileDown).as("acknowledged without a database to store them in").isZero();
        assertThat(acceptedAfter).as("accepted again once the database was back").isPositive();
        assertThat(missingFromIntake).as("accepted complaints lost from intake's store").isZero();
        assertThat(counts).allSatisfy(c -> assertThat(c.exactlyOnce()).as(c.toString()).isTrue());
    }
}
