package io.tikun.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Appends one dated section per run to the results file the README links. */
final class ResultsFile {

    private final Path file;

    ResultsFile(Path file) {
        this.file = file;
    }

    void append(String title, String body) throws IOException {
        String machine = String.format("%d cores, %s %s, Java %s, max heap of this JVM %d MiB",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        String load = String.format("system load average at the end: %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String section = "\n## " + title + " — " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n\n" + machine + "; "
                + load + ".\n\n" + body + "\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(section);
    }
}
