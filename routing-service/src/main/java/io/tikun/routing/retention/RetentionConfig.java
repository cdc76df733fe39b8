package io.tikun.routing.retention;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long routing keeps rows that only grow: applied events, published outbox rows, delivered notifications. */
@ConfigMapping(prefix = "tikun.routing.retention")
public interface RetentionConfig {

    /** How often the retention pass runs ({@code off} disables it). */
    @WithDefault("1h")
    String every();

    /** Rows deleted per statement, so no pass holds long locks or one huge transaction. */
    @WithDefault("1000")
    @Positive
    int batchSize();

    /**
     * Applied event ids (the consumers' de-duplication record). Keep them longer than Kafka keeps the topics, or a
     * redelivered old event would be applied again.
     */
    @WithDefault("P30D")
    Duration processedEvents();

    /** Outbox rows published this long ago; unpublished rows are never deleted. */
    @WithDefault("P7D")
    Duration outbox();

    /**
     * Notifications delivered this long ago (pending and failed ones stay); the newest
     * {@code tikun.routing.notifications.stream-replay-limit} stream notifications stay whatever their age, since a
     * reconnecting console replays from them.
     */
    @WithDefault("P90D")
    Duration notifications();
}
