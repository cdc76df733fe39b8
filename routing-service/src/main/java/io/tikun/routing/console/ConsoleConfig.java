package io.tikun.routing.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the manager console ({@code tikun.routing.console.*}). */
@ConfigMapping(prefix = "tikun.routing.console")
public interface ConsoleConfig {

    /** An unanswered case whose first-response deadline falls within this much is "at risk" (breached ones too). */
    @WithDefault("PT1H")
    Duration atRiskWithin();

    /** First-response times are computed over the cases opened in this window before now. */
    @WithDefault("P30D")
    Duration statsWindow();

    /** How often the first-response times are computed again in the background. */
    @WithDefault("PT1M")
    Duration statsRefresh();

    /** Most rows of each list (callbacks, cases at risk, recent notifications). */
    @WithDefault("50")
    int listLimit();
}
