package io.tikun.routing.hotspot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * A hotspot as the API and the console show it: intake's figures, its state now, and its sample complaints with the
 * case routing opened for each ({@code caseId} and {@code caseLink} null while no case exists for it).
 */
@TemplateData
public record HotspotView(UUID id, SubjectKind subjectKind, String subjectValue, HotspotState state,
        Instant windowStart, Instant windowEnd, int complaints, int customers, double expected, double pValue,
        double falseAlarmRate, int baselineWeeks, List<SampleView> samples, Instant detectedAt, Instant receivedAt,
        Instant pastFrom, Instant acknowledgedAt, String acknowledgedBy) {

    /** One sample complaint, with its case when routing has one. */
    @TemplateData
    public record SampleView(String complaintId, String reference, Instant receivedAt, UUID caseId, String caseLink) {
    }
}
