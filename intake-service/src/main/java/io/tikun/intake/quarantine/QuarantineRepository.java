package io.tikun.intake.quarantine;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.store.IntakeStore;

/** The quarantine collection: every rejected delivery, raw, until an operator has dealt with it. */
@ApplicationScoped
public class QuarantineRepository {

    static final String COLLECTION = "quarantine";

    private final ReactiveMongoCollection<Document> quarantine;
    private final int maxKeptBytes;

    public QuarantineRepository(IntakeStore store, IntakeConfig config) {
        this.quarantine = store.collection(COLLECTION);
        this.maxKeptBytes = config.quarantine().maxKeptBytes();
    }

    /** Keeps a rejected payload (truncated beyond the configured size) and returns its id. */
    public Uni<String> keep(String channel, String endpoint, String contentType, Map<String, String> headers,
            byte[] raw, String reason, Instant now) {
        String id = UUID.randomUUID().toString();
        boolean truncated = raw.length > maxKeptBytes;
        byte[] kept = truncated ? Arrays.copyOf(raw, maxKeptBytes) : raw;
        Document doc = new Document("_id", id)
                .append("channel", channel)
                .append("endpoint", endpoint)
                .append("contentType", contentType)
                .append("headers", new Document(Map.copyOf(headers)))
                .append("reason", reason)
                .append("receivedAt", Date.from(now))
                .append("sizeBytes", (long) raw.length)
                .append("truncated", truncated)
                .append("raw", new Binary(kept))
                .append("status", QuarantineStatus.HELD.name())
                .append("replayAttempts", 0);
        return quarantine.insertOne(doc).replaceWith(id);
    }

    public Uni<List<QuarantinedPayload>> list(QuarantineStatus status, int page, int size) {
        var options = new FindOptions().sort(Sorts.descending("receivedAt")).skip(page * size).limit(size);
        return quarantine.find(Filters.eq("status", status.name()), options).map(QuarantineRepository::toPayload)
                .collect().asList();
    }

    public Uni<QuarantinedPayload> find(String id) {
        return quarantine.find(Filters.eq("_id", id)).collect().first()
                .map(doc -> doc == null ? null : toPayload(doc));
    }

    public Uni<byte[]> raw(String id) {
        return quarantine.find(Filters.eq("_id", id)).collect().first()
                .map(doc -> doc == null ? null : doc.get("raw", Binary.class).getData());
    }

    public Uni<Void> markReplayed(String id, String replayedAs, Instant at) {
        return quarantine.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", QuarantineStatus.REPLAYED.name()),
                Updates.set("replayedAs", replayedAs),
                Updates.set("replayedAt", Date.from(at)),
                Updates.inc("replayAttempts", 1))).replaceWithVoid();
    }

    public Uni<Void> markReplayFailed(String id, String error) {
        return quarantine.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("lastReplayError", error),
                Updates.inc("replayAttempts", 1))).replaceWithVoid();
    }

    private static QuarantinedPayload toPayload(Document doc) {
        Document headers = doc.get("headers", Document.class);
        Map<String, String> headerMap = headers == null ? Map.of()
                : headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> String.valueOf(e.getValue())));
        Date replayedAt = doc.getDate("replayedAt");
        return new QuarantinedPayload(doc.getString("_id"), doc.getString("channel"), doc.getString("endpoint"),
                doc.getString("contentType"), headerMap, doc.getString("reason"), doc.getDate("receivedAt").toInstant(),
                ((Number) doc.get("sizeBytes")).longValue(), doc.getBoolean("truncated", false),
                QuarantineStatus.valueOf(doc.getString("status")), ((Number) doc.get("replayAttempts")).intValue(),
                doc.getString("lastReplayError"), doc.getString("replayedAs"),
                replayedAt == null ? null : replayedAt.toInstant());
    }
}
