package io.tikun.benchmark;

import java.time.Instant;

/**
 * One complaint of the hotspot replay, with the classification intake would have given it (the generator's own truth:
 * the replay measures detection, not the classifier) and the spike it belongs to, if any.
 */
record ReplayComplaint(String complaintId, String reference, String customerId, Instant receivedAt, String language,
        String productId, String category, String subject, String body, String spikeId) {
}
