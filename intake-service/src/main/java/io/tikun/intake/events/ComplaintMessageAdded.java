package io.tikun.intake.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tikun.intake.complaint.Attachment;

/**
 * {@code complaints.received} with ce_type {@code tikun.complaint.message-added}: the customer
 * wrote again on an existing complaint (contract: {@code contracts/complaints.message-added.schema.json}).
 * An unanswered reply is a reason for routing to escalate. It takes its complaint's lane ({@link UrgentLane}).
 */
public record ComplaintMessageAdded(String complaintId, String reference, String customerId, String messageId,
        String channel, String body, Instant receivedAt,
        /** The files attached to the further e-mail (name, type, size, SHA-256; never the content); absent when none. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments) {

    public ComplaintMessageAdded {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static final String TYPE = "tikun.complaint.message-added";
}
