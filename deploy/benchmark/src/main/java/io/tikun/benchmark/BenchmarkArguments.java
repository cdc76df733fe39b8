package io.tikun.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments with defaults, so every run states what it measured. */
final class BenchmarkArguments {

    private final Map<String, String> values = new HashMap<>();

    BenchmarkArguments(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
    }

    int integer(String name, int defaultValue) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : defaultValue;
    }

    Duration duration(String name, Duration defaultValue) {
        return values.containsKey(name) ? Duration.parse(values.get(name)) : defaultValue;
    }

    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    Path path(String name, Path defaultValue) {
        return values.containsKey(name) ? Path.of(values.get(name)) : defaultValue;
    }
}
