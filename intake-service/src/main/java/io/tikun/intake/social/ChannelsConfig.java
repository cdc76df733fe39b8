package io.tikun.intake.social;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits, threading and secrets of the social channels ({@code tikun.channels.*}); the secrets come from the
 * environment in production (e.g. {@code TIKUN_CHANNELS_META_APP_SECRET}). A channel without its secret refuses
 * deliveries.
 */
@ConfigMapping(prefix = "tikun.channels")
public interface ChannelsConfig {

    /**
     * Largest webhook body parsed; a correctly signed larger one is answered 413 and kept in quarantine (whole, up
     * to {@code tikun.intake.quarantine.max-kept-bytes}), so it can be replayed once the cap is raised.
     */
    @WithDefault("1048576")
    int maxBodyBytes();

    /**
     * Largest webhook body received at all: a larger one is refused (413) before it is read and is not kept. Between
     * {@link #maxBodyBytes()} and this, a signed body is kept in quarantine.
     */
    @WithDefault("2097152")
    int maxReceivedBytes();

    /**
     * How long after a conversation's last message a further message in it (a direct message from the same
     * customer to the same page or number, or another comment by the same author under the same post) still joins
     * that complaint; later, it opens a new one. Explicit replies to a known message always join.
     */
    @WithDefault("P7D")
    Duration threadWindow();

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

        /**
         * The accounts subscribed to our webhook (X user ids, as {@code for_user_id}); a delivery for any other account
         * is refused (403) and kept in quarantine. Without the list, every delivery is refused.
         */
        Optional<List<String>> subscribedUserIds();
    }

    interface Webhook {
        /** One shared secret per network posting in Tikun's generic format, by network name. */
        Map<String, String> secrets();
    }
}
