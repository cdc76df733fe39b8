package io.tikun.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times a query family (HTTP or SQL) in a closed loop of one client and explains statements. */
final class MillionMeasure {

    /** One family's latencies and the machine's load while it ran. */
    record Timed(String name, int n, int errors, double p50, double p99, double max, String load) {
    }

    /** A plan: its nodes in one line, the execution time and the top node's buffers. */
    record Explained(String name, String nodes, double executionMillis, String buffers, List<String> text) {
    }

    private static final Pattern NODE = Pattern
            .compile("^\\s*(?:->\\s*)?([A-Za-z][A-Za-z ]+?)(?: using (\\S+))?(?: on (\\S+))?(?: [a-z0-9_]+)?\\s+\\(cost");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

    private final int warmUp;
    private final int requests;
    private final Duration cap;

    MillionMeasure(int warmUp, int requests, Duration cap) {
        this.warmUp = warmUp;
        this.requests = requests;
        this.cap = cap;
    }

    Timed http(HttpClient client, String baseUrl, String token, MillionQueries.HttpFamily family)
            throws IOException, InterruptedException {
        LatencySamples samples = new LatencySamples();
        int errors = 0;
        List<String> paths = family.paths();
        long warmUpEnds = System.nanoTime() + cap.toNanos() / 4;
        long deadline = System.nanoTime() + cap.toNanos();
        int warm = 0;
        for (int i = 0; i < warmUp + requests && System.nanoTime() < deadline; i++) {
            // A slow family's warm-up is cut short so that it still gets measured within the cap.
            boolean warming = warm < warmUp && System.nanoTime() < warmUpEnds;
            warm += warming ? 1 : 0;
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + paths.get(i % paths.size())))
                    .header("Authorization", "Bearer " + token).GET().build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                errors++;
                if (errors == 1) {
                    System.out.println(family.name() + ": " + response.statusCode() + " "
                            + new String(response.body()).substring(0, Math.min(300, response.body().length)));
                }
            } else if (!warming) {
                samples.add(took);
            }
        }
        return timed(family.name(), samples, errors);
    }

    Timed sql(Connection connection, MillionQueries.SqlFamily family) throws SQLException {
        LatencySamples samples = new LatencySamples();
        long warmUpEnds = System.nanoTime() + cap.toNanos() / 4;
        long deadline = System.nanoTime() + cap.toNanos();
        int warm = 0;
        for (int i = 0; i < warmUp + requests && System.nanoTime() < deadline; i++) {
            boolean warming = warm < warmUp && System.nanoTime() < warmUpEnds;
            warm += warming ? 1 : 0;
            long start = System.nanoTime();
            for (String sql : family.statements()) {
                try (var statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
            if (!warming) {
                samples.add(System.nanoTime() - start);
            }
        }
        return timed(family.name(), samples, 0);
    }

    static Explained explain(Connection connection, MillionQueries.Plan plan) throws SQLException {
        List<String> text = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("explain (analyze, buffers) " + plan.sql())) {
            while (rs.next()) {
                text.add(rs.getString(1));
            }
        }
        List<String> nodes = new ArrayList<>();
        double execution = Double.NaN;
        String buffers = "";
        for (String line : text) {
            Matcher node = NODE.matcher(line);
            if (node.find()) {
                String name = node.group(1).strip();
                if (node.group(2) != null) {
                    name += " " + node.group(2);
                } else if (node.group(3) != null) {
                    name += " on " + node.group(3);
                }
                nodes.add(name);
            }
            if (buffers.isEmpty() && line.strip().startsWith("Buffers:")) {
                buffers = line.strip().substring("Buffers:".length()).strip();
            }
            Matcher ex = EXECUTION.matcher(line);
            if (ex.find()) {
                execution = Double.parseDouble(ex.group(1));
            }
        }
        return new Explained(plan.name(), String.join(" → ", nodes), execution, buffers, text);
    }

    /** The 1-, 5- and 15-minute load averages as uptime prints them. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Timed timed(String name, LatencySamples samples, int errors) {
        Timed t = new Timed(name, samples.size(), errors, samples.percentileMillis(50), samples.percentileMillis(99),
                samples.percentileMillis(100), load());
        System.out.printf("%-60s n=%d err=%d p50=%.1f p99=%.1f max=%.1f load=%s%n", name, t.n(), errors, t.p50(), t.p99(),
                t.max(), t.load());
        return t;
    }
}
