package io.tikun.routing.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How routing consumes intake's ordinary lane ({@code complaints.received}). */
@ConfigMapping(prefix = "tikun.routing.intake")
public interface IntakeConfig {

    /**
     * Apply each polled batch of the ordinary lane in one transaction (true), or each event in a transaction of its
     * own, one after another (false: the way routing consumed before batches, kept for comparison and as a fallback).
     */
    @WithDefault("true")
    boolean batch();
}
