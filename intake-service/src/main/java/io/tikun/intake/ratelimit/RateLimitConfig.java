package io.tikun.intake.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request budgets of the anonymous and channel endpoints ({@code tikun.intake.rate-limit.*}): at most
 * {@code requests} per fixed {@code window}, counted in MongoDB so every instance spends the same budget.
 */
@ConfigMapping(prefix = "tikun.intake.rate-limit")
public interface RateLimitConfig {

    /** Off only for load tests that must not be throttled. */
    @WithDefault("true")
    boolean enabled();

    /** Anonymous pages and handshakes (the form, its result and confirmation pages, provider checks), per client IP. */
    ClientIp clientIp();

    /** Form submissions per typed e-mail address and per typed phone number, whoever sends them. */
    Target target();

    /** Channel deliveries per credential: the bearer token's subject, or the social network whose secret signed. */
    Credential credential();

    interface ClientIp {
        @WithDefault("60")
        int requests();

        @WithDefault("PT10M")
        Duration window();
    }

    interface Target {
        @WithDefault("5")
        int requests();

        @WithDefault("PT1H")
        Duration window();
    }

    interface Credential {
        @WithDefault("3000")
        int requests();

        @WithDefault("PT1M")
        Duration window();

        /**
         * While a window's stored count is below this share of {@code requests}, an instance counts a credential's
         * requests in memory and stores them in batches, one round trip at a time, instead of one write per request
         * (a channel's gateway sends hundreds a second, all to one counter). Past it, every request is counted in the
         * store before it is let through. 0 stores each request at once.
         */
        @WithDefault("0.5")
        double batchedBelow();
    }
}
