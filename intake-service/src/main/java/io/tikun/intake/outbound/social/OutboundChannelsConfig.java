package io.tikun.intake.outbound.social;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where and with which credentials Tikun posts to the social networks ({@code tikun.channels.*}, beside the inbound
 * {@link io.tikun.intake.social.ChannelsConfig}). Tokens and secrets come from the environment in production (e.g.
 * {@code TIKUN_CHANNELS_META_ACCESS_TOKENS_1234}, {@code TIKUN_CHANNELS_X_ACCESS_TOKEN}); a page, account or network
 * without them gets nothing sent and a failed outcome.
 */
@ConfigMapping(prefix = "tikun.channels")
public interface OutboundChannelsConfig {

    Outbound outbound();

    Meta meta();

    X x();

    Webhook webhook();

    interface Outbound {
        /** How long to wait for a provider to accept the connection. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** How long a whole request may take; a slower provider gets a retry later. */
        @WithDefault("PT15S")
        Duration requestTimeout();

        /** Attempts at an acknowledgement from {@code social.replies} before it goes to {@code social.replies.dlq}. */
        @WithDefault("4")
        int acknowledgementAttempts();

        /** Wait before the second attempt when the provider names none; doubled for each further attempt. */
        @WithDefault("PT1S")
        Duration firstRetryWait();

        /** Longest wait between attempts, also when a provider asks for more: the partition waits meanwhile. */
        @WithDefault("PT1M")
        Duration maxRetryWait();
    }

    interface Meta {
        /** The Graph API host (Facebook pages, Messenger, Instagram, WhatsApp Cloud API). */
        @WithDefault("https://graph.facebook.com")
        String graphUrl();

        @WithDefault("v23.0")
        String apiVersion();

        /**
         * Page (and Instagram account, WhatsApp phone_number_id) access tokens by that page's or account's id; the
         * token of the account that received the customer's message answers it.
         */
        Map<String, String> accessTokens();

        /**
         * The Instagram professional account that answers Instagram comments when the destination does not name one
         * (the comment webhook's account id is not carried with the complaint).
         */
        Optional<String> instagramAccountId();

        WhatsApp whatsapp();
    }

    interface WhatsApp {
        /**
         * The approved templates sent outside the 24-hour customer-service window, by the message's language (he, en,
         * ar, ru); each has one body parameter that carries the text. Without one for the language, the English one
         * is used.
         */
        Map<String, Template> templates();
    }

    interface Template {
        /** The template's name as approved in WhatsApp Manager. */
        String name();

        /** The template's language code there (e.g. he, en_US). */
        String language();
    }

    interface X {
        /** The X API v2 host. */
        @WithDefault("https://api.x.com")
        String apiUrl();

        /** The user access token (OAuth 2.0, scopes tweet.write and dm.write) of the account that answers. */
        Optional<String> accessToken();
    }

    interface Webhook {
        /** The URL each network in Tikun's generic format receives its outbound messages at, by network name. */
        Map<String, String> outboundUrls();

        /** The shared secret per network (the same that signs its inbound webhooks), by network name. */
        Map<String, String> secrets();
    }
}
