package io.tikun.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;
import io.tikun.stack.StackOptions;

/**
 * Fault injection: the mail server refuses every connection (421, try later) for 60 s under a steady stream of
 * CRITICAL complaints, each of which owes a manager alert (routing) and an acknowledgement to the customer
 * (intake). Every mail due during the refusal is delivered afterwards, and exactly once: one message per mail,
 * never two copies of one Message-ID.
 */
@Tag("fault")
class SmtpRefusalIT {

    private static final Duration REFUSAL = Duration.ofSeconds(60);
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofMillis(500);
    /** Routing retries after 2, 4, 8 … 64 s: a mail refused from the first second is sent about 62 s later. */
    private static final Duration DRAIN = Duration.ofMinutes(4);

    private static LocalStack stack;

    @BeforeAll
    static void startTikun() throws IOException {
        stack = LocalStack.start(StackOptions.ephemeral(Files.createTempDirectory("tikun-smtp-refusal")));
    }

    @AfterAll
    static void stopTikun() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyMailDueWhileTheMailServerRefusesIsDeliveredExactlyOnceAfterwards() throws Exception {
        FaultTimeline timeline = new FaultTimeline();
        AtomicReference<Instant> refusing = new AtomicReference<>();
        AtomicReference<Instant> accepting = new AtomicReference<>();
        SteadyComplaintLoad load = SteadyComplaintLoad.critical(stack).start(EVERY);
        try (load) {
            timeline.hold("steady load", BEFORE_AND_AFTER);
            refusing.set(Instant.now());
            timeline.timed("SMTP refuses (421 on connect)", () -> stack.mail().refuseSmtp());
            timeline.hold("SMTP refusing", REFUSAL);
            timeline.timed("SMTP accepts again", () -> stack.mail().acceptSmtp());
            accepting.set(Instant.now());
            timeline.hold("steady load", BEFORE_AND_AFTER);
        }
        timeline.mark("load stopped");

        Map<String, SteadyComplaintLoad.Accepted> accepted = load.accepted();
        AtomicReference<List<DeliveryCounts>> counts = new AtomicReference<>();
        AtomicReference<List<CapturedMail>> mails = new AtomicReference<>();
        try {
            Awaitility.await().atMost(DRAIN).pollInterval(Duration.ofSeconds(2)).until(() -> {
                mails.set(stack.mail().messages());
                counts.set(List.of(
                        DeliveryCounts.of("manager alerts", accepted.keySet(), perComplaint(accepted, mails.get(),
                                (a, m) -> m.isTo(LocalStack.SERVICE_MANAGER_EMAIL) && m.subject().contains(a.reference()))),
                        DeliveryCounts.of("customer acknowledgements", accepted.keySet(), perComplaint(accepted,
                                mails.get(),
                                (a, m) -> m.isTo(a.email()) && m.subject().startsWith("[" + a.reference() + "]")))));
                return counts.get().stream().allMatch(DeliveryCounts::complete);
            });
        } catch (ConditionTimeoutException e) {
            // Reported through the counts (lost > 0), asserted below.
        }
        timeline.mark("drained");

        long dueDuringRefusal = accepted.values().stream()
                .filter(a -> a.at().isAfter(refusing.get()) && a.at().isBefore(accepting.get())).count();
        Map<String, Integer> copiesPerMessageId = new HashMap<>();
        mails.get().forEach(m -> copiesPerMessageId.merge(String.valueOf(m.header("Message-ID")), 1, Integer::sum));
        long repeatedMessageIds = copiesPerMessageId.values().stream().filter(copies -> copies > 1).count();
        timeline.report("SMTP refusing (%d s, 421)".formatted(REFUSAL.toSeconds()), load, counts.get(),
                "complaints accepted during the refusal (each owing 2 mails then): " + dueDuringRefusal,
                "messages received %d, distinct Message-IDs %d, Message-IDs received more than once %d".formatted(
                        mails.get().size(), copiesPerMessageId.size(), repeatedMessageIds));

        assertThat(load.refused()).as("complaints intake refused").isEmpty();
        assertThat(dueDuringRefusal).as("mails falling due during the refusal").isGreaterThan(REFUSAL.toSeconds());
        assertThat(repeatedMessageIds).as("Message-IDs delivered more than once").isZero();
        assertThat(counts.get()).allSatisfy(c -> assertThat(c.exactlyOnce()).as(c.toString()).isTrue());
    }

    /** How many of {@code mails} belong to each accepted complaint, by complaint id. */
    private static Map<String, Integer> perComplaint(Map<String, SteadyComplaintLoad.Accepted> accepted,
            List<CapturedMail> mails, MailOf belongs) {
        Map<String, Integer> counts = new HashMap<>();
        for (SteadyComplaintLoad.Accepted complaint : accepted.values()) {
            Predicate<CapturedMail> its = m -> belongs.test(complaint, m);
            counts.put(complaint.id(), (int) mails.stream().filter(its).count());
        }
        return counts;
    }

    @FunctionalInterface
    private interface MailOf {
        boolean test(SteadyComplaintLoad.Accepted complaint, CapturedMail mail);
    }
}
