package io.tikun.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.tikun.stack.Futures;
import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.StackOptions;

/**
 * One running Tikun in which intake, routing and follow-up each run twice (two JVMs on one database, one broker, one
 * consumer group), for the two-instance tests: started when the first of them begins, stopped when the whole test run
 * ends (JUnit closes what the root store holds). It carries every one of those tests' settings at once (claims, SLA
 * and promise timers of seconds, intake's mail through a {@link SlowSmtpRelay}), which is why it is not the
 * {@link SharedStack}; each test works with its own complaints, cases, promises and addresses and looks only at those.
 * A test may kill an instance: before each test class begins, every instance killed is started again and the relay
 * passes answers, so no class depends on what another did before it.
 */
public final class DoubledStack implements BeforeAllCallback {

    /**
     * How long an instance's claim on a piece of work lasts in every service (a message to mail, an event to publish,
     * an alert to send): what a killed instance had claimed is done by the other once this runs out.
     */
    static final Duration CLAIM_FOR = Duration.ofSeconds(10);
    /** How often intake's dispatcher and follow-up's deadline job, outbox and mail pass over what is due. */
    static final Duration PASS_EVERY = Duration.ofSeconds(1);

    /**
     * The delay of each SMTP answer to intake: a send takes several round trips, so TwoIntakeInstancesIT's batch is
     * still under way when it kills an instance.
     */
    static final Duration SMTP_LATENCY = Duration.ofMillis(25);
    /** The name each intake gives itself in EHLO, which the mail sandbox writes into each mail's Received header. */
    static final String FIRST_HELO = "first.intake.test";
    static final String SECOND_HELO = "second.intake.test";

    /**
     * Routing's first-response target for MEDIUM cases, around the clock: TwoRoutingInstancesIT's cases climb their
     * first rung seconds after they open.
     */
    static final Duration FIRST_RESPONSE = Duration.ofSeconds(6);
    /** How long an escalated case waits on its rung before it climbs the next. */
    static final Duration RE_ESCALATE_AFTER = Duration.ofSeconds(5);

    /** How long before its due time a promise nobody claims done is due soon (its owner is reminded). */
    static final Duration DUE_SOON_BEFORE = Duration.ofSeconds(5);
    /** How long after its due time an overdue promise is broken (the service manager is told). */
    static final Duration GRACE_PERIOD = Duration.ofSeconds(5);
    /** Follow-up mails a promise's owner at {@code <owner>@STAFF_DOMAIN}. */
    static final String STAFF_DOMAIN = "tikun.local";

    private static final List<String> MODULES = List.of(LocalStack.INTAKE, LocalStack.ROUTING, LocalStack.FOLLOWUP);

