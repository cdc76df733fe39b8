package io.tikun.intake.outbound.social;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;

/**
 * {@link DeliveredParts} in the {@code outbound_parts} collection, one document per posted part with
 * {@code _id = <messageId>#<part>}, so two instances racing on one part keep one record.
 */
@ApplicationScoped
public class MongoDeliveredParts implements DeliveredParts {

    static final String COLLECTION = "outbound_parts";

    private final ReactiveMongoCollection<Document> parts;
    private final Clock clock;

    public MongoDeliveredParts(IntakeStore store, Clock clock) {
        this.parts = store.collection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public Uni<Map<String, String>> of(String messageId) {
        // A range on _id uses its index: every key of this message starts with "<messageId>#", and '$' follows '#'.
        return parts.find(Filters.and(Filters.gte("_id", messageId + "#"), Filters.lt("_id", messageId + "$"))).collect()
                .asList().map(documents -> {
                    Map<String, String> delivered = new HashMap<>();
                    documents.forEach(d -> delivered.put(d.getString("part"), d.getString("providerMessageId")));
                    return delivered;
                });
    }

    @Override
    public Uni<Void> remember(String messageId, String part, String providerMessageId) {
        Document document = new Document("_id", messageId + "#" + part).append("messageId", messageId)
                .append("part", part).append("providerMessageId", providerMessageId)
                .append("deliveredAt", Date.from(clock.instant()));
        return parts.insertOne(document).replaceWithVoid().onFailure(MongoDeliveredParts::isDuplicate)
                .recoverWithNull();
    }

    private static boolean isDuplicate(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
