package io.tikun.routing.hotspot;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the hotspots routing tells managers about ({@code tikun.routing.hotspots.*}). */
@ConfigMapping(prefix = "tikun.routing.hotspots")
public interface HotspotConfig {

    /**
     * A hotspot stays current this long after its window ends (unless acknowledged): intake raises the same subject
     * again only after its own cool-down, so the same length by default.
     */
    @WithDefault("PT12H")
    Duration coolDown();

    /** Hotspots per page of {@code GET /api/v1/hotspots}. */
    @WithDefault("20")
    int pageSize();

    /** Most current hotspots the console lists. */
    @WithDefault("20")
    int consoleLimit();
}
