package io.tikun.followup.returns;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cost model of the return-on-complaint-handling report ({@code tikun.followup.returns.*}): every figure the report
 * uses is one of these, and the report lists each beside its results.
 */
@ConfigMapping(prefix = "tikun.followup.returns")
public interface ReturnConfig {

    /** The currency every amount is in (ISO 4217). */
    @WithDefault("ILS")
    String currency();

    /** What handling one complaint costs, by the highest escalation level its case reached. */
    HandlingCost handlingCost();

    /** What one manager callback costs, on top of the level's cost. */
    @WithDefault("150")
    BigDecimal callbackCost();

    /** What winning a new customer costs: saved for each customer who stayed. */
    @WithDefault("800")
    BigDecimal acquisitionCost();

    /** A customer's yearly value by tier, e.g. {@code tier-value.standard=1200}. */
    Map<String, BigDecimal> tierValue();

    /** The tier of a customer no {@link #customerTier()} entry names; must be one of {@link #tierValue()}. */
    @WithDefault("standard")
    String defaultTier();

    /** A customer's tier by customer id, e.g. {@code customer-tier."cust-17"=gold}. */
    Map<String, String> customerTier();

    /** A customer's yearly value when it is known, by customer id: it overrides the tier's value. */
    Map<String, BigDecimal> customerValue();

    /** By level; a complaint whose case level is unknown is costed as FRONTLINE. */
    interface HandlingCost {
        @WithDefault("40")
        BigDecimal frontline();

        @WithDefault("90")
        BigDecimal teamLead();

        @WithDefault("200")
        BigDecimal serviceManager();

        @WithDefault("350")
        BigDecimal managerCallback();
    }
}
