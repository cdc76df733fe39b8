package io.tikun.intake.enrichment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.tikun.intake.severity.Severity;
import io.tikun.intake.timeline.TimelineEntry;

/** {@code cases.updated} as intake reads it (producer: routing-service, contracts/cases.updated.*). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseUpdated(String caseId, String complaintId, String reference, String customerId, String change,
        Severity severity, String level, String status, String reason, Instant occurredAt, String assignee) {

    public static final String TOPIC = "cases.updated";

    void requireComplete() {
        EventFields.require("customerId", customerId);
        EventFields.require("complaintId", complaintId);
        EventFields.require("change", change);
        EventFields.require("occurredAt", occurredAt);
    }

    TimelineEntry toEntry() {
        return new TimelineEntry(TimelineEntry.Kind.CASE, occurredAt, null, complaintId, reference, null, reason, severity,
                change, status, assignee, null);
    }
}
