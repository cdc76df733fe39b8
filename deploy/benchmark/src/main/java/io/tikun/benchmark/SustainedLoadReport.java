package io.tikun.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

import io.tikun.benchmark.SustainedLoadBenchmark.Sample;

/** The sustained load's results: each stage's rate and lag behind intake, and the lag over time. */
final class SustainedLoadReport {

    private record Stage(String name, ToLongFunction<Sample> count) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("published to Kafka by intake (its outbox relay)", Sample::published),
            new Stage("case opened by routing", Sample::opened),
            new Stage("filed by follow-up", Sample::filed),
            new Stage("acknowledgement mailed to the customer by intake", Sample::mailed));

    private SustainedLoadReport() {
    }

    static String render(Duration duration, int concurrency, int warmUp, boolean hotspots, long accepted, long refused,
            Duration loaded, List<Sample> samples, Duration sampleEvery, Duration mailWait) {
        double seconds = loaded.toMillis() / 1000.0;
        Sample atEnd = lastWithin(samples, seconds);
        Sample atHalf = lastWithin(samples, seconds / 2);
        StringBuilder out = new StringBuilder(String.format(
                """
                        Ordinary web complaints (distinct customers with e-mail, each also acknowledged by SMTP) sent by %d closed
                        loops of the benchmark's own HTTP client for %s, after %d unmeasured warm-up complaints had gone through
                        every stage. Each stage is counted where it writes: the end offsets of complaints.received and .urgent,
                        routing.support_case, followup.customer_complaint, the mail sandbox's messages. Lag = intake's 202s so
                        far − the stage's count. One stack (intake, one routing, one follow-up; Kafka, PostgreSQL, the
                        MongoDB-protocol server, GreenMail, Keycloak on this machine)%s.

                        Intake accepted **%d** (%d refused or failed) in %.1f s: **%.1f/s**.

                        | stage | at the load's end | rate during the load /s | lag at half-time | lag at the end | max lag | lag growth, second half /s | caught up after the load |
                        |---|---|---|---|---|---|---|---|
                        """,
                concurrency, duration, warmUp, hotspots ? "" : ", intake without its hotspot topology", accepted,
                refused, seconds, accepted / seconds));
        for (Stage stage : STAGES) {
            long lagEnd = lag(atEnd, stage);
            long lagHalf = lag(atHalf, stage);
            long maxLag = samples.stream().filter(s -> s.seconds() <= seconds).mapToLong(s -> lag(s, stage)).max()
                    .orElse(0);
            Optional<Sample> through = samples.stream()
                    .filter(s -> s.seconds() >= seconds && stage.count().applyAsLong(s) >= accepted).findFirst();
            out.append(String.format("| %s | %d | %.1f | %d | %d | %d | %.1f | %s |%n", stage.name(),
                    stage.count().applyAsLong(atEnd), stage.count().applyAsLong(atEnd) / atEnd.seconds(), lagHalf, lagEnd,
                    maxLag, (lagEnd - lagHalf) / (atEnd.seconds() - atHalf.seconds()),
                    through.map(s -> String.format("%.0f s", s.seconds() - seconds)).orElse(String.format(
                            "**not within the wait** (lag %d after %.0f s)", lag(samples.get(samples.size() - 1), stage),
                            samples.get(samples.size() - 1).seconds() - seconds))));
        }
        out.append(String.format("""

                The lag over time (every %d s; after the load, read every second until every stage had every complaint,
                the mails watched for at most %s after the load):

                | s | accepted | lag: Kafka | lag: routing | lag: follow-up | lag: mail |
                |---|---|---|---|---|---|
                """, sampleEvery.toSeconds(), mailWait));
        double shown = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            boolean last = i == samples.size() - 1;
            if (last || s.seconds() - shown >= sampleEvery.toSeconds() - 0.5) {
                out.append(String.format("| %.0f | %d | %d | %d | %d | %d |%n", s.seconds(), s.accepted(),
                        s.accepted() - s.published(), s.accepted() - s.opened(), s.accepted() - s.filed(),
                        s.accepted() - s.mailed()));
                shown = s.seconds();
            }
        }
        return out.toString();
    }

    private static long lag(Sample sample, Stage stage) {
        return sample.accepted() - stage.count().applyAsLong(sample);
    }

    /** The last sample taken by {@code seconds} into the load (the first sample if none was). */
    private static Sample lastWithin(List<Sample> samples, double seconds) {
        Sample found = samples.get(0);
        for (Sample s : samples) {
            if (s.seconds() <= seconds + 0.5) {
                found = s;
            }
        }
        return found;
    }
}
