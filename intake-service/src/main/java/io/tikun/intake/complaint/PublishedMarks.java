package io.tikun.intake.complaint;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.tikun.intake.complaint.ComplaintRepository.PublishedEvents;

/**
 * Marks complaints' events published as the broker accepts them, several complaints to a round trip: a mark that
 * arrives while no write is under way is written at once, and the marks that arrive while one is under way wait for it
 * and go together in the next, one bulk of updates. So a quiet intake writes each mark straight away, and a busy one
 * writes a mark for many complaints per round trip instead of one each, with no timer deciding how long to wait.
 */
@ApplicationScoped
public class PublishedMarks {

    /** The most complaints one bulk write carries; the rest wait for the next. */
    static final int MOST_PER_WRITE = 256;

    private record Waiting(PublishedEvents events, UniEmitter<? super Void> done) {
    }

    /** Stores some complaints' marks in one round trip. */
    interface BulkWriter {
        Uni<Void> write(List<PublishedEvents> published);
    }

    private final BulkWriter writer;
    private final Object lock = new Object();
    private List<Waiting> queued = new ArrayList<>();
    private boolean writing;

    @Inject
    public PublishedMarks(ComplaintRepository complaints) {
        this(complaints::markPublished);
    }

    PublishedMarks(BulkWriter writer) {
        this.writer = writer;
    }

    /** Completes once these events of the complaint are stored as published (or fails with the write). */
    public Uni<Void> mark(String complaintId, List<String> eventIds) {
        return Uni.createFrom().emitter(done -> {
            boolean start;
            synchronized (lock) {
                queued.add(new Waiting(new PublishedEvents(complaintId, List.copyOf(eventIds)), done));
                start = !writing;
                writing = true;
            }
            if (start) {
                writeQueued();
            }
        });
    }

    /** Writes what is queued, then what queued up meanwhile, until nothing waits. */
    private void writeQueued() {
        List<Waiting> batch;
        synchronized (lock) {
            if (queued.isEmpty()) {
                writing = false;
                return;
            }
            if (queued.size() <= MOST_PER_WRITE) {
                batch = queued;
                queued = new ArrayList<>();
            } else {
                batch = new ArrayList<>(queued.subList(0, MOST_PER_WRITE));
                queued = new ArrayList<>(queued.subList(MOST_PER_WRITE, queued.size()));
            }
        }
        Uni<Void> write;
        try {
            write = writer.write(batch.stream().map(Waiting::events).toList());
        } catch (RuntimeException e) {
            write = Uni.createFrom().failure(e);
        }
        write.subscribe().with(written -> {
            batch.forEach(waiting -> waiting.done().complete(null));
            writeQueued();
        }, failure -> {
            batch.forEach(waiting -> waiting.done().fail(failure));
            writeQueued();
        });
    }
}
