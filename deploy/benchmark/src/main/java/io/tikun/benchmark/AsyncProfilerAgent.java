package io.tikun.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.tikun.stack.ChildProcess;

/**
 * async-profiler (tools.profiler:async-profiler, from Maven Central) attached to a service's JVM at its start through
 * {@code JAVA_TOOL_OPTIONS}: CPU samples of every thread, written as collapsed stacks when the JVM exits. Where perf
 * events are not allowed (perf_event_paranoid above 1, as here), async-profiler falls back to its CPU timer, which
 * samples Java and native frames alike but not the kernel's.
 */
final class AsyncProfilerAgent {

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

    private final Path library;

    private AsyncProfilerAgent(Path library) {
        this.library = library;
    }

    /** Copies the native library out of the jar on the classpath into {@code directory}. */
    static AsyncProfilerAgent extractTo(Path directory) {
        try (InputStream in = AsyncProfilerAgent.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException(LIBRARY + " is not on the classpath (tools.profiler:async-profiler)");
            }
            Path target = directory.resolve("libasyncProfiler.so");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return new AsyncProfilerAgent(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code JAVA_TOOL_OPTIONS} value that profiles the JVM from its start to its exit, sampling every
     * {@code intervalMillis} of CPU time, thread names kept as each stack's first frame.
     */
    String javaToolOptions(Path collapsedOutput, int intervalMillis) {
        return "-agentpath:" + library + "=start,event=cpu,interval=" + intervalMillis + "ms,threads,collapsed,file="
                + collapsedOutput;
    }

    /** Starts sampling a running JVM (the JDK's jcmd loads the agent into it), every {@code intervalMillis} of CPU. */
    void start(long pid, int intervalMillis) {
        jcmd(pid, "start,event=cpu,interval=" + intervalMillis + "ms,threads");
    }

    /** Stops the sampling {@link #start} began and writes what it gathered to {@code collapsedOutput}. */
    void stop(long pid, Path collapsedOutput) {
        jcmd(pid, "stop,collapsed,file=" + collapsedOutput);
    }

    private void jcmd(long pid, String options) {
        Path jcmd = Path.of(ChildProcess.javaExecutable()).resolveSibling("jcmd");
        try {
            // Quoted: jcmd would otherwise read "start,event=cpu,…" as its own name=value arguments.
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "JVMTI.agent_load",
                    library.toString(), '"' + options + '"')).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            // jcmd exits 0 whatever the agent answered; the agent's own verdict is in its output.
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("[ERROR]")
                    || !output.contains("return code: 0")) {
                throw new IllegalStateException("jcmd " + pid + " JVMTI.agent_load " + options + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
