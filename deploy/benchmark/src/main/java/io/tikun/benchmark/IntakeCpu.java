package io.tikun.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Intake's CPU time over one phase's measured window (read from the kernel at the window's opening and close), and,
 * for a profiled phase, async-profiler's samples of that window: what each accepted complaint or answered read cost
 * the intake process (issue 14, item 3: at most 1.5 ms of CPU per accepted web complaint).
 */
final class IntakeCpu implements MeasuredWindow {

    private static final int PROFILE_INTERVAL_MS = 5;

    private final String phase;
    private final long pid;
    private final AsyncProfilerAgent profiler;
    private final Path collapsed;
    private Duration openedAt;
    private Duration used;
    private MachineCpu.Snapshot machineAtOpening;
    private MachineCpu.Snapshot machineAtClose;
    private LoadResult result;

    /** With {@code profiler} null, the phase is not sampled. */
    IntakeCpu(String phase, long pid, AsyncProfilerAgent profiler, Path directory) {
        this.phase = phase;
        this.pid = pid;
        this.profiler = profiler;
        this.collapsed = profiler == null ? null : directory.resolve("intake-" + phase + ".collapsed");
    }

    @Override
    public void opened() {
        if (profiler != null) {
            profiler.start(pid, PROFILE_INTERVAL_MS);
        }
        openedAt = ProcessCpu.of(pid);
        machineAtOpening = MachineCpu.take();
    }

    @Override
    public void closed() {
        used = ProcessCpu.of(pid).minus(openedAt);
        machineAtClose = MachineCpu.take();
        if (profiler != null) {
            profiler.stop(pid, collapsed);
        }
    }

    /** This window with the phase's result: the requests it counted. */
    IntakeCpu of(LoadResult phaseResult) {
        if (used == null) {
            throw new IllegalStateException(phase + ": the measured window never closed");
        }
        this.result = phaseResult;
        return this;
    }

    double millisPerSuccess() {
        return result.succeeded() == 0 ? Double.NaN : used.toNanos() / 1e6 / result.succeeded();
    }

    private Optional<CollapsedProfile> profile() {
        return collapsed == null ? Optional.empty() : Optional.of(CollapsedProfile.read(collapsed));
    }

    /** The CPU table of every measured phase, the two ratios, and the profiled phases' tables. */
    static String report(List<IntakeCpu> phases) {
        StringBuilder out = new StringBuilder("""

                **Intake's CPU in each measured window** (the intake JVM's user and system time from the kernel at the
                window's opening and close, divided by the requests the phase counted as successes; the load generator
                runs in another process and is not in it).

                | phase | successes | per second | intake CPU in the window | intake CPU per success |
                |---|---|---|---|---|
                """);
        for (IntakeCpu p : phases) {
            out.append(String.format("| %s | %d | %.0f | %.1f s | **%.2f ms** |%n",
                    p.result.name() + (p.profiler == null ? "" : " (profiled: the sampling's own cost is in it)"),
                    p.result.succeeded(), p.result.perSecond(), p.used.toMillis() / 1000.0, p.millisPerSuccess()));
        }
        Optional<IntakeCpu> web = named(phases, "web");
        Optional<IntakeCpu> read = named(phases, "read");
        if (web.isPresent() && read.isPresent()) {
            out.append(String.format("%nAccepted web complaints per second ÷ authenticated reads per second: **%.2f** "
                    + "(target ≥ 0.5); intake CPU per web complaint ÷ per read: %.1f (target for the first: ≤ 1.5 ms).%n",
                    web.get().result.perSecond() / read.get().result.perSecond(),
                    web.get().millisPerSuccess() / read.get().millisPerSuccess()));
        }
        for (IntakeCpu p : phases) {
            out.append(String.format("""

                    **Where the machine's CPU went, phase %s** (every process's CPU time from the kernel over the same
                    window; the servers started in the benchmark's own JVM, such as the MongoDB-protocol server and the
                    mail sandbox, are in its line and split by thread below it).

                    """, p.phase)).append(MachineCpu.report(p.machineAtOpening, p.machineAtClose, Map.of(p.pid, "intake")));
        }
        for (IntakeCpu p : phases) {
            p.profile().ifPresent(profile -> out.append(String.format("""

                    **Where intake's CPU went, phase %s** (async-profiler attached with jcmd for the measured window only,
                    CPU samples every %d ms of CPU time). %d samples, about %.1f s of CPU: %.2f ms per success.

                    """, p.phase, PROFILE_INTERVAL_MS, profile.samples(), profile.samples() * PROFILE_INTERVAL_MS / 1000.0,
                    profile.samples() * (double) PROFILE_INTERVAL_MS / p.result.succeeded()))
                    .append(profile.table("thread group", profile.byThread(), 10)).append('\n')
                    .append(profile.table("package of the sampled frame", profile.byLeafPackage(), 20)).append('\n')
                    .append(profile.table("Tikun method on the stack (inclusive)", profile.inclusive("io.tikun."), 30)));
        }
        return out.toString();
    }

    private static Optional<IntakeCpu> named(List<IntakeCpu> phases, String phase) {
        return phases.stream().filter(p -> p.phase.equals(phase)).findFirst();
    }
}
