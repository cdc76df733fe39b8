package io.tikun.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The phases of a fault-injection scenario, timed from its start, printed with its figures. A phase that
 * lasts a given time (the outage itself, the load before and after it) is held for that time: that is the
 * scenario's definition, not a wait standing in for a condition.
 */
final class FaultTimeline {

    private final long startedAt = System.nanoTime();
    private final List<String> events = new ArrayList<>();

    /** Notes that {@code what} happened now; returns the seconds since the start. */
    synchronized double mark(String what) {
        double at = secondsSinceStart();
        events.add("%7.1f s  %s".formatted(at, what));
        return at;
    }

    /** Lets {@code phase} run for {@code length} while the load goes on in its own threads. */
    void hold(String phase, Duration length) throws InterruptedException {
        hold(phase, length, Duration.ZERO, () -> {
        });
    }

    /** Like {@link #hold(String, Duration)}, calling {@code probe} every {@code every} meanwhile. */
    void hold(String phase, Duration length, Duration every, Runnable probe) throws InterruptedException {
        mark(phase + " (" + length.toSeconds() + " s)");
        long ends = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < ends) {
            if (!every.isZero()) {
                probe.run();
            }
            long left = ends - System.nanoTime();
            long step = every.isZero() ? left : Math.min(left, every.toNanos());
            if (step > 0) {
                Thread.sleep(Duration.ofNanos(step).toMillis(), (int) (step % 1_000_000));
            }
        }
    }

    /** Runs {@code action}, marks it with how long it took, and returns that time. */
    Duration timed(String what, Runnable action) {
        double at = secondsSinceStart();
        long started = System.nanoTime();
        action.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        synchronized (this) {
            events.add("%7.1f s  %s (took %d ms)".formatted(at, what, took.toMillis()));
        }
        return took;
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** Prints a scenario's figures: its timeline, what the load sent and how intake answered, what became of it. */
    void report(String title, SteadyComplaintLoad load, List<DeliveryCounts> counts, String... notes) {
        StringBuilder out = new StringBuilder("\n=== ").append(title).append(" ===\n").append(this).append('\n');
        out.append("load: %s, sent %d, accepted %d, refused %d %s%n".formatted(load.rate(), load.sent(),
                load.accepted().size(), load.refused().size(), load.refusalsByStatus()));
        counts.forEach(c -> out.append(c).append('\n'));
        for (String note : notes) {
            out.append(note).append('\n');
        }
        System.out.print(out);
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", events);
    }
}
