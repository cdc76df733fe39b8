package io.tikun.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the whole machine's CPU went in a measured window: every process's CPU time from the kernel at the window's
 * opening and close, the machine's busy and idle time from {@code /proc/stat}, and, inside this benchmark's own JVM
 * (which hosts the in-process servers, such as the MongoDB-protocol server and the mail sandbox), its threads' CPU by
 * name. It shows what else shares the cores with the service measured.
 */
final class MachineCpu {

    /** Processes of one name taking less than this share of the machine are counted among the others. */
    private static final double LISTED_SHARE = 0.005;
    private static final int LISTED_THREAD_GROUPS = 8;

    /** Everything read at one instant. */
    record Snapshot(long nanoTime, long[] procStat, Map<Long, Duration> processes, Map<Long, String> labels,
            Map<Long, Duration> ownThreads, Map<Long, String> ownThreadNames) {
    }

    private MachineCpu() {
    }

    static Snapshot take() {
        Map<Long, Duration> processes = new HashMap<>();
        Map<Long, String> labels = new HashMap<>();
        ProcessHandle.allProcesses().forEach(process -> process.info().totalCpuDuration().ifPresent(cpu -> {
            processes.put(process.pid(), cpu);
            labels.put(process.pid(), label(process.info()));
        }));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Duration> ownThreads = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(thread.getThreadId());
            if (cpu >= 0) {
                ownThreads.put(thread.getThreadId(), Duration.ofNanos(cpu));
                names.put(thread.getThreadId(), thread.getThreadName());
            }
        }
        return new Snapshot(System.nanoTime(), procStat(), processes, labels, ownThreads, names);
    }

    /** The machine's first {@code cpu} line of {@code /proc/stat}: user, nice, system, idle, iowait, irq, softirq, steal. */
    private static long[] procStat() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return Arrays.stream(line.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short name for a process: its program, and for a JVM what it runs (main class or jar, shortened). */
    static String label(ProcessHandle.Info info) {
        String command = info.command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (argument.equals("-cp") || argument.equals("-classpath") || argument.equals("--class-path")) {
                i++;
            } else if (argument.equals("-jar") && i + 1 < arguments.length) {
                return command + " -jar " + lastParts(arguments[i + 1], 4);
            } else if (!argument.startsWith("-")) {
                return command + " " + lastParts(argument, 3);
            }
        }
        return command;
    }

    private static String lastParts(String path, int parts) {
        String[] names = path.split("/");
        return String.join("/", Arrays.copyOfRange(names, Math.max(0, names.length - parts), names.length));
    }

    /**
     * The table of the window between two snapshots: each process above half a percent of the machine, the rest
     * together, the kernel's count of busy and idle time, and this JVM's threads by name.
     */
    static String report(Snapshot opened, Snapshot closed, Map<Long, String> known) {
        int cores = Runtime.getRuntime().availableProcessors();
        double seconds = (closed.nanoTime() - opened.nanoTime()) / 1e9;
        double capacity = seconds * cores;
        long[] stat = new long[8];
        for (int i = 0; i < stat.length; i++) {
            stat[i] = closed.procStat()[i] - opened.procStat()[i];
        }
        long idleTicks = stat[3] + stat[4];
        long allTicks = Arrays.stream(stat).sum();
        double busyShare = allTicks == 0 ? Double.NaN : (allTicks - idleTicks) / (double) allTicks;

        Map<Long, Double> used = new HashMap<>();
        closed.processes().forEach((pid, cpu) -> used.put(pid,
                cpu.minus(opened.processes().getOrDefault(pid, Duration.ZERO)).toNanos() / 1e9));
        long self = ProcessHandle.current().pid();
        StringBuilder out = new StringBuilder(String.format("""
                | process | CPU in the window | share of the machine (%d cores × %.0f s) |
                |---|---|---|
                """, cores, seconds));
        // Processes under one name (PostgreSQL's backend per connection) are one line, with how many they were.
        Map<String, Double> byName = new HashMap<>();
        Map<String, Integer> processesByName = new HashMap<>();
        used.forEach((pid, cpu) -> {
            String name = Optional.ofNullable(known.get(pid))
                    .orElseGet(() -> pid == self ? "this benchmark's JVM (load driver and in-process servers)"
                            : "`" + closed.labels().get(pid) + "`");
            byName.merge(name, cpu, Double::sum);
            processesByName.merge(name, 1, Integer::sum);
        });
        double others = 0;
        List<Map.Entry<String, Double>> ordered = byName.entrySet().stream()
                .sorted(Map.Entry.<String, Double> comparingByValue().reversed()).toList();
        for (Map.Entry<String, Double> process : ordered) {
            double share = process.getValue() / capacity;
            if (share < LISTED_SHARE) {
                others += process.getValue();
                continue;
            }
            int count = processesByName.get(process.getKey());
            out.append(String.format("| %s%s | %.1f s | %.1f%% |%n", process.getKey(),
                    count == 1 ? "" : " (" + count + " processes)", process.getValue(), 100 * share));
        }
        out.append(String.format("| every other process | %.1f s | %.1f%% |%n", others, 100 * others / capacity));
        double counted = used.values().stream().mapToDouble(Double::doubleValue).sum();
        // A process that ended before the close (the load generator exits as its window closes) is in no line above.
        out.append(String.format("| in none of those: processes that ended in the window (such as the load generator), "
                + "the kernel's own work | | %.1f%% |%n", 100 * busyShare - 100 * counted / capacity));
        out.append(String.format("| **the machine busy, by the kernel** (`/proc/stat`, interrupts included) | | **%.1f%%** |%n",
                100 * busyShare));
        out.append('\n').append(ownThreads(opened, closed, capacity));
        return out.toString();
    }

    /** This JVM's threads by name (numbers stripped), those alive at the close; threads that ended meanwhile are not in it. */
    private static String ownThreads(Snapshot opened, Snapshot closed, double capacity) {
        Map<String, Double> byGroup = new HashMap<>();
        closed.ownThreads().forEach((id, cpu) -> byGroup.merge(group(closed.ownThreadNames().get(id)),
                cpu.minus(opened.ownThreads().getOrDefault(id, Duration.ZERO)).toNanos() / 1e9, Double::sum));
        Map<String, Double> top = byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Double> comparingByValue().reversed()).limit(LISTED_THREAD_GROUPS)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        StringBuilder out = new StringBuilder("""
                | thread of this benchmark's JVM (alive at the close) | CPU in the window | share of the machine |
                |---|---|---|
                """);
        top.forEach((name, cpu) -> out.append(String.format("| `%s` | %.1f s | %.1f%% |%n", name, cpu,
                100 * cpu / capacity)));
        return out.toString();
    }

    /** A thread's name without its number or address: {@code mongo-server-worker3} and {@code smtp:127.0.0.1:2525<-…}. */
    static String group(String threadName) {
        String stripped = threadName.replaceAll("[\\d:.<>/#\\-\\s]+$", "");
        int address = stripped.indexOf(":");
        return address > 0 ? stripped.substring(0, address) : stripped.isEmpty() ? threadName : stripped;
    }
}
