package io.tikun.intake.outbound.social;

import java.time.Instant;
import java.util.function.UnaryOperator;

import io.vertx.core.json.JsonObject;

/** How one provider names the id of what it accepted and explains what it refused. */
interface ProviderDialect {

    /** The provider's id of the accepted message, or null. */
    String acceptedId(JsonObject answer);

    /** The provider's own explanation of a refusal, or null when the answer has none. */
    String error(JsonObject answer);

    /** True for a refusal the provider says will pass (a rate limit announced in a 4xx). */
    default boolean isTransient(int status, JsonObject answer) {
        return false;
    }

    /** When a rate limit ends by the provider's own headers, for an answer without {@code Retry-After}; else null. */
    default Instant limitResetsAt(UnaryOperator<String> header) {
        return null;
    }
}
