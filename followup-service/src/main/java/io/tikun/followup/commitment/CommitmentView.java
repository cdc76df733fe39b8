package io.tikun.followup.commitment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A commitment as the API shows it, with its history. */
public record CommitmentView(
        UUID id,
        UUID caseId,
        String complaintId,
        String reference,
        Customer customer,
        String what,
        String owner,
        Instant dueAt,
        String madeBy,
        Instant madeAt,
        CommitmentStatus status,
        List<Change> history) {

    public record Customer(String id, String name, String email, String phone) {
    }

    public record Change(CommitmentStatus from, CommitmentStatus to, String actor, String reason, Instant at) {
    }

    static CommitmentView of(Commitment c, List<CommitmentChange> changes) {
        return new CommitmentView(c.id, c.caseId, c.complaintId, c.reference,
                new Customer(c.customerId, c.customerName, c.customerEmail, c.customerPhone), c.what, c.owner,
                c.dueAt, c.madeBy, c.madeAt, c.status,
                changes.stream().filter(change -> change.commitmentId.equals(c.id))
                        .map(change -> new Change(change.fromStatus, change.toStatus, change.actor, change.reason,
                                change.occurredAt))
                        .toList());
    }
}
