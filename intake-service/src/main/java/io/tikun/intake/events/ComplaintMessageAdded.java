package io.tikun.intake.events;

import java.time.Instant;

/**
 * {@code complaints.received} with ce_type {@code tikun.complaint.message-added}: the customer
 * wrote again on an existing complaint (contract: {@code contracts/complaints.message-added.schema.json}).
 * An unanswered reply is a reason for routing to escalate. It takes its complaint's lane ({@link UrgentLane}).
 */
public record ComplaintMessageAdded(String complaintId, String reference, String customerId, String messageId,
        String channel, String body, Instant receivedAt) {

    public static final String TYPE = "tikun.complaint.message-added";
}
