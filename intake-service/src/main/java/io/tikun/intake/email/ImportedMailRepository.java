package io.tikun.intake.email;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Filters;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;

/** Which mailbox messages were already imported, by folder, UIDVALIDITY and UID: never import one twice. */
@ApplicationScoped
public class ImportedMailRepository {

    static final String COLLECTION = "imap_imported";

    private final ReactiveMongoCollection<Document> imported;

    public ImportedMailRepository(IntakeStore store) {
        this.imported = store.collection(COLLECTION);
    }

    public Uni<Boolean> isImported(String key) {
        return imported.countDocuments(Filters.eq("_id", key)).map(count -> count > 0);
    }

    public Uni<Void> markImported(String key, String outcome, Instant at) {
        return imported.insertOne(new Document("_id", key).append("outcome", outcome).append("importedAt", Date.from(at)))
                .replaceWithVoid();
    }
}
