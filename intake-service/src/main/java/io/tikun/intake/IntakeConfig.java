package io.tikun.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the intake service ({@code tikun.intake.*}). */
@ConfigMapping(prefix = "tikun.intake")
public interface IntakeConfig {

    /** Prefix of human-readable complaint references, e.g. TK-000042. */
    @WithDefault("TK")
    String referencePrefix();

    /** How soon the customer is promised a first response, by severity. */
    FirstResponse firstResponse();

    Outbox outbox();

    Web web();

    Acknowledgement acknowledgement();

    interface Acknowledgement {
        /** Whether customers who gave an e-mail address get an acknowledgement. */
        @WithDefault("true")
        boolean enabled();

        /** Time zone in which the acknowledgement states the promised time. */
        @WithDefault("Asia/Jerusalem")
        java.time.ZoneId timeZone();
    }

    Email email();

    interface Email {
        /** Largest raw message the e-mail channel accepts. */
        @WithDefault("10485760")
        int maxRawBytes();
    }

    SeverityRules severity();

    interface SeverityRules {
        /** Followers from which a public post is judged HIGH for its reach. */
        @WithDefault("10000")
        long wideReach();
    }

    Quarantine quarantine();

    interface Web {
        /** Largest JSON body the web channel accepts. */
        @WithDefault("65536")
        int maxBodyBytes();
    }

    interface Quarantine {
        /** Bytes of a rejected payload kept for inspection; larger ones are truncated (and cannot be replayed). */
        @WithDefault("10485760")
        int maxKeptBytes();
    }

    interface FirstResponse {
        @WithDefault("PT1H")
        Duration critical();

        @WithDefault("PT4H")
        Duration high();

        @WithDefault("PT24H")
        Duration medium();

        @WithDefault("PT72H")
        Duration low();
    }

    /** Re-publication of events whose first send failed. */
    interface Outbox {
        /** How often the relay looks for stale events (a scheduler period such as {@code 5s}). */
        @WithDefault("5s")
        String relayEvery();

        /** How long a submission waits for the broker before leaving the event to the relay. */
        @WithDefault("PT2S")
        Duration inlineTimeout();

        /** An unpublished event younger than this is still being sent inline; leave it alone. */
        @WithDefault("PT10S")
        Duration staleAfter();

        /** How long a relay instance owns an event it claimed before another may try. */
        @WithDefault("PT30S")
        Duration claimFor();

        @WithDefault("100")
        int batchSize();
    }
}
