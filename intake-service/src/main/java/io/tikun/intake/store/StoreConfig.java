package io.tikun.intake.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How intake answers while its MongoDB cannot be reached ({@code tikun.intake.store.*}). */
@ConfigMapping(prefix = "tikun.intake.store")
public interface StoreConfig {

    /**
     * The {@code Retry-After} of a 503 answered while the database is unreachable: about how long a restart or a
     * fail-over takes, so that clients neither hammer a recovering server nor give up on a short outage.
     */
    @WithDefault("PT5S")
    Duration retryAfter();
}
