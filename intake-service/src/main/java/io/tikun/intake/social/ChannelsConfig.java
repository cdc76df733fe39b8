package io.tikun.intake.social;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Secrets of the social channels ({@code tikun.channels.*}), from the environment in production
 * (e.g. {@code TIKUN_CHANNELS_META_APP_SECRET}). A channel without its secret refuses deliveries.
 */
@ConfigMapping(prefix = "tikun.channels")
public interface ChannelsConfig {

    Meta meta();

    X x();

    Webhook webhook();

    interface Meta {
        /** The Meta app secret that signs webhook bodies (X-Hub-Signature-256). */
        Optional<String> appSecret();

        /** The token Meta echoes when subscribing the webhook. */
        Optional<String> verifyToken();
    }

    interface X {
        /** The X app's consumer secret (CRC checks and x-twitter-webhooks-signature). */
        Optional<String> consumerSecret();
    }

    interface Webhook {
        /** One shared secret per network posting in Tikun's generic format, by network name. */
        Map<String, String> secrets();
    }
}
