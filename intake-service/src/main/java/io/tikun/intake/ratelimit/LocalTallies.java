package io.tikun.intake.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * An instance's own count of requests to windows far from their budget, stored in batches. A request let through here
 * is added to the window's tally in memory; one write at a time adds what was tallied to the stored count, and the
 * requests that arrive while it is under way go in the next. The stored count so lags by at most one write's worth of
 * requests per instance, and the answer of each write tells the instance how far the window has got on every
 * instance together; once that is near the budget, the limiter counts each request in the store first.
 */
final class LocalTallies {

    /** Stores {@code requests} more in a window and answers its new count. */
    interface Store {
        Uni<Long> add(String counterId, Instant windowEnd, long requests);
    }

    /** One window's tally: the count the store last answered, the requests being stored, and those not sent yet. */
    private static final class Tally {
        final Instant windowEnd;
        long stored;
        long sending;
        long unsent;
        boolean writing;

        Tally(Instant windowEnd) {
            this.windowEnd = windowEnd;
        }
    }

    private final Store store;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    LocalTallies(Store store) {
        this.store = store;
    }

    /**
     * Lets one request through on the instance's own count when the window's count, with it, stays within
     * {@code below}; false when it would not, and the request must be counted in the store first.
     */
    boolean admit(String counterId, Instant windowEnd, Instant now, long below) {
        Tally tally = tallies.get(counterId);
        if (tally == null) {
            // A new window: the ones that have ended are done with.
            tallies.values().removeIf(ended -> !ended.windowEnd.isAfter(now));
            tally = tallies.computeIfAbsent(counterId, id -> new Tally(windowEnd));
        }
        boolean startWriting;
        synchronized (tally) {
            if (tally.stored + tally.sending + tally.unsent + 1 > below) {
                return false;
            }
            tally.unsent++;
            startWriting = !tally.writing;
            tally.writing = true;
        }
        if (startWriting) {
            write(counterId, tally);
        }
        return true;
    }

    /** What the store answered for a window counted there directly: the instance's tally learns how far it got. */
    void stored(String counterId, long count) {
        Tally tally = tallies.get(counterId);
        if (tally != null) {
            synchronized (tally) {
                tally.stored = Math.max(tally.stored, count);
            }
        }
    }

    private void write(String counterId, Tally tally) {
        long requests;
        synchronized (tally) {
            requests = tally.unsent;
            tally.unsent = 0;
            tally.sending = requests;
            if (requests == 0) {
                tally.writing = false;
                return;
            }
        }
        Uni<Long> added;
        try {
            added = store.add(counterId, tally.windowEnd, requests);
        } catch (RuntimeException e) {
            added = Uni.createFrom().failure(e);
        }
        added.subscribe().with(count -> {
            synchronized (tally) {
                tally.stored = Math.max(tally.stored, count);
                tally.sending = 0;
            }
            write(counterId, tally);
        }, failure -> {
            // Counted again with the next request's write: a failed write loses no request from the count.
            Log.warnf("Could not store %d requests of rate-limit window %s: %s", requests, counterId,
                    failure.getMessage());
            synchronized (tally) {
                tally.sending = 0;
                tally.unsent += requests;
                tally.writing = false;
            }
        });
    }
}
