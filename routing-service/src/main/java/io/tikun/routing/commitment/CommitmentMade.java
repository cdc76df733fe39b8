package io.tikun.routing.commitment;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code commitments.made}: a promise was made to a customer on a case (contract:
 * {@code contracts/commitments.made.schema.json}).
 */
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

    public static final String TOPIC = "commitments.made";
    public static final String TYPE = "tikun.commitment.made";

    public record Customer(String id, String name, String email, String phone) {
    }
}
