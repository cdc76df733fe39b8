package io.tikun.followup.complaint;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Follow-up's reading of intake's {@code complaints.received} event (contract:
 * intake-service/src/main/resources/contracts/complaints.received.schema.json): only what the customer's complaint
 * history and the churn trigger need.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintReceived(
        String complaintId,
        String reference,
        String channel,
        Customer customer,
        String subject,
        String severity,
        List<Reason> reasons,
        Instant receivedAt) {

    /** The severity signal intake records when the customer says they will leave ("cancel", "עוזב"…). */
    public static final String CHURN_INTENT = "CHURN_INTENT";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String signal, String implies, String evidence) {
    }

    public boolean churnIntent() {
        return reasons != null && reasons.stream().anyMatch(r -> CHURN_INTENT.equals(r.signal()));
    }

    /** Fields follow-up cannot file a complaint without; a message lacking them is dead-lettered. */
    public void requireComplete() {
        if (complaintId == null || reference == null || channel == null || customer == null || customer.id() == null
                || subject == null || severity == null || reasons == null || receivedAt == null) {
            throw new IllegalArgumentException("complaints.received event lacks required fields");
        }
    }
}
