package io.tikun.routing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/** Settings of the routing service ({@code tikun.routing.*}). */
@ConfigMapping(prefix = "tikun.routing")
public interface RoutingConfig {

    Escalation escalation();

    Notifications notifications();

    Relay outbox();

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

        /** Time zone in which notifications state times. */
        @WithDefault("Asia/Jerusalem")
        java.time.ZoneId timeZone();

        /** Link prefix for cases in notifications (the manager console or API). */
        @WithDefault("http://127.0.0.1:8082/api/v1/cases/")
        String caseLinkPrefix();

        Relay delivery();

        /** Attempts before a notification is marked FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** First retry delay; doubled on every further attempt. */
        @WithDefault("PT2S")
        Duration retryBackoff();
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
