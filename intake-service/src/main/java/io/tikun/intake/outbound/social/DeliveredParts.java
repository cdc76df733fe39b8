package io.tikun.intake.outbound.social;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * What was already posted of a message sent in several parts (a public reply, then private parts), so a retry after a
 * partial success does not post a part twice.
 */
public interface DeliveredParts {

    /** The delivered parts of a message: part key to the provider's id of that part. */
    Uni<Map<String, String>> of(String messageId);

    /** Records that a part was posted; recording it twice keeps the first record. */
    Uni<Void> remember(String messageId, String part, String providerMessageId);
}
