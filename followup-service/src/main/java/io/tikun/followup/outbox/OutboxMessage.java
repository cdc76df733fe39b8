package io.tikun.followup.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event written in the same transaction as the change it announces and published to Kafka
 * afterwards; its id is the CloudEvent id consumers deduplicate on.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Not before this instant: a claim pushes it forward so no other relay takes the message meanwhile. */
    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static OutboxMessage of(String topic, String key, String type, String payload, Instant now) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topic;
        message.key = key;
        message.type = type;
        message.payload = payload;
        message.createdAt = now;
        message.availableAt = now;
        return message;
    }
}
