package io.tikun.intake.complaint;

import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.ComplaintRepository.PublishedEvents;
import io.tikun.intake.store.GroupedCalls;

/**
 * Marks complaints' events published as the broker accepts them, several complaints to a round trip
 * ({@link GroupedCalls}): a quiet intake writes each mark straight away, a busy one one bulk of updates for the marks
 * that arrived while the last was written.
 */
@ApplicationScoped
public class PublishedMarks {

    /** The most complaints one bulk write carries; the rest wait for the next. */
    static final int MOST_PER_WRITE = 256;

    private final GroupedCalls<PublishedEvents, Void> marks;

    @Inject
    public PublishedMarks(ComplaintRepository complaints) {
        this(complaints::markPublished);
    }

    PublishedMarks(BulkWriter writer) {
        this.marks = new GroupedCalls<>(MOST_PER_WRITE,
                published -> writer.write(published).map(written -> Collections.nCopies(published.size(), null)));
    }

    /** Stores some complaints' marks in one round trip. */
    interface BulkWriter {
        Uni<Void> write(List<PublishedEvents> published);
    }

    /** Completes once these events of the complaint are stored as published (or fails with the write). */
    public Uni<Void> mark(String complaintId, List<String> eventIds) {
        return marks.call(new PublishedEvents(complaintId, List.copyOf(eventIds)));
    }
}
