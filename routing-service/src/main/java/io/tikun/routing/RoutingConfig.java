package io.tikun.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.notification.NotificationKind;

/** Settings of the routing service ({@code tikun.routing.*}). */
@ConfigMapping(prefix = "tikun.routing")
public interface RoutingConfig {

    Escalation escalation();

    Notifications notifications();

    Relay outbox();

    /** The service manager's callback tasks. */
    Callback callback();

    interface Escalation {
        InitialLevel initialLevel();

        /** The highest rung a missed deadline can take a case of each severity to. */
        Ceiling ceiling();

        /** The lowest severity whose new cases alert the service manager immediately. */
        @WithDefault("HIGH")
        Severity alertManagerFrom();

        /** How often due escalation timers are looked for; a breach is acted on within about this long. */
        @WithDefault("1s")
        String checkEvery();

        /**
         * After an escalation below the top of the ladder, how long until the case climbs again if it is
         * still unanswered. Real time, around the clock, for every severity: a case nobody answered keeps
         * rising even overnight, which is the point of escalating it.
         */
        @WithDefault("PT1H")
        Duration reEscalateAfter();

        /** Most cases one check escalates in one transaction; the rest wait for the next check. */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a customer's further message may wait for an agent's answer before the case climbs a
         * rung; business time on the severity's calendar (real time for CRITICAL).
         */
        @WithDefault("PT4H")
        Duration unansweredReplyAfter();

        /** A new complaint from a customer who had another case within this period starts one rung higher. */
        @WithDefault("P30D")
        Duration repeatWithin();
    }

    interface Callback {
        /** After "not reached", when the manager tries again. */
        @WithDefault("PT1H")
        Duration retryAfter();

        /** Calls made before the task is given up (the first call included). */
        @WithDefault("3")
        int maxAttempts();
    }

    /** How high each severity may climb on missed deadlines (ARCHITECTURE: LOW to the team lead, …). */
    interface Ceiling {
        @WithDefault("MANAGER_CALLBACK")
        EscalationLevel critical();

        @WithDefault("SERVICE_MANAGER")
        EscalationLevel high();

        @WithDefault("SERVICE_MANAGER")
        EscalationLevel medium();

        @WithDefault("TEAM_LEAD")
        EscalationLevel low();
    }

    /** Starting rung of the ladder per severity. */
    interface InitialLevel {
        @WithDefault("SERVICE_MANAGER")
        EscalationLevel critical();

        @WithDefault("TEAM_LEAD")
        EscalationLevel high();

        @WithDefault("FRONTLINE")
        EscalationLevel medium();

        @WithDefault("FRONTLINE")
        EscalationLevel low();
    }

    interface Notifications {
        /** Where manager alerts go. */
        String serviceManagerEmail();

        /** Language of the service manager's e-mails: {@code en} or {@code he} (right to left). */
        @WithDefault("en")
        String serviceManagerLanguage();

        /**
         * Further e-mail recipients by role (e.g. {@code team-lead}): address, language and the kinds of
         * notification they receive.
         */
        Map<String, Recipient> recipients();

        /** The signed outbound webhook (Slack-compatible); off while no URL is set. */
        Webhook webhook();

        /** Live stream events held per connected client that reads slower than they come; more fail its stream. */
        @WithDefault("1000")
        int streamBuffer();

        /**
         * Most notifications replayed to a client that reconnects with {@code Last-Event-ID} (those sent while it was
         * away, oldest first); a manager away longer reads the rest in the case list.
         */
        @WithDefault("500")
        int streamReplayLimit();

        /** How every instance's live stream hears what any instance delivers (PostgreSQL LISTEN/NOTIFY). */
        SharedStream sharedStream();

        /** Time zone in which notifications state times. */
        @WithDefault("Asia/Jerusalem")
        java.time.ZoneId timeZone();

        /** Link prefix for cases in notifications and webhooks: routing's public address and the workspace's case page. */
        @WithDefault("http://127.0.0.1:8082/workspace/cases/")
        String caseLinkPrefix();

        Relay delivery();

        /** Attempts before a notification is marked FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** First retry delay; doubled on every further attempt. */
        @WithDefault("PT2S")
        Duration retryBackoff();
    }

    /** Someone besides the service manager who is e-mailed about cases. */
    interface Recipient {
        String email();

        @WithDefault("en")
        String language();

        /** Which notifications this recipient gets. */
        @WithDefault("ESCALATED")
        Set<NotificationKind> kinds();
    }

    /** Where notifications are POSTed, signed with HMAC-SHA256 over timestamp and body. */
    interface Webhook {
        Optional<URI> url();

        /** Shared secret of the signature; required when a URL is set. */
        Optional<String> secret();

        /** A receiver that has not answered by then counts as failed, and the delivery is retried. */
        @WithDefault("PT5S")
        Duration timeout();
    }

    /**
     * The PostgreSQL channel on which the instance that delivers a stream notification announces its id, and
     * which every instance LISTENs to on its own connection (settings of {@code quarkus.datasource.*}).
     */
    interface SharedStream {
        /** A plain lower-case identifier (at most 63 characters, PostgreSQL's limit), the same on every instance. */
        @WithDefault("tikun_routing_notifications")
        @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}")
        String channel();

        /** First wait before reconnecting a dropped listener connection; doubled on every failed attempt. */
        @WithDefault("PT1S")
        Duration reconnectAfter();

        /** Longest wait between two reconnection attempts (they go on for as long as the instance runs). */
        @WithDefault("PT30S")
        Duration reconnectAtMost();
    }

    /** A durable job that claims due rows with FOR UPDATE SKIP LOCKED. */
    interface Relay {
        @WithDefault("2s")
        String every();

        @WithDefault("PT30S")
        Duration claimFor();

        @WithDefault("50")
        int batchSize();
    }
}
