package io.tikun.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.StackOptions;

/**
 * Fault injection: PostgreSQL, which routing and follow-up share, is stopped for 30 s under a steady stream of
 * web complaints and started again. Nobody restarts the services: they must reconnect by themselves, and every
 * accepted complaint becomes exactly one case and one follow-up record (nothing lost, nothing applied twice).
 */
@Tag("fault")
class PostgresRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofMillis(200);
    private static final Duration DRAIN = Duration.ofMinutes(4);
    private static final Duration RECOVERY = Duration.ofMinutes(2);

    private static LocalStack stack;

    @BeforeAll
    static void startTikun() throws IOException {
        stack = LocalStack.start(StackOptions.ephemeral(Files.createTempDirectory("tikun-pg-restart")).withPersistentData());
    }

    @AfterAll
    static void stopTikun() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void routingAndFollowUpRecoverByThemselvesAndEveryAcceptedComplaintBecomesOneCaseAndOneRecord() throws Exception {
        FaultTimeline timeline = new FaultTimeline();
        SteadyComplaintLoad load = SteadyComplaintLoad.ordinary(stack).start(EVERY);
        try (load) {
            timeline.hold("steady load", BEFORE_AND_AFTER);
            timeline.timed("PostgreSQL stopped (fast shutdown: connections cut)", () -> stack.postgres().stop());
            timeline.hold("PostgreSQL down", OUTAGE);
            timeline.timed("PostgreSQL started again", () -> stack.postgres().restart());
            for (ServiceProcess service : List.of(stack.routing(), stack.followup())) {
                await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                        .until(service::isReady);
                timeline.mark(service.name() + " ready again (same JVM, never restarted)");
            }
            timeline.hold("steady load", BEFORE_AND_AFTER);
        }
        timeline.mark("load stopped");

        List<DeliveryCounts> counts = DeliveryCounts.awaitCasesAndFollowUps(stack, load.accepted().keySet(), DRAIN);
        timeline.mark("drained");
        timeline.report("PostgreSQL restart (%d s down)".formatted(OUTAGE.toSeconds()), load, counts);

        assertThat(stack.routing().isAlive()).isTrue();
        assertThat(stack.followup().isAlive()).isTrue();
        assertThat(load.accepted()).hasSizeGreaterThan((int) (OUTAGE.toMillis() / EVERY.toMillis()));
        // Intake keeps complaints in MongoDB: a PostgreSQL outage is none of its business.
        assertThat(load.refused()).as("complaints intake refused").isEmpty();
        assertThat(counts).allSatisfy(c -> assertThat(c.exactlyOnce()).as(c.toString()).isTrue());
    }
}
