package io.tikun.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Ordinary web complaints sent by closed loops of the benchmark's HTTP client until {@code count} are sent or
 * {@code until} passes; counts those intake accepted (as the caller's {@code accepted} judges the answer) and the rest.
 */
final class ComplaintLoad {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    /** Counted down by each loop as it stops. */
    final CountDownLatch done;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client;
    private final String intake;
    private final StormLatencyBenchmark.FreshToken channel;
    private final String name;
    private final int count;
    private final Instant until;
    private final Predicate<HttpResponse<String>> isAccepted;

    ComplaintLoad(HttpClient client, String intake, StormLatencyBenchmark.FreshToken channel, int concurrency,
            String name, int count, Instant until, Predicate<HttpResponse<String>> isAccepted) {
        this.client = client;
        this.intake = intake;
        this.channel = channel;
        this.name = name;
        this.count = count;
        this.until = until;
        this.isAccepted = isAccepted;
        this.done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            send();
        }
    }

    private void send() {
        int i = next.getAndIncrement();
        if (i >= count || !Instant.now().isBefore(until)) {
            done.countDown();
            return;
        }
        String token;
        try {
            token = channel.get();
        } catch (IOException | InterruptedException e) {
            refused.incrementAndGet();
            done.countDown();
            return;
        }
        client.sendAsync(StormLatencyBenchmark.complaint(intake, token, StormPhase.ORDINARY.formatted(name, i, name, i,
                i, i)), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    if (error == null && isAccepted.test(response)) {
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                    send();
                });
    }
}
