package io.tikun.intake.ratelimit;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;

/**
 * Fixed-window request counters in MongoDB, one document per budget, key and window; MongoDB's TTL monitor
 * removes a window's counter once it has ended ({@code expiresAt}).
 */
@ApplicationScoped
public class RateLimitRepository {

    static final String COLLECTION = "rate_limits";
    static final String COUNT = "count";
    static final String EXPIRES_AT = "expiresAt";
    private static final int DUPLICATE_KEY = 11000;
    private static final int UPSERT_ATTEMPTS = 2;

    private final ReactiveMongoCollection<Document> counters;

    public RateLimitRepository(IntakeStore store) {
        this.counters = store.collection(COLLECTION);
    }

    public Uni<Void> createIndexes() {
        return counters.createIndex(Indexes.ascending(EXPIRES_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS))
                .replaceWithVoid();
    }

    /** Counts one more request in the window {@code id}, created on its first request; returns the new count. */
    public Uni<Long> increment(String id, Instant windowEnd) {
        return increment(id, windowEnd, 1);
    }

    /** Counts {@code requests} more in the window {@code id}, created on its first request; returns the new count. */
    public Uni<Long> increment(String id, Instant windowEnd, long requests) {
        var update = Updates.combine(Updates.inc(COUNT, requests), Updates.setOnInsert(EXPIRES_AT, Date.from(windowEnd)));
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        // Two first requests racing on one window: the loser's upsert hits the _id; its retry increments the winner's.
        return counters.findOneAndUpdate(Filters.eq("_id", id), update, options)
                .onFailure(RateLimitRepository::isDuplicateKey).retry().atMost(UPSERT_ATTEMPTS)
                .map(doc -> ((Number) doc.get(COUNT)).longValue());
    }

    /** The count stored for a window, 0 when nothing was counted in it. */
    public Uni<Long> count(String id) {
        return counters.find(Filters.eq("_id", id)).collect().first()
                .map(doc -> doc == null ? 0L : ((Number) doc.get(COUNT)).longValue());
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoException e && e.getCode() == DUPLICATE_KEY;
    }
}
