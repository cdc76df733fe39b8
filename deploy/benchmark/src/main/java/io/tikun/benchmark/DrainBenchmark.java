package io.tikun.benchmark;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.tikun.stack.LocalStack;
import io.tikun.stack.PostgresServer;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.StackOptions;
import io.tikun.stack.testing.SseClient;

/**
 * How fast one routing instance drains a backlog of {@code complaints.received}: the events are produced into Kafka
 * while routing is stopped, then routing is started and the time until every case exists is measured, with intake
 * batches off ({@code TIKUN_ROUTING_INTAKE_BATCH=false}, one transaction per event) and on, in the same run; then a
 * routing warmed by one backlog drains another, and (with {@code --two-instances}) the batched cold and warm drains are
 * repeated by two routing instances in one consumer group.
 */
public final class DrainBenchmark {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int PROFILE_INTERVAL_MS = 5;

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        int events = arguments.integer("events", 20_000);
        // One transaction per event is slow: a smaller backlog gives its rate in reasonable time.
        int eventsOff = arguments.integer("events-off", 3_000);
        // A backlog of this size first warms a running routing up, then one more is produced and drained (0: no warm
        // phase): how fast a JVM that has compiled its hot code drains, beside the freshly started one above.
        int warmEvents = arguments.integer("warm-events", events);
        Duration wait = arguments.duration("wait", Duration.ofMinutes(20));
        long seed = arguments.integer("seed", 20261206);
        // HIGH and CRITICAL (they alert the manager): 20% as in a day's mix; 0 is the ordinary lane while intake's
        // urgent lane is on.
        int severe = arguments.integer("severe-percent", 20);
        Path results = arguments.path("results", Path.of("deploy/benchmark/RESULTS.md"));
        // async-profiler: on the cold batched phase from the JVM's start to its stop, on the warm one for its drain.
        boolean profile = Boolean.parseBoolean(arguments.text("profile", "false"));
        // Options for every routing JVM of the run (e.g. -XX:TieredStopAtLevel=1), reported with the results.
        String jvmOptions = arguments.text("routing-jvm-options", "");
        // A manager's live stream (SSE) open on the warm routing throughout its measured drain, as a console would be:
        // each stream notification is then read back and pushed (with none open, routing reads nothing back).
        boolean managerStream = Boolean.parseBoolean(arguments.text("manager-stream", "true"));
        // The same cold and warm drains again with two routing instances in one consumer group (issue 14, item 5):
        // how the rate changes when a second JVM shares the partitions and this machine's two cores.
        boolean twoInstances = Boolean.parseBoolean(arguments.text("two-instances", "true"));

