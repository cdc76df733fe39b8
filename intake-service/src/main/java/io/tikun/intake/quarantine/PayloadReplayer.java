package io.tikun.intake.quarantine;

import io.smallrye.mutiny.Uni;

/**
 * Feeds a quarantined payload through its channel again, as if it had just been delivered. One
 * implementation per channel; a payload that is still unprocessable fails with {@link RejectedPayload}.
 */
public interface PayloadReplayer {

    /** The channel whose payloads this replays, as stored with the payload. */
    String channel();

    /** Processes the payload; yields the reference of the complaint it became. */
    Uni<String> replay(QuarantinedPayload payload, byte[] raw);
}
