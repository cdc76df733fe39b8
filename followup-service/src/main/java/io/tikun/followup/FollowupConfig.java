package io.tikun.followup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the follow-up service ({@code tikun.followup.*}). */
@ConfigMapping(prefix = "tikun.followup")
public interface FollowupConfig {

    Links links();

    Lifecycle lifecycle();

    Outbox outbox();

    Customers customers();

    /** Signed links that let a customer confirm or deny a fix, or rate the service, without logging in. */
    interface Links {
        /**
         * HMAC keys, newest first: the first signs, all of them verify, so a key can be rotated without
         * invalidating links already sent. From TIKUN_FOLLOWUP_LINKS_SECRETS (comma-separated) in production.
         * Optional here only so that the service still starts while nothing issues links yet;
         * {@code SignedLinkService} refuses to be created without one.
         */
        Optional<List<String>> secrets();

        /** How long a customer may use a link. */
        @WithDefault("P14D")
        Duration ttl();

        /** Page the customer's link points to; the token is added as the {@code token} query parameter. */
        @WithDefault("http://127.0.0.1:8083/verify")
        String baseUrl();
    }

    /** When time moves a commitment on, and how many disputes it survives. */
    interface Lifecycle {
        /** How long before the due date the owner is reminded. */
        @WithDefault("PT24H")
        Duration dueSoonBefore();

        /** How long an overdue commitment may stay open before it counts as broken. */
        @WithDefault("PT48H")
        Duration gracePeriod();

        /** Silence after each request to the customer before the next step (reminder, then unconfirmed). */
        @WithDefault("P3D")
        Duration customerReminderAfter();

        /** The dispute that reaches this count breaks the commitment instead of reopening it. */
        @WithDefault("2")
        int maxDisputes();
    }

    /** The relay that publishes outbox rows, claimed with FOR UPDATE SKIP LOCKED. */
    interface Outbox {
        /** How often the relay looks for rows the publish after their commit left behind. */
        @WithDefault("2s")
        String every();

        /** How long a claimed row is left to the instance that claimed it before another may take it. */
        @WithDefault("PT30S")
        Duration claimFor();

        @WithDefault("100")
        int batchSize();
    }

    /** How the service speaks to customers. */
    interface Customers {
        /**
         * A phone number customers can call when a link does not work; the pages then offer it next to replying
         * to the e-mail. Without it they only say to reply.
         */
        Optional<String> supportPhone();
    }
}
