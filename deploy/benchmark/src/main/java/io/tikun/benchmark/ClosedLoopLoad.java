package io.tikun.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load: {@code concurrency} loops, each sending its next request as soon as the
 * previous answered. Requests during the warm-up are sent but not counted; only the measured
 * window's answers count toward throughput and latency.
 */
final class ClosedLoopLoad {

    private final HttpClient client;
    private final int concurrency;
    private final IntPredicate success;

    ClosedLoopLoad(HttpClient client, int concurrency, IntPredicate success) {
        this.client = client;
        this.concurrency = concurrency;
        this.success = success;
    }

    LoadResult run(String name, Supplier<HttpRequest> requests, Duration warmUp, Duration measured,
            MeasuredWindow window) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        // The window is told on the clock the loops count by: requests sent from its opening and answered by its close.
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> opening = clock.schedule(window::opened, measureFrom - System.nanoTime(),
                TimeUnit.NANOSECONDS);
        ScheduledFuture<?> closing = clock.schedule(window::closed, measureUntil - System.nanoTime(),
                TimeUnit.NANOSECONDS);
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        List<LatencySamples> perLoop = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            LatencySamples samples = new LatencySamples();
            perLoop.add(samples);
            new Loop(requests, samples, outcomes, failed, measureFrom, measureUntil, done).next();
        }
        done.await();
        try {
            opening.get();
            closing.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the measured window's opening or close failed", e.getCause());
        } finally {
            clock.shutdown();
        }
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counted.put(outcome, count.get()));
        // Every loop counted down after its last sample, so the latch makes the samples visible here.
        return LoadResult.of(name, concurrency, measured, LatencySamples.merge(perLoop), failed.get(), counted);
    }

    /** One closed loop: send, wait for the answer, record it, send the next, until the window ends. */
    private final class Loop {
        private final Supplier<HttpRequest> requests;
        private final LatencySamples samples;
        private final Map<String, AtomicLong> outcomes;
        private final AtomicLong failed;
        private final long measureFrom;
        private final long measureUntil;
        private final CountDownLatch done;

        Loop(Supplier<HttpRequest> requests, LatencySamples samples, Map<String, AtomicLong> outcomes, AtomicLong failed,
                long measureFrom, long measureUntil, CountDownLatch done) {
            this.requests = requests;
            this.samples = samples;
            this.outcomes = outcomes;
            this.failed = failed;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.done = done;
        }

        void next() {
            long sent = System.nanoTime();
            if (sent >= measureUntil) {
                done.countDown();
                return;
            }
            client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long answered = System.nanoTime();
                if (sent >= measureFrom && answered <= measureUntil) {
                    String outcome = error != null ? error.getClass().getSimpleName()
                            : Integer.toString(response.statusCode());
                    outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
                    if (error == null && success.test(response.statusCode())) {
                        synchronized (samples) {
                            samples.add(answered - sent);
                        }
                    } else {
                        failed.incrementAndGet();
                    }
                }
                next();
            });
        }
    }
}
