package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/** A further message from the customer on an existing complaint (a reply in the same thread). */
public record FollowUpMessage(String id, String dedupKey, String channel, String body, Instant receivedAt) {

    static FollowUpMessage fromDocument(Document doc) {
        return new FollowUpMessage(doc.getString("id"), doc.getString("dedupKey"), doc.getString("channel"),
                doc.getString("body"), doc.getDate("receivedAt").toInstant());
    }

    Document toDocument() {
        return new Document("id", id).append("dedupKey", dedupKey).append("channel", channel).append("body", body)
                .append("receivedAt", Date.from(receivedAt));
    }
}
