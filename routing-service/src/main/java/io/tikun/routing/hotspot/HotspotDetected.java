package io.tikun.routing.hotspot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Routing's reading of intake's {@code hotspots.detected} event (contract in intake's
 * {@code contracts/hotspots.detected.schema.json}): complaints concentrating on one subject beyond what its history
 * makes likely. Fields routing does not know are ignored, as the schema allows more; numbers are boxed so a missing
 * one is told from a zero.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HotspotDetected(UUID hotspotId, Subject subject, Instant windowStart, Instant windowEnd, Integer complaints,
        Integer customers, Double expected, Double pValue, Double falseAlarmRate, Integer baselineWeeks, List<Sample> samples,
        Instant detectedAt) {

    /** What the complaints are about. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(SubjectKind kind, String value) {
    }

    /** One of the complaints that raised the hotspot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sample(String complaintId, String reference, Instant receivedAt) {
    }

    /** Fails on an event lacking what the contract requires, so it is dead-lettered rather than stored half. */
    public void requireComplete() {
        require(hotspotId != null, "hotspotId");
        require(subject != null && subject.kind() != null, "subject.kind");
        require(subject.value() != null && !subject.value().isBlank(), "subject.value");
        require(windowStart != null, "windowStart");
        require(windowEnd != null && !windowEnd.isBefore(windowStart), "windowEnd");
        require(complaints != null && complaints >= 1, "complaints");
        require(customers != null && customers >= 1, "customers");
        require(expected != null && expected > 0, "expected");
        require(pValue != null && pValue >= 0 && pValue <= 1, "pValue");
        require(falseAlarmRate != null && falseAlarmRate > 0 && falseAlarmRate < 1, "falseAlarmRate");
        require(baselineWeeks != null && baselineWeeks >= 0, "baselineWeeks");
        require(samples != null, "samples");
        samples.forEach(s -> require(s != null && s.complaintId() != null && s.receivedAt() != null, "samples[]"));
        require(detectedAt != null, "detectedAt");
    }

    private static void require(boolean holds, String field) {
        if (!holds) {
            throw new IllegalArgumentException("hotspots.detected: missing or invalid " + field);
        }
    }
}
