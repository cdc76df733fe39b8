package io.tikun.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class LocalTalliesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:30Z");
    private static final Instant WINDOW_END = Instant.parse("2026-12-07T10:01:00Z");

    /** A store whose writes finish when the test says so, answering the count it would then hold. */
    private static final class HeldStore implements LocalTallies.Store {
        final List<Long> written = new ArrayList<>();
        final List<CompletableFuture<Long>> pending = new ArrayList<>();
        long count;

        @Override
        public Uni<Long> add(String counterId, Instant windowEnd, long requests) {
            written.add(requests);
            CompletableFuture<Long> done = new CompletableFuture<>();
            pending.add(done);
            return Uni.createFrom().completionStage(done);
        }

        void finish(int write, long othersMeanwhile) {
            count += written.get(write) + othersMeanwhile;
            pending.get(write).complete(count);
        }
    }

    private final HeldStore store = new HeldStore();
    private final LocalTallies tallies = new LocalTallies(store);

    private boolean admit(long below) {
        return tallies.admit("credential:k:1", WINDOW_END, NOW, below);
    }

    @Test
    void storesTheFirstRequestAtOnceAndThoseDuringTheWriteTogetherInTheNext() {
        assertThat(admit(100)).isTrue();
        assertThat(store.written).containsExactly(1L);
        for (int i = 0; i < 5; i++) {
            assertThat(admit(100)).isTrue();
        }
        assertThat(store.written).containsExactly(1L);

        store.finish(0, 0);
        assertThat(store.written).containsExactly(1L, 5L);
        store.finish(1, 0);
        assertThat(store.count).isEqualTo(6);
        assertThat(store.written).hasSize(2);
    }

    @Test
    void countsTheRequestsBeingStoredAgainstTheShareToo() {
        assertThat(admit(2)).isTrue();
        assertThat(admit(2)).isTrue();
        assertThat(admit(2)).isFalse();

        store.finish(0, 0);
        // One stored, one being stored: still two.
        assertThat(admit(2)).isFalse();
    }

    @Test
    void stopsAdmittingOnceItsOwnTallyWouldPassTheShareWithoutWaitingForTheStore() {
        for (int i = 0; i < 3; i++) {
            assertThat(admit(3)).isTrue();
        }

        assertThat(admit(3)).isFalse();
    }

    @Test
    void learnsFromEachWriteHowFarEveryInstanceTogetherGot() {
        assertThat(admit(50)).isTrue();
        // Other instances counted 48 meanwhile: the window holds 49.
        store.finish(0, 48);

        assertThat(admit(50)).isTrue();
        assertThat(admit(50)).isFalse();
    }

    @Test
    void learnsFromRequestsCountedInTheStoreDirectly() {
        assertThat(admit(10)).isTrue();
        tallies.stored("credential:k:1", 9);

        assertThat(admit(10)).isFalse();
    }

    @Test
    void aFailedWriteKeepsItsRequestsForTheNextWrite() {
        assertThat(admit(100)).isTrue();
        assertThat(admit(100)).isTrue();
        store.pending.get(0).completeExceptionally(new IllegalStateException("store down"));

        assertThat(admit(100)).isTrue();
        assertThat(store.written).containsExactly(1L, 3L);
        store.finish(1, 0);
        assertThat(store.count).isEqualTo(3);
    }

    @Test
    void forgetsWindowsThatHaveEndedWhenANewOneBegins() {
        assertThat(tallies.admit("credential:k:1", WINDOW_END, NOW, 1)).isTrue();
        assertThat(tallies.admit("credential:k:1", WINDOW_END, NOW, 1)).isFalse();

        Instant nextWindowEnd = WINDOW_END.plusSeconds(60);
        assertThat(tallies.admit("credential:k:2", nextWindowEnd, WINDOW_END.plusSeconds(1), 1)).isTrue();
        // The ended window's tally is gone: a late request to it starts from nothing again.
        assertThat(tallies.admit("credential:k:1", WINDOW_END, WINDOW_END.plusSeconds(1), 1)).isTrue();
    }
}
