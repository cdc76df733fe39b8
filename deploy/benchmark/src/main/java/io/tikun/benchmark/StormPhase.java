package io.tikun.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One storm through one intake instance: the backlog, the urgent complaints sent meanwhile, and their alerts. */
final class StormPhase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);
    static final String ORDINARY = """
            {"channel":"web","customer":{"name":"Storm %s %d","email":"storm-%s-%d@example.com"},
             "subject":"Order %d arrived late","body":"My order %d arrived two days after the promised date. Please tell me what happened."}""";
    private static final String URGENT = """
            {"channel":"web","customer":{"name":"Urgent %s %d","email":"urgent-%s-%d@example.com","phone":"+97254%07d"},
             "subject":"The heater caught fire","body":"It burned the wall. I am calling my lawyer."}""";

    /** What every phase shares: the client, routing, the tokens and the pacing. */
    record Target(HttpClient client, String routingManagement, OpenedCases cases, PublishedUrgent published,
            StormLatencyBenchmark.FreshToken channel,
            StormLatencyBenchmark.FreshToken manager, int concurrency, Duration urgentEvery, Duration drainWait) {
    }

    record Result(String lane, int accepted, int refused, double stormRate, Optional<Duration> drain, int urgent,
            LatencySamples mail, LatencySamples stream, int mailMissing, int streamMissing, Hops hops,
            UrgentLaneBuckets routingHops, WarmUp warmUp) {
    }

    /**
     * The urgent complaints of the warm-up: how many, the first one's 202 → mailbox (the lane's cold start: the first
     * urgent message routing handles since it started) and all of theirs.
     */
    record WarmUp(int urgent, Optional<Duration> firstMail, LatencySamples mail) {
    }

    /**
     * Where an urgent complaint's time went, hop by hop, each from timestamps taken on this machine's one clock:
     * the client's 202 → intake's record on Kafka (its create time; negative when intake published before the client
     * read its answer) → routing began opening the case ({@code opened_at}, taken once its transaction holds a
     * connection) → the alert on the live stream and in the mailbox. {@code slowest} is the breakdown of the alert
     * that took longest to reach the mailbox.
     */
    record Hops(LatencySamples toKafka, LatencySamples toOpening, LatencySamples openingToStream,
            LatencySamples openingToMail, String slowest) {
    }

    private record Urgent(String reference, Instant acceptedAt) {
    }

    private final Target target;
    private final UrgentArrivals arrivals;
    private final String lane;
    private final String intake;

    StormPhase(Target target, UrgentArrivals arrivals, String lane, String intake) {
        this.target = target;
        this.arrivals = arrivals;
        this.lane = lane;
        this.intake = intake;
    }

    Result run(int warmUp, int storm) throws IOException, InterruptedException, SQLException {
        long before = opened();
        // The warm-up sends urgent complaints too, at the storm's pace, so that the urgent path (its consumer, its
        // queries, its mail) has run before the measured storm, as the ordinary path has; the first of them, on a lane
        // never used since routing started, is reported apart as the cold start.
        ComplaintLoad warming = storm("warm-" + lane, warmUp);
        List<Urgent> warmUrgent = new ArrayList<>();
        while (!warming.done.await(target.urgentEvery().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            warmUrgent.add(submitUrgent("warm-" + lane, warmUrgent.size()));
        }
        awaitOpened(before + warming.accepted.get() + warmUrgent.size(), Instant.now().plus(target.drainWait()));
        LatencySamples warmUpMail = awaitAlerts(warmUrgent).mail();
        Optional<Duration> coldMail = warmUrgent.stream().findFirst().flatMap(
                first -> arrivals.mailed(first.reference()).map(at -> Duration.between(first.acceptedAt(), at)));

        long base = opened();
        UrgentLaneBuckets routingBefore = UrgentLaneBuckets.read(target.client(), target.routingManagement());
        Instant start = Instant.now();
        ComplaintLoad backlog = storm(lane, storm);
        List<Urgent> urgent = new ArrayList<>();
        int n = 0;
        while (!backlog.done.await(target.urgentEvery().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            urgent.add(submitUrgent(lane, n++));
        }
        Duration sending = Duration.between(start, Instant.now());
        Optional<Duration> drain = awaitOpened(base + backlog.accepted.get() + urgent.size(),
                start.plus(target.drainWait())).map(at -> Duration.between(start, at));
        Alerts alerts = awaitAlerts(urgent);
        double rate = backlog.accepted.get() / (sending.toMillis() / 1000.0);
        return new Result(lane, backlog.accepted.get(), backlog.refused.get(), rate, drain, urgent.size(), alerts.mail(),
                alerts.stream(), alerts.mailMissing(), alerts.streamMissing(), hops(urgent),
                UrgentLaneBuckets.read(target.client(), target.routingManagement()).since(routingBefore),
                new WarmUp(warmUrgent.size(), coldMail, warmUpMail));
    }

    /** The alerts of urgent complaints: 202 → mailbox and → live stream, and how many never arrived. */
    private record Alerts(LatencySamples mail, LatencySamples stream, int mailMissing, int streamMissing) {
    }

    /** Waits for the alerts of {@code urgent} (those still missing get a last minute) and measures them. */
    private Alerts awaitAlerts(List<Urgent> urgent) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(giveUp) && urgent.stream().anyMatch(
                u -> arrivals.mailed(u.reference()).isEmpty() || arrivals.streamed(u.reference()).isEmpty())) {
            Thread.sleep(POLL.toMillis());
        }
        LatencySamples mail = new LatencySamples();
        LatencySamples stream = new LatencySamples();
        int mailMissing = 0;
        int streamMissing = 0;
        for (Urgent u : urgent) {
            Optional<Instant> mailed = arrivals.mailed(u.reference());
            Optional<Instant> streamed = arrivals.streamed(u.reference());
            if (mailed.isPresent()) {
                mail.add(Math.max(0, Duration.between(u.acceptedAt(), mailed.get()).toNanos()));
            } else {
                mailMissing++;
            }
            if (streamed.isPresent()) {
                stream.add(Math.max(0, Duration.between(u.acceptedAt(), streamed.get()).toNanos()));
            } else {
                streamMissing++;
            }
        }
        return new Alerts(mail, stream, mailMissing, streamMissing);
    }

    private Hops hops(List<Urgent> urgent) throws SQLException {
        Map<String, Instant> openedAt = target.cases().openedAt(urgent.stream().map(Urgent::reference).toList());
        LatencySamples toKafka = new LatencySamples();
        LatencySamples toOpening = new LatencySamples();
        LatencySamples openingToStream = new LatencySamples();
        LatencySamples openingToMail = new LatencySamples();
        String slowest = "none complete";
        long slowestNanos = -1;
        for (Urgent u : urgent) {
            Optional<Instant> published = target.published().at(u.reference());
            Instant opening = openedAt.get(u.reference());
            Optional<Instant> streamed = arrivals.streamed(u.reference());
            Optional<Instant> mailed = arrivals.mailed(u.reference());
            if (published.isEmpty() || opening == null || streamed.isEmpty() || mailed.isEmpty()) {
                continue;
            }
            long kafka = Duration.between(u.acceptedAt(), published.get()).toNanos();
            long opened = Duration.between(published.get(), opening).toNanos();
            long stream = Duration.between(opening, streamed.get()).toNanos();
            long mail = Duration.between(opening, mailed.get()).toNanos();
            toKafka.add(kafka);
            toOpening.add(opened);
            openingToStream.add(stream);
            openingToMail.add(mail);
            long total = Duration.between(u.acceptedAt(), mailed.get()).toNanos();
            if (total > slowestNanos) {
                slowestNanos = total;
                slowest = String.format("%s: %d ms = %d to Kafka + %d to opening + %d to mail (stream %d after opening)",
                        u.reference(), total / 1_000_000, kafka / 1_000_000, opened / 1_000_000, mail / 1_000_000,
                        stream / 1_000_000);
            }
        }
        return new Hops(toKafka, toOpening, openingToStream, openingToMail, slowest);
    }

    private Urgent submitUrgent(String name, int i) throws IOException, InterruptedException {
        HttpResponse<String> response = target.client().send(StormLatencyBenchmark.complaint(intake,
                target.channel().get(), URGENT.formatted(name, i, name, i, (name.hashCode() & 0xff) * 10_000 + i)),
                HttpResponse.BodyHandlers.ofString());
        Instant accepted = Instant.now();
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 202 || !"CRITICAL".equals(json.path("severity").asText())) {
            throw new IllegalStateException("expected a CRITICAL complaint accepted, got " + response.statusCode() + " "
                    + response.body());
        }
        return new Urgent(json.get("reference").asText(), accepted);
    }

    private long opened() throws SQLException {
        return target.cases().count();
    }

    /** When routing had opened {@code expected} cases in all, or empty if not by {@code giveUp}. */
    private Optional<Instant> awaitOpened(long expected, Instant giveUp) throws SQLException, InterruptedException {
        while (Instant.now().isBefore(giveUp)) {
            if (opened() >= expected) {
                return Optional.of(Instant.now());
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.empty();
    }

    /** {@code count} ordinary complaints sent by closed loops; counts what intake accepted and what it refused. */
    private ComplaintLoad storm(String name, int count) {
        return new ComplaintLoad(target.client(), intake, target.channel(), target.concurrency(), name, count,
                Instant.MAX, response -> response.statusCode() == 202 && isOrdinary(response.body()));
    }

    /** A storm complaint that judged HIGH or CRITICAL would be measured in the wrong group: it counts as refused. */
    private static boolean isOrdinary(String body) {
        try {
            String severity = JSON.readTree(body).path("severity").asText();
            return "LOW".equals(severity) || "MEDIUM".equals(severity);
        } catch (IOException e) {
            return false;
        }
    }
}
