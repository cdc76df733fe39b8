package io.tikun.intake.probe;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;

/**
 * The probes sent ({@code probe_runs}): one document per probe, {@code _id} the delivery's dedup key, written before
 * the probe is sent, so only a complaint this service itself sent can be taken for a probe.
 */
@ApplicationScoped
public class ProbeRunRepository {

    static final String COLLECTION = "probe_runs";
    static final String SENT_AT = "sentAt";
    /** Probe runs are measurements, not history: they expire with the reports' usual horizon. */
    static final long KEEP_DAYS = 400;

    private final ReactiveMongoCollection<Document> runs;

    public ProbeRunRepository(IntakeStore store) {
        this.runs = store.collection(COLLECTION);
    }

    /** A TTL index on {@code sentAt}; lookups are by {@code _id} only. */
    public Uni<Void> createIndexes() {
        return runs.createIndex(Indexes.ascending(SENT_AT), new IndexOptions().expireAfter(KEEP_DAYS, TimeUnit.DAYS))
                .replaceWithVoid();
    }

    public Uni<Void> register(String dedupKey, ProbeChannel channel, Instant sentAt) {
        return runs.insertOne(new Document("_id", dedupKey).append("channel", channel.wire())
                .append(SENT_AT, Date.from(sentAt))).replaceWithVoid();
    }

    /** The probe sent under {@code dedupKey}, or null when this service sent none. */
    public Uni<ProbeMark> find(String dedupKey) {
        return runs.find(Filters.eq("_id", dedupKey)).collect().first()
                .map(doc -> doc == null ? null
                        : new ProbeMark(doc.getString("channel"), doc.getDate(SENT_AT).toInstant()));
    }

    /**
     * Records that intake took the probe in and acknowledged it to the customer: the complaint stored with its
     * reference, the answer given on the channel and the acknowledgement message queued in the same write.
     */
    public Uni<Void> acknowledged(String dedupKey, String complaintId, String reference, Instant at) {
        return runs.updateOne(Filters.eq("_id", dedupKey), Updates.combine(Updates.set("complaintId", complaintId),
                Updates.set("reference", reference), Updates.set("acknowledgedAt", Date.from(at)))).replaceWithVoid();
    }

    /** The stored run, for tests and operators. */
    public Uni<Document> get(String dedupKey) {
        return runs.find(Filters.eq("_id", dedupKey)).collect().first();
    }
}
