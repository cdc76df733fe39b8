package io.tikun.routing.canned;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How previews write times: the promise's due time in this zone's wall clock, in this pattern. */
@ConfigMapping(prefix = "tikun.routing.canned")
public interface CannedConfig {

    /** The zone of the due time shown to the customer. */
    @WithDefault("Asia/Jerusalem")
    ZoneId timeZone();

    /** A {@link java.time.format.DateTimeFormatter} pattern, the same in every language. */
    @WithDefault("dd/MM/yyyy HH:mm")
    String dueAtPattern();
}
