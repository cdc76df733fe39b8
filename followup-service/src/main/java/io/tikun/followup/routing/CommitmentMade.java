package io.tikun.followup.routing;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Follow-up's reading of routing's {@code commitments.made} event (contract:
 * routing-service/src/main/resources/contracts/commitments.made.schema.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentMade(
        UUID commitmentId,
        UUID caseId,
        String complaintId,
        String reference,
        Customer customer,
        String what,
        String owner,
        Instant dueAt,
        String madeBy,
        Instant madeAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String name, String email, String phone) {
    }

    /** Fields follow-up cannot track a promise without; a message lacking them is dead-lettered. */
    public void requireComplete() {
        if (commitmentId == null || caseId == null || complaintId == null || reference == null || customer == null
                || customer.id() == null || customer.name() == null || what == null || owner == null || dueAt == null
                || madeBy == null || madeAt == null) {
            throw new IllegalArgumentException("commitments.made event lacks required fields");
        }
    }
}
