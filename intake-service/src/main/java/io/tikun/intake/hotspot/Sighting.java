package io.tikun.intake.hotspot;

/** One complaint seen about one subject: who, which complaint, and when it was received (epoch milliseconds). */
public record Sighting(String complaintId, String reference, String customerId, long receivedAt) {
}
