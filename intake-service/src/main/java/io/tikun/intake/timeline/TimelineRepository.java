package io.tikun.intake.timeline;

import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.store.IntakeStore;

/**
 * What other services reported about a customer's complaints, one document per consumed event: its
 * _id is the event's CloudEvent id, so a redelivered event is stored once.
 */
@ApplicationScoped
public class TimelineRepository {

    static final String COLLECTION = "timeline_events";
    private static final int DUPLICATE_KEY = 11000;
    private static final String CUSTOMER_ID = "customerId";

    private final ReactiveMongoCollection<Document> events;

    public TimelineRepository(IntakeStore store) {
        this.events = store.collection(COLLECTION);
    }

    public Uni<Void> createIndexes() {
        return events.createIndex(Indexes.ascending(CUSTOMER_ID)).replaceWithVoid();
    }

    /** Stores the entry an event produced; false when this event id was stored before. */
    public Uni<Boolean> record(String eventId, String customerId, TimelineEntry entry) {
        Document doc = new Document("_id", eventId)
                .append(CUSTOMER_ID, customerId)
                .append("kind", entry.kind().name())
                .append("at", Date.from(entry.at()))
                .append("channel", entry.channel())
                .append("complaintId", entry.complaintId())
                .append("reference", entry.reference())
                .append("text", entry.text())
                .append("severity", entry.severity() == null ? null : entry.severity().name())
                .append("change", entry.change())
                .append("status", entry.status())
                .append("actor", entry.actor())
                .append("dueAt", entry.dueAt() == null ? null : Date.from(entry.dueAt()));
        return events.insertOne(doc).map(inserted -> true)
                .onFailure(TimelineRepository::isDuplicateKey).recoverWithItem(false);
    }

    public Uni<List<TimelineEntry>> ofCustomers(List<String> customerIds) {
        return events.find(Filters.in(CUSTOMER_ID, customerIds)).map(TimelineRepository::toEntry).collect().asList();
    }

    /** After a merge: the duplicate's entries belong to the survivor. */
    public Uni<Void> reassign(String fromCustomerId, String toCustomerId) {
        return events.updateMany(Filters.eq(CUSTOMER_ID, fromCustomerId), Updates.set(CUSTOMER_ID, toCustomerId))
                .replaceWithVoid();
    }

    private static TimelineEntry toEntry(Document doc) {
        String severity = doc.getString("severity");
        Date dueAt = doc.getDate("dueAt");
        return new TimelineEntry(TimelineEntry.Kind.valueOf(doc.getString("kind")), doc.getDate("at").toInstant(),
                doc.getString("channel"),
                doc.getString("complaintId"), doc.getString("reference"), null, doc.getString("text"),
                severity == null ? null : Severity.valueOf(severity), doc.getString("change"), doc.getString("status"),
                doc.getString("actor"), dueAt == null ? null : dueAt.toInstant());
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoException e && e.getCode() == DUPLICATE_KEY;
    }
}
