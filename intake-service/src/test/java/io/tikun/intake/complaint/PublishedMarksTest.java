package io.tikun.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.tikun.intake.complaint.ComplaintRepository.PublishedEvents;

class PublishedMarksTest {

    /** A store whose writes finish when the test says so, each remembered with what it carried. */
    private static final class HeldWrites implements PublishedMarks.BulkWriter {
        final List<List<PublishedEvents>> carried = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();

        @Override
        public Uni<Void> write(List<PublishedEvents> published) {
            carried.add(published);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return Uni.createFrom().completionStage(done);
        }

        List<String> complaintsOf(int write) {
            return carried.get(write).stream().map(PublishedEvents::complaintId).toList();
        }
    }

    private final HeldWrites store = new HeldWrites();
    private final PublishedMarks marks = new PublishedMarks(store);

    private UniAssertSubscriber<Void> mark(String complaintId) {
        return marks.mark(complaintId, List.of(complaintId + "-event")).subscribe()
                .withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void aMarkWhileNothingIsBeingWrittenIsWrittenAtOnceOnItsOwn() {
        UniAssertSubscriber<Void> first = mark("c1");

        assertThat(store.carried).hasSize(1);
        assertThat(store.carried.get(0)).containsExactly(new PublishedEvents("c1", List.of("c1-event")));
        first.assertNotTerminated();
        store.pending.get(0).complete(null);
        first.assertCompleted();
    }

    @Test
    void marksArrivingDuringAWriteGoTogetherInTheNextAndEachEndsWithItsOwnWrite() {
        UniAssertSubscriber<Void> first = mark("c1");
        UniAssertSubscriber<Void> second = mark("c2");
        UniAssertSubscriber<Void> third = mark("c3");

        assertThat(store.carried).hasSize(1);
        store.pending.get(0).complete(null);
        first.assertCompleted();
        assertThat(store.carried).hasSize(2);
        assertThat(store.complaintsOf(1)).containsExactly("c2", "c3");
        second.assertNotTerminated();
        third.assertNotTerminated();

        store.pending.get(1).complete(null);
        second.assertCompleted();
        third.assertCompleted();
        UniAssertSubscriber<Void> later = mark("c4");
        assertThat(store.complaintsOf(2)).containsExactly("c4");
        later.assertNotTerminated();
    }

    @Test
    void aFailedWriteFailsItsOwnMarksAndTheNextWriteStillGoes() {
        UniAssertSubscriber<Void> first = mark("c1");
        UniAssertSubscriber<Void> second = mark("c2");

        store.pending.get(0).completeExceptionally(new IllegalStateException("store down"));
        first.assertFailedWith(IllegalStateException.class, "store down");
        assertThat(store.complaintsOf(1)).containsExactly("c2");
        store.pending.get(1).complete(null);
        second.assertCompleted();
    }

    @Test
    void aLongQueueIsWrittenInBulksOfAtMostTheLimit() {
        mark("first");
        for (int i = 0; i < PublishedMarks.MOST_PER_WRITE + 10; i++) {
            mark("c" + i);
        }

        store.pending.get(0).complete(null);
        assertThat(store.carried.get(1)).hasSize(PublishedMarks.MOST_PER_WRITE);
        store.pending.get(1).complete(null);
        assertThat(store.carried.get(2)).hasSize(10);
        assertThat(store.complaintsOf(2).get(9)).isEqualTo("c" + (PublishedMarks.MOST_PER_WRITE + 9));
    }
}
