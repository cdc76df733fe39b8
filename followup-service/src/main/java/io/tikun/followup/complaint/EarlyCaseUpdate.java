package io.tikun.followup.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest case change of a complaint that has not arrived yet, kept until it does. */
@Entity
@Table(name = "early_case_update")
public class EarlyCaseUpdate {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "case_status", nullable = false)
    public String caseStatus;

    @Column(nullable = false)
    public boolean resolved;

    @Column
    public String assignee;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The case change as if it had just arrived. */
    CaseUpdated asUpdate() {
        // Only whether it was resolved matters (the handling facts of an early change are not kept: the next change
        // of the case brings them again) once the complaint arrives; the other changes just set the status.
        return new CaseUpdated(caseId, complaintId, null, customerId, resolved ? CaseChange.RESOLVED : null,
                CaseStatus.valueOf(caseStatus), null, occurredAt, assignee, null, null, null, null, null);
    }
}