    private static volatile Running started;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(DoubledStack.class, key -> start(), Running.class)
                .undoEarlierFaults();
    }

    /** The doubled stack; only in a class extended with {@code @ExtendWith(DoubledStack.class)}. */
    static LocalStack stack() {
        return running().stack();
    }

    /** The relay intake's mail goes through (both instances). */
    static SlowSmtpRelay smtpRelay() {
        return running().relay();
    }

    /** The instance of {@code module} the stack started with. */
    static ServiceProcess first(String module) {
        return firstOf(stack(), module);
    }

    private static ServiceProcess firstOf(LocalStack stack, String module) {
        return switch (module) {
            case LocalStack.INTAKE -> stack.intake();
            case LocalStack.ROUTING -> stack.routing();
            case LocalStack.FOLLOWUP -> stack.followup();
            default -> throw new IllegalArgumentException("no such service: " + module);
        };
    }

    /** The second instance of {@code module}. */
    static ServiceProcess second(String module) {
        ServiceProcess second = running().seconds().get(module);
        if (second == null) {
            throw new IllegalArgumentException("no such service: " + module);
        }
        return second;
    }

    private static Running running() {
        Running running = started;
        if (running == null) {
            throw new IllegalStateException("no doubled stack: extend the test class with DoubledStack");
        }
        return running;
    }

    private static Running start() {
        SlowSmtpRelay relay = SlowSmtpRelay.start(SMTP_LATENCY);
        try {
            StackOptions options = StackOptions.ephemeral(Files.createTempDirectory("tikun-doubled"))
                    .withEnvironment(LocalStack.INTAKE, intakeEnvironment(relay.port()))
                    .withEnvironment(LocalStack.ROUTING, routingEnvironment())
                    .withEnvironment(LocalStack.FOLLOWUP, followupEnvironment());
            LocalStack stack = LocalStack.start(options);
            try {
                relay.forwardTo(stack.mail().smtpPort());
                started = new Running(stack, relay, startSecondInstances(stack));
                return started;
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        } catch (IOException e) {
            relay.close();
            throw new UncheckedIOException("no directory for the doubled stack", e);
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    private static Map<String, String> intakeEnvironment(int relayPort) {
        return Map.of(
                "QUARKUS_MAILER_PORT", Integer.toString(relayPort),
                "QUARKUS_MAILER_OWN_HOST_NAME", FIRST_HELO,
                "TIKUN_INTAKE_OUTBOUND_CLAIM_FOR", CLAIM_FOR.toString(),
                "TIKUN_INTAKE_OUTBOUND_DISPATCH_EVERY", PASS_EVERY.toString(),
                // One pass goes on while anything is due: the kill must find both instances sending.
                "TIKUN_INTAKE_OUTBOUND_BATCH_SIZE", Integer.toString(TwoIntakeInstancesIT.MESSAGES));
    }

    private static Map<String, String> routingEnvironment() {
        return Map.of(
                "TIKUN_ROUTING_SLA_FIRST_RESPONSE_MEDIUM", FIRST_RESPONSE.toString(),
                "TIKUN_ROUTING_SLA_AROUND_THE_CLOCK_MEDIUM", "true",
                "TIKUN_ROUTING_ESCALATION_RE_ESCALATE_AFTER", RE_ESCALATE_AFTER.toString(),
                "TIKUN_ROUTING_OUTBOX_CLAIM_FOR", CLAIM_FOR.toString(),
                "TIKUN_ROUTING_NOTIFICATIONS_DELIVERY_CLAIM_FOR", CLAIM_FOR.toString());
    }

    private static Map<String, String> followupEnvironment() {
        return Map.of(
                "TIKUN_FOLLOWUP_JOBS_EVERY", PASS_EVERY.toString(),
                "TIKUN_FOLLOWUP_OUTBOX_EVERY", PASS_EVERY.toString(),
                "TIKUN_FOLLOWUP_OUTBOX_CLAIM_FOR", CLAIM_FOR.toString(),
                "TIKUN_FOLLOWUP_MAIL_EVERY", PASS_EVERY.toString(),
                "TIKUN_FOLLOWUP_MAIL_CLAIM_FOR", CLAIM_FOR.toString(),
                "TIKUN_FOLLOWUP_MAIL_STAFF_DOMAIN", STAFF_DOMAIN,
                "TIKUN_FOLLOWUP_LIFECYCLE_DUE_SOON_BEFORE", DUE_SOON_BEFORE.toString(),
                "TIKUN_FOLLOWUP_LIFECYCLE_GRACE_PERIOD", GRACE_PERIOD.toString());
    }

    /**
     * Starts the three second instances together, as the stack starts the first ones; the second intake gives another
     * name to the mail server, so that a mail tells which intake sent it.
     */
    private static Map<String, ServiceProcess> startSecondInstances(LocalStack stack) {
        Map<String, CompletableFuture<ServiceProcess>> starts = new LinkedHashMap<>();
        for (String module : MODULES) {
            Map<String, String> secondOnly = LocalStack.INTAKE.equals(module)
                    ? Map.of("QUARKUS_MAILER_OWN_HOST_NAME", SECOND_HELO)
                    : Map.of();
            starts.put(module, CompletableFuture.supplyAsync(() -> stack.startInstance(module, secondOnly)));
        }
        // Every start ends before the stack may be closed for one that failed.
        CompletableFuture.allOf(starts.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Map<String, ServiceProcess> seconds = new LinkedHashMap<>();
        starts.forEach((module, start) -> seconds.put(module, Futures.join(start)));
        return Map.copyOf(seconds);
    }

    /** The stack, intake's relay and the second instance of each service; closed by JUnit after the last class. */
    private record Running(LocalStack stack, SlowSmtpRelay relay, Map<String, ServiceProcess> seconds)
            implements
                ExtensionContext.Store.CloseableResource,
                AutoCloseable {

        /**
         * Starts again, together, every instance an earlier class killed (and left dead), and lets the relay's
         * answers through should an earlier class have failed while holding them.
         */
        void undoEarlierFaults() {
            relay.releaseAnswers();
            List<ServiceProcess> killed = instances().stream().filter(instance -> !instance.isAlive()).toList();
            List<CompletableFuture<Duration>> restarts = killed.stream()
                    .map(instance -> CompletableFuture.supplyAsync(instance::restart)).toList();
            for (int i = 0; i < killed.size(); i++) {
                System.out.printf("%n[doubled stack] %s, killed by an earlier test class, ready again in %d ms%n",
                        killed.get(i).instance(), Futures.join(restarts.get(i)).toMillis());
            }
        }

        /** Every instance of every service, the first ones and the second ones. */
        private List<ServiceProcess> instances() {
            return MODULES.stream().flatMap(module -> Stream.of(firstOf(stack, module), seconds.get(module))).toList();
        }

        @Override
        public void close() {
            started = null;
            // Each service takes seconds to stop gracefully: the six stop together, then the stack stops its servers
            // (and tries again, reporting it, to stop a service that failed to stop here).
            CompletableFuture.allOf(instances().stream()
                    .map(instance -> CompletableFuture.runAsync(instance::close))
                    .toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            stack.close();
            relay.close();
        }
    }
}
