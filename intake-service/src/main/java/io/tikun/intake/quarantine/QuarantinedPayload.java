package io.tikun.intake.quarantine;

import java.time.Instant;
import java.util.Map;

/** A payload a channel delivered that could not be turned into a complaint, kept raw with the reason. */
public record QuarantinedPayload(
        String id,
        String channel,
        String endpoint,
        String contentType,
        Map<String, String> headers,
        String reason,
        Instant receivedAt,
        long sizeBytes,
        boolean truncated,
        QuarantineStatus status,
        int replayAttempts,
        String lastReplayError,
        String replayedAs,
        Instant replayedAt) {
}
