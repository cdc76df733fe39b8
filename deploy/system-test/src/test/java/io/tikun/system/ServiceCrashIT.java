package io.tikun.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.StackOptions;

/**
 * Fault injection: under a steady stream of web complaints each service in turn is SIGKILLed in the middle of
 * its work (open transactions, uncommitted offsets, outbox entries sent but not marked) and started again. No
 * accepted complaint is lost and none has a duplicate effect; complaints sent while intake was down got no
 * answer and are counted as refused (the sender still holds them), not as lost.
 */
@Tag("fault")
class ServiceCrashIT {

    private static final Duration STEADY = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofMillis(200);
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private static LocalStack stack;

    @BeforeAll
    static void startTikun() throws IOException {
        stack = LocalStack.start(StackOptions.ephemeral(Files.createTempDirectory("tikun-crash")));
    }

    @AfterAll
    static void stopTikun() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyServiceKilledMidBatchAndRestartedLosesNothingAndAppliesNothingTwice() throws Exception {
        FaultTimeline timeline = new FaultTimeline();
        List<String> restartTimes = new ArrayList<>();
        SteadyComplaintLoad load = SteadyComplaintLoad.ordinary(stack).start(EVERY);
        try (load) {
            timeline.hold("steady load", STEADY);
            for (ServiceProcess service : List.of(stack.intake(), stack.routing(), stack.followup())) {
                timeline.timed(service.name() + " killed (SIGKILL)", service::kill);
                Duration took = service.restart();
                timeline.mark(service.name() + " restarted and ready after " + took.toMillis() + " ms");
                restartTimes.add(service.name() + " " + took.toMillis() + " ms");
                timeline.hold("steady load", STEADY);
            }
        }
        timeline.mark("load stopped");

        List<DeliveryCounts> counts = DeliveryCounts.awaitCasesAndFollowUps(stack, load.accepted().keySet(), DRAIN);
        timeline.mark("drained");
        timeline.report("Each service SIGKILLed under load and restarted", load, counts,
                "restart to ready: " + String.join(", ", restartTimes));

        assertThat(load.accepted()).hasSizeGreaterThan((int) (3 * STEADY.toMillis() / EVERY.toMillis()));
        // Only intake's own absence may refuse a complaint, and then with no answer at all: no error was sent.
        assertThat(load.refused()).allSatisfy(r -> assertThat(r.status()).as("refusal %s", r)
                .isEqualTo(SteadyComplaintLoad.NO_ANSWER));
        assertThat(counts).allSatisfy(c -> assertThat(c.exactlyOnce()).as(c.toString()).isTrue());
    }
}
