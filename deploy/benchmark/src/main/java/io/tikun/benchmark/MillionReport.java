package io.tikun.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The million-case run as a RESULTS.md section, and every plan in full in a file of its own. */
final class MillionReport {

    private static final double TARGET_MILLIS = 100;

    private MillionReport() {
    }

    static String text(MillionSeed.Sizes sizes, MillionSeed.Loaded seeded, ComplaintSeed.Loaded mongo, String loadBefore,
            ProposedIndexes proposed, Map<String, MillionCasesBenchmark.Phase> phases, MillionMeasure measure) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("""
                Seeded %,d cases (%,d customer ids drawn with a skew: the biggest customer has the most), %,d promises
                and %,d hotspots straight into PostgreSQL after the services' Flyway migrations (server-side
                `INSERT … SELECT generate_series`), in %.0f s; database size %s. Load average (1/5/15 min) before
                seeding: %s.

                | table | rows | s |
                |---|---|---|
                """, sizes.cases(), sizes.customers(), sizes.promises(), sizes.hotspots(),
                seeded.total().toMillis() / 1000.0, seeded.databaseSize(), loadBefore));
        seeded.rows().forEach((table, rows) -> out.append(String.format("| %s | %,d | %.1f |%n", table, rows,
                seeded.took().get(table).toMillis() / 1000.0)));
        out.append(String.format("| vacuum analyze | | %.1f |%n", seeded.took().get("vacuum analyze").toMillis() / 1000.0));
        out.append(String.format("""

                Intake's store (mongo-java-server in memory, inside the benchmark's JVM): %,d complaints (copies of one
                complaint intake accepted, each with its own id, reference, idempotency key, customer and time) for %,d
                customers, one timeline event each, in %.1f s; heap in use %d MiB before, %d MiB after (so about %d KiB per
                complaint with its event: a million would need ~%d GiB of heap in this server).

                """, mongo.complaints(), mongo.customers(), mongo.took().toMillis() / 1000.0, mongo.heapBeforeMiB(),
                mongo.heapAfterMiB(),
                Math.max(0, (mongo.heapAfterMiB() - mongo.heapBeforeMiB()) * 1024 / Math.max(1, mongo.complaints())),
                Math.max(1, (mongo.heapAfterMiB() - mongo.heapBeforeMiB()) * 1_000_000L / Math.max(1, mongo.complaints())
                        / 1024)));
        if (!proposed.isEmpty()) {
            out.append("Indexes measured before/after in this run (dropped for \"before\", created again for \"after\"): ");
            proposed.migrations().forEach(m -> out.append("`").append(m.file()).append("` ").append(m.indexes())
                    .append("; "));
            out.append("\n\n");
        }
        out.append("Each family: one client in a closed loop, warm-up requests unmeasured, then up to the stated number ("
                + "capped in time); \"load\" is the 1/5/15-minute load average when the family finished (other builds "
                + "share this 2-core machine). Target: p99 ≤ 100 ms.\n\n");
        List<String> names = List.copyOf(phases.keySet());
        out.append("| family | ");
        names.forEach(n -> out.append(n).append(": n | p50 ms | p99 ms | load | "));
        out.append("\n|---|");
        names.forEach(n -> out.append("---|---|---|---|"));
        out.append("\n");
        int families = phases.get(names.get(0)).http().size();
        for (int i = 0; i < families; i++) {
            row(out, phases, names, i, true);
        }
        int sqlFamilies = phases.get(names.get(0)).sql().size();
        for (int i = 0; i < sqlFamilies; i++) {
            row(out, phases, names, i, false);
        }
        out.append("\nPlans (EXPLAIN (ANALYZE, BUFFERS); nodes top-down, execution time, the top node's buffers; in full in "
                + "`deploy/benchmark/MILLION-PLANS.md`):\n\n| statement | ");
        names.forEach(n -> out.append(n).append(": plan | ms | buffers | "));
        out.append("\n|---|");
        names.forEach(n -> out.append("---|---|---|"));
        out.append("\n");
        int plans = phases.get(names.get(0)).plans().size();
        for (int i = 0; i < plans; i++) {
            out.append("| ").append(phases.get(names.get(0)).plans().get(i).name()).append(" | ");
            for (String n : names) {
                MillionMeasure.Explained e = phases.get(n).plans().get(i);
                out.append(e.nodes().replace("|", "/")).append(" | ").append(String.format("%.1f", e.executionMillis()))
                        .append(" | ").append(e.buffers()).append(" | ");
            }
            out.append("\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Map<String, MillionCasesBenchmark.Phase> phases, List<String> names, int i,
            boolean http) {
        MillionMeasure.Timed first = http ? phases.get(names.get(0)).http().get(i) : phases.get(names.get(0)).sql().get(i);
        out.append("| ").append(http ? "" : "SQL: ").append(first.name()).append(" | ");
        for (String n : names) {
            MillionMeasure.Timed t = http ? phases.get(n).http().get(i) : phases.get(n).sql().get(i);
            String over = t.p99() > TARGET_MILLIS ? " **over**" : "";
            out.append(t.n()).append(t.errors() > 0 ? " (" + t.errors() + " errors)" : "").append(" | ");
            if (t.n() == 0) {
                out.append("— | — **over: the warm-up alone used the time cap** | ").append(t.load()).append(" | ");
            } else {
                out.append(String.format("%.1f | %.1f%s | %s | ", t.p50(), t.p99(), over, t.load()));
            }
        }
        out.append("\n");
    }

    static void writePlans(Path file, Map<String, MillionCasesBenchmark.Phase> phases) throws IOException {
        StringBuilder out = new StringBuilder("# Query plans of the million-case benchmark\n\nWritten by "
                + "`deploy/benchmark/run.sh million` at " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " (each run replaces this file); the summary is in RESULTS.md.\n");
        phases.forEach((phase, p) -> {
            out.append("\n## ").append(phase).append("\n");
            for (MillionMeasure.Explained e : p.plans()) {
                out.append("\n### ").append(e.name()).append("\n\n```\n");
                e.text().forEach(line -> out.append(line).append('\n'));
                out.append("```\n");
            }
        });
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }
}
