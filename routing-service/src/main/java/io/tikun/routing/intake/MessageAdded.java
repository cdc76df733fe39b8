package io.tikun.routing.intake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Routing's reading of intake's {@code tikun.complaint.message-added} event on {@code complaints.received}
 * (contract: intake-service/src/main/resources/contracts/complaints.message-added.schema.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageAdded(
        String complaintId,
        String reference,
        String customerId,
        String messageId,
        String channel,
        String body,
        Instant receivedAt,
        /** The files attached to the further e-mail, as metadata; null or empty when none. */
        List<Attachment> attachments) {

    /** The attachments, never null. */
    public List<Attachment> attachedFiles() {
        return attachments == null ? List.of() : attachments;
    }

    /** Fields routing cannot work without; a message lacking them goes to the dead-letter topic. */
    public void requireComplete() {
        if (complaintId == null || messageId == null || receivedAt == null) {
            throw new IllegalArgumentException("message-added event lacks required fields");
        }
    }
}
