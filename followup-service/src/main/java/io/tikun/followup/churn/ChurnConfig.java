package io.tikun.followup.churn;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How churn-intent complaints are followed to an outcome, and the reasons an exit interview may record. */
@ConfigMapping(prefix = "tikun.followup.churn")
public interface ChurnConfig {

    /**
     * How long after a churn-intent complaint a watch still UNKNOWN may be settled as STAYED, provided the customer
     * was seen again after it (a later complaint, or a satisfaction rating).
     */
    @WithDefault("P90D")
    Duration quietPeriod();

    /** How often the quiet-period rule runs ({@code off} to disable). */
    @WithDefault("1h")
    String settleEvery();

    /** The reasons an exit interview may record, as the API spells them. */
    @WithDefault("price,service,product,competitor-offer,moved,other")
    List<String> exitReasons();
}
