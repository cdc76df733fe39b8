package io.tikun.followup.inbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The id of an event already applied: makes at-least-once delivery an exactly-once effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    public static ProcessedEvent of(String eventId, Instant at) {
        ProcessedEvent event = new ProcessedEvent();
        event.eventId = eventId;
        event.processedAt = at;
        return event;
    }
}
