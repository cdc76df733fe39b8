package io.tikun.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The same closed loop as {@link ClosedLoopLoad}, driven by wrk (Debian's package {@code wrk}) instead of
 * a JVM client. wrk's C event loop spends a small fraction of the CPU a JVM HTTP client spends per
 * request, and on two cores whatever the load generator uses is taken from the service measured.
 * <p>
 * Each request is built by a generated Lua script from a template: {@value #CUSTOMER} becomes a customer
 * number drawn from {@code customers} numbers starting at {@value #FIRST_CUSTOMER}, {@value #UNIQUE} a value no other request
 * of the run carries (an
 * idempotency key, a Message-ID). Only answers with the expected status count as successes; wrk's own
 * latency histogram gives the percentiles.
 */
final class WrkLoad {

    static final String CUSTOMER = "${customer}";
    static final String UNIQUE = "${unique}";
    static final int FIRST_CUSTOMER = 1_000_000;
    private static final String EXECUTABLE = "wrk";
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXTRA_WAIT = Duration.ofMinutes(1);
    private static final Pattern RESULT = Pattern.compile("^RESULT (.*)$", Pattern.MULTILINE);
    private static final double MICROS_PER_MILLI = 1_000.0;

    /** One request template: method, path, headers and a body in which the placeholders are replaced. */
    record Template(String method, String path, Map<String, String> headers, String body, int expectedStatus) {
    }

    private final String baseUrl;
    private final int concurrency;
    private final int threads;
    private final int customers;

    WrkLoad(String baseUrl, int concurrency, int threads, int customers) {
        this.baseUrl = baseUrl;
        this.concurrency = concurrency;
        this.threads = threads;
        this.customers = customers;
    }

    /** Whether wrk is on this machine's PATH. */
    static boolean available() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, EXECUTABLE)));
    }

    LoadResult run(String name, Template template, Duration warmUp, Duration measured, MeasuredWindow window)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("tikun-wrk-", ".lua");
        try {
            // Warm-up and measured window are two wrk runs of one script; the run nonce keeps their requests distinct.
            Files.writeString(script, script(template, UUID.randomUUID().toString()), StandardCharsets.UTF_8);
            wrk(script, warmUp);
            Files.writeString(script, script(template, UUID.randomUUID().toString()), StandardCharsets.UTF_8);
            window.opened();
            String output = wrk(script, measured);
            window.closed();
            return result(name, template, measured, output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private String wrk(Path script, Duration length) throws IOException, InterruptedException {
        List<String> command = List.of(EXECUTABLE, "-t" + threads, "-c" + concurrency, "-d" + length.toSeconds() + "s",
                "--timeout", SOCKET_TIMEOUT.toSeconds() + "s", "-s", script.toString(), baseUrl);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(length.plus(EXTRA_WAIT).toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed: " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    private LoadResult result(String name, Template template, Duration measured, String output) {
        Matcher line = RESULT.matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("wrk printed no result line:\n" + output);
        }
        Map<String, Long> values = Stream.of(line.group(1).strip().split(" ")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
        long ok = values.get("ok");
        long otherStatus = values.get("other");
        long socketErrors = values.get("socket_errors");
        Map<String, Long> outcomes = new TreeMap<>();
        outcomes.put(Integer.toString(template.expectedStatus()), ok);
        if (otherStatus > 0) {
            outcomes.put("other status", otherStatus);
        }
        if (socketErrors > 0) {
            outcomes.put("socket error", socketErrors);
        }
        long unanswered = ok + otherStatus + socketErrors == 0 ? concurrency : 0;
        if (unanswered > 0) {
            // Every connection's request was still open when the window closed: the service stopped answering.
            outcomes.put("no answer in the window", unanswered);
        }
        Duration actual = Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(values.get("duration_us")));
        return new LoadResult(name + " (wrk)", concurrency, actual.isZero() ? measured : actual, ok,
                otherStatus + socketErrors + unanswered, outcomes, values.get("p50") / MICROS_PER_MILLI,
                values.get("p90") / MICROS_PER_MILLI, values.get("p99") / MICROS_PER_MILLI,
                values.get("max") / MICROS_PER_MILLI);
    }

    private String script(Template template, String nonce) {
        String headers = template.headers().entrySet().stream()
                .map(header -> "[" + lua(header.getKey()) + "]=" + lua(header.getValue()))
                .collect(Collectors.joining(", "));
        return """
                -- Generated by Tikun's intake benchmark (WrkLoad); one request per call, counted by status.
                local method, path, template = %s, %s, %s
                local static_headers = { %s }
                local expected, customers, nonce = %d, %d, %s
                -- Seven digits from the first customer on, so that a customer number also completes a phone number.
                local first_customer = %d
                local threads, created = {}, 0
                ok, other, tid, counter = 0, 0, 0, 0

                function setup(thread)
                  created = created + 1
                  thread:set("tid", created)
                  table.insert(threads, thread)
                end

                function init(args)
                  math.randomseed(os.time() + tid * 7919)
                end

                local function fill(text, customer, unique)
                  text = string.gsub(text, "%%${customer}", customer)
                  return (string.gsub(text, "%%${unique}", unique))
                end

                function request()
                  counter = counter + 1
                  local customer = tostring(first_customer + math.random(0, customers - 1))
                  local unique = nonce .. "-" .. tid .. "-" .. counter
                  local headers = {}
                  for k, v in pairs(static_headers) do headers[k] = fill(v, customer, unique) end
                  return wrk.format(method, path, headers, fill(template, customer, unique))
                end

                function response(status, headers, body)
                  if status == expected then ok = ok + 1 else other = other + 1 end
                end

                function done(summary, latency, requests)
                  local all_ok, all_other = 0, 0
                  for _, thread in ipairs(threads) do
                    all_ok = all_ok + thread:get("ok")
                    all_other = all_other + thread:get("other")
                  end
                  local e = summary.errors
                  io.write(string.format("RESULT ok=%%d other=%%d socket_errors=%%d duration_us=%%d p50=%%d p90=%%d p99=%%d max=%%d\\n",
                    all_ok, all_other, e.connect + e.read + e.write + e.timeout, summary.duration,
                    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
                end
                """
                .formatted(lua(template.method()), lua(template.path()), lua(template.body()), headers,
                        template.expectedStatus(), customers, lua(nonce), FIRST_CUSTOMER);
    }

    /** A Lua string literal of {@code text}'s UTF-8 bytes: printable ASCII as it is, every other byte escaped. */
    static String lua(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xff;
            if (unsigned == '"' || unsigned == '\\') {
                literal.append('\\').append((char) unsigned);
            } else if (unsigned >= ' ' && unsigned < 0x7f) {
                literal.append((char) unsigned);
            } else {
                literal.append('\\').append(String.format("%03d", unsigned));
            }
        }
        return literal.append('"').toString();
    }
}
