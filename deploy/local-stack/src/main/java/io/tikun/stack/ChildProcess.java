package io.tikun.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A server running in its own OS process: output goes to a log file, readiness is a log line or
 * a probe, and stopping is a polite SIGTERM followed, if need be, by a kill of the whole tree.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;
    private final CountDownLatch readyLine = new CountDownLatch(1);

    private ChildProcess(String name, Process process, Path log, Predicate<String> readyWhen) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread pump = new Thread(() -> pump(readyWhen), name + "-output");
        pump.setDaemon(true);
        pump.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-stopper"));
    }

    /**
     * Starts {@code command}; {@code readyWhen} is matched against each output line (use
     * {@code line -> false} and {@link #awaitProbe} when readiness is checked another way).
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path log, Predicate<String> readyWhen) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), log, readyWhen);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** The java launcher of the JVM we run in, so children use the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void pump(Predicate<String> readyWhen) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (readyLine.getCount() > 0 && readyWhen.test(line)) {
                    readyLine.countDown();
                }
            }
        } catch (IOException e) {
            // The process went away; its exit is reported by the waiters below.
        }
    }

    /** Waits for the ready line; fails fast if the process dies first. */
    public ChildProcess awaitReadyLine(Duration timeout) {
        return awaitProbe(timeout, () -> readyLine.getCount() == 0);
    }

    /** Polls {@code probe} until it answers true; fails fast if the process dies first. */
    public ChildProcess awaitProbe(Duration timeout, BooleanSupplier probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see "
                        + log + "\n" + tail());
            }
            if (probe.getAsBoolean()) {
                return this;
            }
            sleep(POLL);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log + "\n" + tail());
    }

    /** Waits for a short-lived tool to finish and fails with its output if it did not succeed. */
    public void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            sleep(POLL); // let the pump flush the last lines
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + "\n" + tail());
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output)";
        }
    }

    /** Ends the process and its children with SIGKILL, as a crash or the OOM killer would, and waits for the end. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running after SIGKILL");
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
