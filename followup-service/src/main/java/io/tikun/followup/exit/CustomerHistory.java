package io.tikun.followup.exit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.complaint.CustomerComplaint;

/** What follow-up knows of a customer's complaints and the promises made on them, oldest first. */
public record CustomerHistory(List<Complaint> complaints, List<Promise> commitments) {

    /** A complaint, with the case routing opened for it when follow-up heard of one. */
    public record Complaint(String complaintId, String reference, String channel, String subject, String severity,
            boolean churnIntent, Instant receivedAt, UUID caseId, String caseStatus, Instant resolvedAt) {

        static Complaint of(CustomerComplaint c) {
            return new Complaint(c.complaintId, c.reference, c.channel, c.subject, c.severity, c.churnIntent,
                    c.receivedAt, c.caseId, c.caseStatus, c.resolvedAt);
        }
    }

    /** A promise made to the customer and where it stands. */
    public record Promise(UUID commitmentId, UUID caseId, String reference, String what, String owner, Instant dueAt,
            CommitmentStatus status) {

        static Promise of(Commitment c) {
            return new Promise(c.id, c.caseId, c.reference, c.what, c.owner, c.dueAt, c.status);
        }
    }
}
