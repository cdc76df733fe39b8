package io.tikun.routing.intake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.tikun.routing.escalation.Severity;

/**
 * Routing's reading of intake's {@code complaints.received} event (contract:
 * intake-service/src/main/resources/contracts/complaints.received.schema.json); {@code language} is the detected
 * language of the text (he, en, ar, ru, or und).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintReceived(
        String complaintId,
        String reference,
        String channel,
        Customer customer,
        String subject,
        String body,
        Severity severity,
        List<Reason> reasons,
        Instant receivedAt,
        Instant expectedResponseBy,
        String language) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String name, String email, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String signal, Severity implies, String evidence) {

        /** The signal as routing knows it; the raw {@code signal} stays for display. */
        public Signal kind() {
            return Signal.of(signal);
        }
    }

    /** Whether intake itself says the customer complained before. */
    public boolean saysRepeat() {
        return reasons != null && reasons.stream().anyMatch(r -> r.kind() == Signal.REPEAT_COMPLAINTS);
    }

    /** Fields routing cannot work without; a message lacking them goes to the dead-letter topic. */
    public void requireComplete() {
        if (complaintId == null || reference == null || customer == null || customer.id() == null
                || customer.name() == null || severity == null || receivedAt == null || expectedResponseBy == null) {
            throw new IllegalArgumentException("complaints.received event lacks required fields");
        }
    }
}