        Path data = Files.createTempDirectory("tikun-drain-");
        AsyncProfilerAgent profiler = profile ? AsyncProfilerAgent.extractTo(data) : null;
        try (LocalStack stack = LocalStack.start(StackOptions.ephemeral(data).withServices())) {
            Drain drain = new Drain(stack, severe, wait, jvmOptions, managerStream);
            // Batches off first: the batched phases then run on the larger table, which can only slow them.
            Phase off = drain.cold("drain-off", eventsOff, false, seed, null, 1);
            Path coldProfile = profile ? data.resolve("routing-cold.collapsed") : null;
            Phase on = drain.cold("drain-on", events, true, seed + 1, coldProfile == null ? null
                    : profiler.javaToolOptions(coldProfile, PROFILE_INTERVAL_MS), 1);
            Path warmProfile = profile ? data.resolve("routing-warm.collapsed") : null;
            Phase warm = warmEvents > 0 ? drain.warm("drain-warm", warmEvents, seed + 2, profiler, warmProfile, 1)
                    : null;
            // Same sizes and mixes (the seeds give other customers and ids), no profiler: two JVMs to sample would
            // not compare with one.
            Phase onTwo = twoInstances ? drain.cold("drain-on2", events, true, seed + 3, null, 2) : null;
            Phase warmTwo = twoInstances && warmEvents > 0
                    ? drain.warm("drain-warm2", warmEvents, seed + 4, null, null, 2)
                    : null;
            StringBuilder report = new StringBuilder(report(off, on, warm, jvmOptions));
            if (onTwo != null) {
                report.append(twoInstancesReport(on, warm, onTwo, warmTwo));
            }
            if (coldProfile != null) {
                report.append(coldProfileReport(CollapsedProfile.read(coldProfile), on));
            }
            if (warm != null && warmProfile != null) {
                report.append(warmProfileReport(CollapsedProfile.read(warmProfile), warm));
            }
            for (Phase measured : Arrays.asList(warm, warmTwo)) {
                if (measured != null && measured.machine() != null) {
                    report.append(String.format("""

                            **Where the machine's CPU went, %s** (every process's CPU time from the kernel, from producing
                            the backlog to its last case; the benchmark's JVM produces the backlog and reads the cases).

                            """, measured.mode())).append(measured.machine());
                }
            }
            new ResultsFile(results).append("Routing drains a backlog", report.toString());
        }
    }

    /**
     * One phase's backlog and what draining it took: {@code cpu} is the CPU time of its routing JVMs, from their launch
     * (cold) or from producing the backlog (warm) to the last case, each instance's in the order started.
     */
    private record Phase(String prefix, String mode, DrainBacklog backlog, int opened, Duration launchToLast,
            Duration firstToLast, double loadBefore, double loadAfter, int streamed, List<Duration> cpu,
            String machine) {

        /** Without a live stream open, nor the machine's CPU read. */
        Phase(String prefix, String mode, DrainBacklog backlog, int opened, Duration launchToLast, Duration firstToLast,
                double loadBefore, double loadAfter, List<Duration> cpu) {
            this(prefix, mode, backlog, opened, launchToLast, firstToLast, loadBefore, loadAfter, -1, cpu, null);
        }

        int instances() {
            return cpu.size();
        }

        /** Milliseconds of routing CPU (all instances) per event of the backlog. */
        double cpuMillisPerEvent() {
            return cpu.stream().mapToLong(Duration::toMillis).sum() / (double) backlog.size();
        }

        double eventsPerSecond() {
            return backlog.size() / seconds(firstToLast);
        }

        double eventsPerSecondFromLaunch() {
            return backlog.size() / seconds(launchToLast);
        }
    }

    /** Drains backlogs through routing instances started on one stack. */
    private record Drain(LocalStack stack, int severe, Duration patience, String jvmOptions, boolean managerStream) {

        private Map<String, String> environment(boolean batch, String toolOptions) {
            Map<String, String> environment = new HashMap<>(
                    Map.of("TIKUN_ROUTING_INTAKE_BATCH", Boolean.toString(batch)));
            String options = (jvmOptions + " " + (toolOptions == null ? "" : toolOptions)).strip();
            if (!options.isEmpty()) {
                environment.put("JAVA_TOOL_OPTIONS", options);
            }
            return environment;
        }

        /**
         * A backlog produced while routing is stopped, drained by {@code instances} routings started together
         * afterwards (their JIT cold).
         */
        Phase cold(String prefix, int events, boolean batch, long seed, String toolOptions, int instances)
                throws Exception {
            DrainBacklog backlog = DrainBacklog.generate(prefix, events, seed, severe);
            backlog.produce(stack.kafka().bootstrapServers());
            double loadBefore = load();
            Instant launched = Instant.now();
            List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                starting.add(CompletableFuture
                        .supplyAsync(() -> stack.startInstance(LocalStack.ROUTING, environment(batch, toolOptions))));
            }
            try (Connection db = connect()) {
                Instant doneAt = awaitCases(db, prefix, backlog.complaints(), launched.plus(patience));
                Instant[] span = span(db, prefix);
                List<ServiceProcess> routings = starting.stream().map(CompletableFuture::join).toList();
                List<Duration> cpu = routings.stream().map(DrainBenchmark::cpuTime).toList();
                routings.forEach(ServiceProcess::close);
                String mode = batch ? "batched, JVM started on the backlog" : "one transaction per event";
                return new Phase(prefix, instances == 1 ? mode : mode + ", " + instances + " instances", backlog,
                        count(db, prefix), Duration.between(launched, doneAt), Duration.between(span[0], span[1]),
                        loadBefore, load(), cpu);
            }
        }

        /**
         * {@code instances} routings that have drained a backlog of the same size and mix together (their hot code
         * compiled) drain another, produced while they run: the producer writes it in a few seconds, far faster than
         * routing drains, so it is a backlog almost at once. With {@code profiler} (one instance), only the second
         * drain is sampled. The manager's stream, if any, is open on the first instance, as a console is on one pod.
         */
        Phase warm(String prefix, int events, long seed, AsyncProfilerAgent profiler, Path collapsed, int instances)
                throws Exception {
            List<ServiceProcess> routings = new ArrayList<>();
            try (Connection db = connect()) {
                for (int i = 0; i < instances; i++) {
                    routings.add(stack.startInstance(LocalStack.ROUTING, environment(true, null)));
                }
                DrainBacklog warmUp = DrainBacklog.generate(prefix + "up", events, seed, severe);
                warmUp.produce(stack.kafka().bootstrapServers());
                awaitCases(db, prefix + "up", warmUp.complaints(), Instant.now().plus(patience));
                SseClient stream = managerStream ? openManagerStream(routings.get(0)) : null;
                try {
                    return warmDrain(routings, db, prefix, events, seed, profiler, collapsed, stream);
                } finally {
                    if (stream != null) {
                        stream.close();
                    }
                }
            } finally {
                routings.forEach(ServiceProcess::close);
            }
        }

        /** A manager's live stream on {@code routing}, once it has said {@code ready}. */
        private SseClient openManagerStream(ServiceProcess routing) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = new ChannelTokens(client, stack.keycloak().tokenUrl()).user("manager", "manager");
            SseClient stream = SseClient.open(routing.url() + "/api/v1/notifications/stream", token);
            Instant giveUp = Instant.now().plus(patience);
            while (stream.named("ready").isEmpty()) {
                if (Instant.now().isAfter(giveUp)) {
                    stream.close();
                    throw new IllegalStateException("the manager's live stream said nothing by " + giveUp);
                }
                Thread.sleep(POLL.toMillis());
            }
            return stream;
        }

        private Phase warmDrain(List<ServiceProcess> routings, Connection db, String prefix, int events, long seed,
                AsyncProfilerAgent profiler, Path collapsed, SseClient stream) throws Exception {
            DrainBacklog backlog = DrainBacklog.generate(prefix, events, seed + 1, severe);
            double loadBefore = load();
            int streamedBefore = streamed(stream);
            ServiceProcess profiled = routings.get(0);
            if (profiler != null) {
                profiler.start(profiled.pid(), PROFILE_INTERVAL_MS);
            }
            List<Duration> cpuBefore = routings.stream().map(DrainBenchmark::cpuTime).toList();
            MachineCpu.Snapshot machineBefore = MachineCpu.take();
            Instant produced = Instant.now();
            backlog.produce(stack.kafka().bootstrapServers());
            Instant doneAt = awaitCases(db, prefix, backlog.complaints(), produced.plus(patience));
            MachineCpu.Snapshot machineAfter = MachineCpu.take();
            Map<Long, String> routingNames = new HashMap<>();
            for (int i = 0; i < routings.size(); i++) {
                routingNames.put(routings.get(i).pid(), routings.size() == 1 ? "routing" : "routing " + (i + 1));
            }
            List<Duration> cpu = new ArrayList<>();
            for (int i = 0; i < routings.size(); i++) {
                cpu.add(cpuTime(routings.get(i)).minus(cpuBefore.get(i)));
            }
            if (profiler != null) {
                profiler.stop(profiled.pid(), collapsed);
            }
            Instant[] span = span(db, prefix);
            String mode = "batched, JVM" + (routings.size() == 1 ? "" : "s") + " warmed by one backlog"
                    + (routings.size() == 1 ? "" : ", " + routings.size() + " instances")
                    + (stream == null ? "" : ", a manager's live stream open");
            return new Phase(prefix, mode, backlog, count(db, prefix), Duration.between(produced, doneAt),
                    Duration.between(span[0], span[1]), loadBefore, load(),
                    stream == null ? -1 : streamed(stream) - streamedBefore, List.copyOf(cpu),
                    MachineCpu.report(machineBefore, machineAfter, routingNames));
        }

        private static int streamed(SseClient stream) {
            return stream == null ? 0 : stream.named("notification").size();
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:" + stack.postgres().reactiveUrl(LocalStack.DATABASE),
                    PostgresServer.USER, PostgresServer.PASSWORD);
        }
    }

    /** Waits until {@code complaints} cases of the phase exist; when they did. */
    private static Instant awaitCases(Connection db, String prefix, int complaints, Instant giveUp) throws Exception {
        int opened = 0;
        while (Instant.now().isBefore(giveUp)) {
            opened = count(db, prefix);
            if (opened >= complaints) {
                return Instant.now();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(prefix + ": " + opened + " of " + complaints + " cases by " + giveUp);
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

    private static Duration cpuTime(ServiceProcess routing) {
        return ProcessCpu.of(routing.pid());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(Duration d) {
        return Math.max(1, d.toMillis()) / 1000.0;
    }

    private static String report(Phase off, Phase on, Phase warm, String jvmOptions) {
        StringBuilder out = new StringBuilder(String.format(
                """
                        One routing instance (packaged, default settings but for the switch%s) drains a backlog of
                        `complaints.received` (Kafka %d partitions, PostgreSQL, GreenMail and Keycloak on this machine; intake not
                        running). Each backlog: intake's contract examples as the shape, about 89%% new complaints (LOW 45%%,
                        MEDIUM 35%%, HIGH 15%%, CRITICAL 5%%: HIGH and CRITICAL alert the manager by mail and stream, repeats climb
                        a rung, CRITICAL repeats owe a callback), 10%% further messages on a customer's earlier complaint, 1%%
                        redeliveries; about three complaints per customer. The first two backlogs were produced while routing was
                        stopped and drained by a routing started on them; the warm one was produced while a routing that had just
                        drained a backlog of the same size and mix ran (the producer takes a few seconds; routing drains it far
                        slower, so it is a backlog almost at once). Phases ran in the table's order, each on the tables the
                        previous ones grew. "first → last case" is the span of `opened_at`; "launch → all" is from starting the
                        JVM (from starting to produce, warm) to the last case; "routing CPU per event" is the JVM's CPU time over that
                        same span (cold: its start-up included) divided by the events.

                        | mode | events | cases | messages | redeliveries | first → last case | events/s | launch → all | events/s incl. start | routing CPU per event | load avg before → after |
                        |---|---|---|---|---|---|---|---|---|---|---|
                        """,
                jvmOptions.isBlank() ? "" : "; JVM options `" + jvmOptions + "`", 3));
        for (Phase p : warm == null ? new Phase[] { off, on } : new Phase[] { off, on, warm }) {
            out.append(String.format(
                    "| %s | %d | %d | %d | %d | %.1f s | **%.0f** | %.1f s | %.0f | %.2f ms | %.2f → %.2f |%n",
                    p.mode(), p.backlog().size(), p.opened(), p.backlog().messages(), p.backlog().redeliveries(),
                    seconds(p.firstToLast()), p.eventsPerSecond(), seconds(p.launchToLast()),
                    p.eventsPerSecondFromLaunch(), p.cpuMillisPerEvent(), p.loadBefore(), p.loadAfter()));
        }
        out.append(String.format("%nSeverities (cold batched phase): %s. Batched drain: %.1f× the rate of one transaction "
                + "per event", on.backlog().severities(), on.eventsPerSecond() / off.eventsPerSecond()));
        if (warm != null) {
            out.append(String.format("; warm: %.1f× the cold batched rate", warm.eventsPerSecond() / on.eventsPerSecond()));
            if (warm.streamed() >= 0) {
                out.append(String.format(". The manager's live stream received %d notifications from producing the warm "
                        + "backlog to its last case", warm.streamed()));
            }
        }
        return out.append(".\n").toString();
    }

    /** The two-instance drains beside the one-instance drains of the same size and mix, same run and stack. */
    private static String twoInstancesReport(Phase on, Phase warm, Phase onTwo, Phase warmTwo) {
        StringBuilder out = new StringBuilder(String.format(
                """

                        **Two routing instances** (one consumer group: Kafka gives one instance two of the three partitions of
                        `complaints.received`, the other one; both on this machine's two cores with PostgreSQL, Kafka, GreenMail
                        and Keycloak), after the phases above, on the tables they grew. "CPU per instance" is each JVM's CPU time
                        over the phase's span, in the order started.

                        | backlog | one instance: events/s | two instances: events/s | two ÷ one | routing CPU per event, one → two | CPU per instance (two) | load avg after, one → two |
                        |---|---|---|---|---|---|---|
                        """));
        out.append(twoInstancesRow("cold, " + onTwo.backlog().size() + " events", on, onTwo));
        if (warm != null && warmTwo != null) {
            out.append(twoInstancesRow("warm, " + warmTwo.backlog().size() + " events", warm, warmTwo));
        }
        out.append(String.format("%nCases opened by the two: cold %d of %d", onTwo.opened(), onTwo.backlog().complaints()));
        if (warmTwo != null) {
            out.append(String.format(", warm %d of %d", warmTwo.opened(), warmTwo.backlog().complaints()));
            if (warmTwo.streamed() >= 0) {
                out.append(String.format("; the manager's live stream on the first instance received %d notifications "
                        + "during the warm drain (%d with one instance)", warmTwo.streamed(), warm.streamed()));
            }
        }
        return out.append(".\n").toString();
    }

    private static String twoInstancesRow(String backlog, Phase one, Phase two) {
        return String.format("| %s | %.0f | **%.0f** | %.2f | %.2f → %.2f ms | %s | %.2f → %.2f |%n", backlog,
                one.eventsPerSecond(), two.eventsPerSecond(), two.eventsPerSecond() / one.eventsPerSecond(),
                one.cpuMillisPerEvent(), two.cpuMillisPerEvent(),
                String.join(" / ", two.cpu().stream().map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).toList()),
                one.loadAfter(), two.loadAfter());
    }

    private static String coldProfileReport(CollapsedProfile profile, Phase on) {
        return String.format("""

                **Where routing's CPU went, JVM started on the backlog** (async-profiler 4.1, CPU samples every %d ms of
                CPU time, from the JVM's start to its stop: the start-up, about %.0f s of the %.1f s from launch to the last
                case, is in it). %d samples, about %.1f s of CPU.

                """, PROFILE_INTERVAL_MS, seconds(on.launchToLast()) - seconds(on.firstToLast()),
                seconds(on.launchToLast()), profile.samples(), profile.samples() * PROFILE_INTERVAL_MS / 1000.0)
                + profile.table("thread group", profile.byThread(), 10);
    }

    private static String warmProfileReport(CollapsedProfile profile, Phase warm) {
        return String.format("""

                **Where routing's CPU went, warm** (async-profiler 4.1 attached with jcmd for the warm drain only, CPU
                samples every %d ms of CPU time). %d samples, about %.1f s of CPU in %.1f s: %.2f ms of routing's CPU per
                event.

                """, PROFILE_INTERVAL_MS, profile.samples(), profile.samples() * PROFILE_INTERVAL_MS / 1000.0,
                seconds(warm.launchToLast()), profile.samples() * (double) PROFILE_INTERVAL_MS / warm.backlog().size())
                + profile.table("thread group", profile.byThread(), 10) + "\n"
                + profile.table("package of the sampled frame", profile.byLeafPackage(), 20) + "\n"
                + profile.table("Tikun method on the stack (inclusive)", profile.inclusive("io.tikun."), 25);
    }
}
