package io.tikun.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.tikun.stack.LocalStack;
import io.tikun.stack.PostgresServer;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.StackOptions;

/**
 * How fast one routing instance drains a backlog of {@code complaints.received}: the events are produced into Kafka
 * while routing is stopped, then routing is started and the time until every case exists is measured, with intake
 * batches off ({@code TIKUN_ROUTING_INTAKE_BATCH=false}, one transaction per event) and on, in the same run.
 */
public final class DrainBenchmark {

    private static final Duration POLL = Duration.ofMillis(200);

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int events = arguments.integer("events", 20_000);
        // One transaction per event is slow: a smaller backlog gives its rate in reasonable time.
        int eventsOff = arguments.integer("events-off", 3_000);
        Duration wait = arguments.duration("wait", Duration.ofMinutes(20));
        long seed = arguments.integer("seed", 20261206);
        // HIGH and CRITICAL (they alert the manager): 20% as in a day's mix; 0 is the ordinary lane while intake's
        // urgent lane is on.
        int severe = arguments.integer("severe-percent", 20);
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));

        Path data = Files.createTempDirectory("tikun-drain-");
        try (LocalStack stack = LocalStack.start(StackOptions.ephemeral(data).withServices())) {
            // Batches off first: the batched phase then runs on the larger table, which can only slow it.
            Phase off = drain(stack, "drain-off", eventsOff, false, seed, severe, wait);
            Phase on = drain(stack, "drain-on", events, true, seed + 1, severe, wait);
            new ResultsFile(results).append("Routing drains a backlog", report(off, on));
        }
    }

    /** One phase's backlog and what draining it took. */
    private record Phase(String prefix, boolean batch, DrainBacklog backlog, int opened, Duration launchToLast,
            Duration firstToLast, double loadBefore, double loadAfter) {

        double eventsPerSecond() {
            return backlog.size() / seconds(firstToLast);
        }

        double eventsPerSecondFromLaunch() {
            return backlog.size() / seconds(launchToLast);
        }
    }

    private static Phase drain(LocalStack stack, String prefix, int events, boolean batch, long seed, int severe,
            Duration wait) throws Exception {
        DrainBacklog backlog = DrainBacklog.generate(prefix, events, seed, severe);
        backlog.produce(stack.kafka().bootstrapServers());
        String url = "jdbc:" + stack.postgres().reactiveUrl(LocalStack.DATABASE);
        double loadBefore = load();
        Instant launched = Instant.now();
        CompletableFuture<ServiceProcess> routing = CompletableFuture.supplyAsync(() -> stack.startInstance(
                LocalStack.ROUTING, Map.of("TIKUN_ROUTING_INTAKE_BATCH", Boolean.toString(batch))));
        Instant giveUp = launched.plus(wait);
        int opened = 0;
        Instant doneAt = null;
        try (Connection db = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            while (Instant.now().isBefore(giveUp)) {
                opened = count(db, prefix);
                if (opened >= backlog.complaints()) {
                    doneAt = Instant.now();
                    break;
                }
                Thread.sleep(POLL.toMillis());
            }
            Instant[] span = span(db, prefix);
            ServiceProcess instance = routing.join();
            instance.close();
            if (doneAt == null) {
                throw new IllegalStateException(prefix + ": " + opened + " of " + backlog.complaints()
                        + " cases after " + wait);
            }
            return new Phase(prefix, batch, backlog, opened, Duration.between(launched, doneAt),
                    Duration.between(span[0], span[1]), loadBefore, load());
        }
    }

    private static int count(Connection db, String prefix) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select count(*) from routing.support_case where complaint_id like ?")) {
            query.setString(1, prefix + "-%");
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            } catch (SQLException tableNotYetMigrated) {
                return 0;
            }
        } catch (SQLException beforeFlyway) {
            return 0;
        }
    }

    /** When the phase's first and last cases were opened (routing's clock, the same machine). */
    private static Instant[] span(Connection db, String prefix) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select min(opened_at), max(opened_at) from routing.support_case where complaint_id like ?")) {
            query.setString(1, prefix + "-%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Timestamp first = rows.getTimestamp(1);
                Timestamp last = rows.getTimestamp(2);
                return new Instant[] { first.toInstant(), last.toInstant() };
            }
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(Duration d) {
        return Math.max(1, d.toMillis()) / 1000.0;
    }

    private static String report(Phase off, Phase on) {
        StringBuilder out = new StringBuilder(String.format(
                """
                        One routing instance (packaged, default settings but for the switch) drains a backlog produced into
                        `complaints.received` while it was stopped (Kafka %d partitions, PostgreSQL, GreenMail and Keycloak on this
                        machine; intake not running). Each backlog: intake's contract examples as the shape, about 89%% new
                        complaints (LOW 45%%, MEDIUM 35%%, HIGH 15%%, CRITICAL 5%%: HIGH and CRITICAL alert the manager by mail and
                        stream, repeats climb a rung, CRITICAL repeats owe a callback), 10%% further messages on a customer's
                        earlier complaint, 1%% redeliveries; about three complaints per customer. Batches off ran first, so the
                        batched phase ran on the larger tables. "first → last case" is the span of `opened_at` (from the
                        commit of the first batch); "launch → all" includes the JVM start (about 10–20 s here).

                        | `tikun.routing.intake.batch` | events | cases | messages | redeliveries | first → last case | events/s | launch → all | events/s incl. start | load avg before → after |
                        |---|---|---|---|---|---|---|---|---|---|
                        """,
                3));
        for (Phase p : new Phase[] { off, on }) {
            out.append(String.format("| %s | %d | %d | %d | %d | %.1f s | **%.0f** | %.1f s | %.0f | %.2f → %.2f |%n",
                    p.batch(), p.backlog().size(), p.opened(), p.backlog().messages(), p.backlog().redeliveries(),
                    seconds(p.firstToLast()), p.eventsPerSecond(), seconds(p.launchToLast()),
                    p.eventsPerSecondFromLaunch(), p.loadBefore(), p.loadAfter()));
        }
        out.append(
                String.format("%nSeverities (batched phase): %s. Batched drain: %.1f× the rate of one transaction per event.%n",
                        on.backlog().severities(), on.eventsPerSecond() / off.eventsPerSecond()));
        return out.toString();
    }
}
