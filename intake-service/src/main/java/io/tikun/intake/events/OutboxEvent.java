package io.tikun.intake.events;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * An event waiting to be published, stored inside the document whose change it announces, so
 * that the change and the duty to announce it are written in one atomic single-document write.
 */
public record OutboxEvent(String id, String type, String topic, String key, String payload, Instant createdAt) {

    /** The pseudo-topic of e-mails waiting in the outbox (acknowledgements to customers). */
    public static final String MAIL_TOPIC = "smtp";
    public static final String ACKNOWLEDGEMENT_TYPE = "tikun.acknowledgement";

    public Document toDocument() {
        return new Document("id", id).append("type", type).append("topic", topic).append("key", key)
                .append("payload", payload).append("createdAt", Date.from(createdAt));
    }

    public static OutboxEvent fromDocument(Document doc) {
        return new OutboxEvent(doc.getString("id"), doc.getString("type"), doc.getString("topic"), doc.getString("key"),
                doc.getString("payload"), doc.getDate("createdAt").toInstant());
    }
}
