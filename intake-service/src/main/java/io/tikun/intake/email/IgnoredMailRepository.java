package io.tikun.intake.email;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;

/** Auto-replies, bounces and bulk mail: recorded, with the evidence, but never complaints and never answered. */
@ApplicationScoped
public class IgnoredMailRepository {

    static final String COLLECTION = "ignored_mail";

    private final ReactiveMongoCollection<Document> ignored;

    public IgnoredMailRepository(IntakeStore store) {
        this.ignored = store.collection(COLLECTION);
    }

    public Uni<String> record(ParsedEmail mail, Instant now) {
        String id = UUID.randomUUID().toString();
        Document doc = new Document("_id", id)
                .append("messageId", mail.messageId())
                .append("from", mail.from() == null ? null : mail.from().address())
                .append("subject", mail.subject())
                .append("kind", mail.automated().kind().name())
                .append("evidence", mail.automated().evidence())
                .append("receivedAt", Date.from(now));
        return ignored.insertOne(doc).replaceWith(id);
    }
}
