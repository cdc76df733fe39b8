package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.List;

import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityReason;

/** What a channel is told right after submitting: the reference and what happens by when. */
public record ComplaintReceipt(String id, String reference, Severity severity, List<SeverityReason> reasons,
        Instant expectedResponseBy) {

    static ComplaintReceipt of(Complaint complaint) {
        return new ComplaintReceipt(complaint.id(), complaint.reference(), complaint.assessment().severity(),
                complaint.assessment().reasons(), complaint.expectedResponseBy());
    }
}
