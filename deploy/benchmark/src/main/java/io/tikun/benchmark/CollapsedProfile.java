package io.tikun.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * async-profiler's collapsed stacks ({@code [thread];frame;...;leaf samples} per line, root first) read into the
 * three views a reader of a benchmark's results needs: which threads burned the CPU, which code did (the leaf frame's
 * package), and which of Tikun's own methods the samples passed through.
 */
final class CollapsedProfile {

    private static final Pattern GENERATED = Pattern.compile("\\$\\$Lambda|_ClientProxy|_SmallRyeMessagingInvoker|_Subclass");
    private static final Pattern DIGITS = Pattern.compile("([-#]?\\d+)+$");

    private final List<Stack> stacks;
    private final long total;

    private record Stack(String thread, List<String> frames, long samples) {
    }

    private CollapsedProfile(List<Stack> stacks) {
        this.stacks = stacks;
        this.total = stacks.stream().mapToLong(Stack::samples).sum();
    }

    static CollapsedProfile read(Path collapsed) {
        try {
            return parse(Files.readAllLines(collapsed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CollapsedProfile parse(List<String> lines) {
        List<Stack> stacks = new ArrayList<>();
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            List<String> frames = List.of(line.substring(0, space).split(";"));
            long samples = Long.parseLong(line.substring(space + 1).trim());
            String first = frames.get(0);
            boolean threaded = first.startsWith("[") && first.endsWith("]");
            stacks.add(new Stack(threaded ? threadGroup(first.substring(1, first.length() - 1)) : "(all)",
                    threaded ? frames.subList(1, frames.size()) : frames, samples));
        }
        return new CollapsedProfile(stacks);
    }

    long samples() {
        return total;
    }

    /** "vert.x-eventloop-thread-1 tid=4242" and "…-thread-0" are one group: "vert.x-eventloop-thread". */
    static String threadGroup(String thread) {
        String name = thread.replaceAll(" tid=\\d+$", "");
        return DIGITS.matcher(name).replaceAll("").strip();
    }

    /** The leaf frame's package ("io.vertx.pgclient.impl"), or "native and JVM" for frames outside Java code. */
    static String leafPackage(String frame) {
        String name = frame.replaceAll("_\\[[a-z0-9]]$", "");
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/', dot);
        if (dot < 0 || slash < 0 || name.startsWith("/") || name.contains("::") || name.contains(" ")) {
            return "native and JVM";
        }
        return name.substring(0, slash).replace('/', '.');
    }

    /** A frame as a reader writes it: "io.tikun.routing.cases.CaseOpener.open". */
    static String method(String frame) {
        return frame.replaceAll("_\\[[a-z0-9]]$", "").replace('/', '.');
    }

    /** Samples per thread group, most first. */
    Map<String, Long> byThread() {
        return sum(s -> Set.of(s.thread()));
    }

    /** Samples per package of the leaf frame (where the CPU was when sampled), most first. */
    Map<String, Long> byLeafPackage() {
        return sum(s -> Set.of(leafPackage(s.frames().get(s.frames().size() - 1))));
    }

    /**
     * Samples that passed through each method whose name starts with {@code prefix}, each stack once per method; the
     * frames Quarkus and the JDK generate (client proxies, invokers, lambdas' classes) are left out as noise.
     */
    Map<String, Long> inclusive(String prefix) {
        return sum(s -> {
            Set<String> methods = new HashSet<>();
            for (String frame : s.frames()) {
                String method = method(frame);
                if (method.startsWith(prefix) && !GENERATED.matcher(method).find()) {
                    methods.add(method);
                }
            }
            return methods;
        });
    }

    private Map<String, Long> sum(Function<Stack, Set<String>> keys) {
        Map<String, Long> totals = new HashMap<>();
        for (Stack stack : stacks) {
            for (String key : keys.apply(stack)) {
                totals.merge(key, stack.samples(), Long::sum);
            }
        }
        return totals;
    }

    /** The {@code limit} largest entries of {@code samples} as a Markdown table with shares of the whole profile. */
    String table(String heading, Map<String, Long> samples, int limit) {
        StringBuilder out = new StringBuilder("| " + heading + " | samples | share |\n|---|---|---|\n");
        samples.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format("| `%s` | %d | %.1f%% |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
        return out.toString();
    }
}
