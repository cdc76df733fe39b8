package io.tikun.followup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the follow-up service ({@code tikun.followup.*}). */
@ConfigMapping(prefix = "tikun.followup")
public interface FollowupConfig {

    Links links();

    Lifecycle lifecycle();

    Outbox outbox();

    Jobs jobs();

    Mail mail();

    Customers customers();

    Csat csat();

    Reporting reporting();

    Retention retention();

    Texts texts();

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

    /** The jobs time drives: reminders, overdue, broken, the customer's second request, unconfirmed, purges. */
    interface Jobs {
        /** How often each instance looks for commitments that time moves on ({@code off} disables the tick). */
        @WithDefault("30s")
        String every();

        /** How many due commitments one pass claims (FOR UPDATE SKIP LOCKED) and moves on in one transaction. */
        @WithDefault("50")
        int batchSize();

        /** How often used links past their expiry are deleted. */
        @WithDefault("1h")
        String purgeEvery();
    }

    /** E-mails about commitments, kept in {@code mail_delivery} until sent and retried with growing pauses. */
    interface Mail {
        /** How often unsent e-mails (failed, or left behind by a crash) are looked for. */
        @WithDefault("10s")
        String every();

        /** How long a claimed e-mail is left to the instance sending it before another may take it. */
        @WithDefault("PT2M")
        Duration claimFor();

        @WithDefault("20")
        int batchSize();

        /** The pause after the first failed attempt; it doubles after each further failure. */
        @WithDefault("PT1M")
        Duration firstRetryAfter();

        /** The longest pause between two attempts. */
        @WithDefault("PT1H")
        Duration maxRetryAfter();

        /** After this many failed attempts the e-mail is abandoned (logged, kept with its last error). */
        @WithDefault("10")
        int maxAttempts();

        /** Owners are user names; their address is {@code owner@staff-domain} unless the owner is an address. */
        @WithDefault("tikun.local")
        String staffDomain();

        /** Who is told when a promise breaks. */
        @WithDefault("service-manager@tikun.local")
        String serviceManager();
    }

    /** How the service speaks to customers. */
    interface Customers {
        /**
         * A phone number customers can call when a link does not work; the pages then offer it next to replying
         * to the e-mail. Without it they only say to reply.
         */
        Optional<String> supportPhone();
    }

    /** The thank-you e-mail after a verified fix, with its satisfaction survey (CSAT). */
    interface Csat {
        /** The survey page the thank-you e-mail links to; the token is added as the {@code token} query parameter. */
        @WithDefault("http://127.0.0.1:8083/csat")
        String baseUrl();
    }

    /** Promise-keeping reports and the Prometheus gauges computed from the same tables. */
    interface Reporting {
        /**
         * The team of each owner, for broken promises per team ({@code commitments.made} names no team):
         * {@code tikun.followup.reporting.teams."yossi.cohen"=billing}. Owners not listed count under
         * {@link #unassignedTeam()}.
         */
        Map<String, String> teams();

        @WithDefault("unassigned")
        String unassignedTeam();

        /** How often the gauges on /q/metrics are recomputed from the database. */
        @WithDefault("30s")
        String metricsEvery();
    }

    /** How long finished rows of the tables that only grow are kept ({@code RetentionJob}). */
    interface Retention {
        /**
         * Ids of consumed events, kept to recognise a redelivery: keep them longer than the topics' retention, or an
         * event replayed from Kafka after they are gone is applied again.
         */
        @WithDefault("P30D")
        Duration processedEvent();

        /** Outbox rows published to Kafka (unpublished rows are never deleted). */
        @WithDefault("P30D")
        Duration outboxMessage();

        /** E-mails sent (unsent and abandoned ones are kept). */
        @WithDefault("P30D")
        Duration mailDelivery();

        /** Messages requested from intake for customers, with their delivery status, by the time of the request. */
        @WithDefault("P180D")
        Duration customerMessage();

        /** How often each instance purges ({@code off} disables it). */
        @WithDefault("1h")
        String every();

        /** Rows deleted per statement: small enough that no purge holds locks for long. */
        @WithDefault("1000")
        int batchSize();
    }

    /** The texts of the messages to customers: bundles per language, which an operator may override. */
    interface Texts {
        /**
         * A directory of {@code messages_<language>.properties} files whose keys replace those of the bundled
         * {@code customer-messages/messages_<language>.properties}; read at startup.
         */
        Optional<String> directory();
    }
}
