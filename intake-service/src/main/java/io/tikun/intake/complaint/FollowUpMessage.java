package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** A further message from the customer on an existing complaint (a reply in the same thread). */
public record FollowUpMessage(String id, String dedupKey, String channel, String body, Instant receivedAt,
        List<Attachment> attachments) {

    public FollowUpMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A further message without attachments. */
    public FollowUpMessage(String id, String dedupKey, String channel, String body, Instant receivedAt) {
        this(id, dedupKey, channel, body, receivedAt, List.of());
    }

    static FollowUpMessage fromDocument(Document doc) {
        return new FollowUpMessage(doc.getString("id"), doc.getString("dedupKey"), doc.getString("channel"),
                doc.getString("body"), doc.getDate("receivedAt").toInstant(),
                Attachment.fromDocuments(doc.getList("attachments", Document.class, List.of())));
    }

    Document toDocument() {
        return new Document("id", id).append("dedupKey", dedupKey).append("channel", channel).append("body", body)
                .append("receivedAt", Date.from(receivedAt)).append("attachments", Attachment.toDocuments(attachments));
    }
}
