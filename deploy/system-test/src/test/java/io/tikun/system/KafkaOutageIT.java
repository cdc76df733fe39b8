package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * Fault injection: the broker is killed (SIGKILL) for 30 s under a steady stream of web complaints.
 * Intake keeps accepting and stays ready (its outbox holds the events), and afterwards every accepted
 * complaint has become exactly one case in routing and one complaint record in follow-up.
 */
@Tag("fault")
class KafkaOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofMillis(200);
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
        FaultTimeline timeline = new FaultTimeline();
        AtomicInteger readinessChecks = new AtomicInteger();
        AtomicInteger unready = new AtomicInteger();
        SteadyComplaintLoad load = SteadyComplaintLoad.ordinary(stack).start(EVERY);
        try (load) {
            timeline.hold("steady load", BEFORE_AND_AFTER);
            timeline.timed("Kafka killed (SIGKILL)", () -> stack.kafka().kill());
            timeline.hold("broker down", OUTAGE, Duration.ofSeconds(1), () -> {
                readinessChecks.incrementAndGet();
                if (given().get(stack.intake().managementUrl() + "/q/health/ready").statusCode() != 200) {
                    unready.incrementAndGet();
                }
            });
            timeline.timed("Kafka restarted", () -> stack.kafka().restart());
            timeline.hold("steady load", BEFORE_AND_AFTER);
        }
        timeline.mark("load stopped");

        List<DeliveryCounts> counts = DeliveryCounts.awaitCasesAndFollowUps(stack, load.accepted().keySet(), DRAIN);
        timeline.mark("drained");
        timeline.report("Kafka outage (%d s, SIGKILL)".formatted(OUTAGE.toSeconds()), load, counts,
                "intake readiness during the outage: %d of %d checks not ready".formatted(unready.get(),
                        readinessChecks.get()));

        assertThat(load.accepted()).hasSizeGreaterThan((int) (OUTAGE.toMillis() / EVERY.toMillis()));
        assertThat(load.refused()).as("complaints intake refused").isEmpty();
        assertThat(counts).allSatisfy(c -> assertThat(c.exactlyOnce()).as(c.toString()).isTrue());
        assertThat(unready.get()).as("readiness checks answered not ready while Kafka was down").isZero();
    }
}
