package io.tikun.intake;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tikun.intake.severity.Severity;

/** Settings of the intake service ({@code tikun.intake.*}). */
@ConfigMapping(prefix = "tikun.intake")
public interface IntakeConfig {

    /** Prefix of human-readable complaint references, e.g. TK-000042. */
    @WithDefault("TK")
    String referencePrefix();

    /** How soon the customer is promised a first response, by severity. */
    FirstResponse firstResponse();

    Outbox outbox();

    UrgentLaneConfig urgentLane();

    /** The priority lane of HIGH and CRITICAL complaints ({@code tikun.intake.urgent-lane.*}). */
    interface UrgentLaneConfig {
        /**
         * Whether the events of HIGH and CRITICAL complaints go on {@code complaints.received.urgent}; off, they wait
         * in line on {@code complaints.received} (the benchmark's comparison).
         */
        @WithDefault("true")
        boolean enabled();

        /** Severities from which a complaint's events take the urgent lane. */
        @WithDefault("HIGH")
        Severity from();
    }

    Web web();

    /** The HTML complaint form at {@code /complain}. */
    ComplaintForm form();

    interface ComplaintForm {
        /**
         * Key of the form's CSRF tokens and result links (environment {@code TIKUN_INTAKE_FORM_SECRET}).
         * Without it each instance makes up its own at startup, so forms only work on the instance that served them.
         */
        java.util.Optional<String> secret();

        /** How long a rendered form can be sent. */
        @WithDefault("PT2H")
        Duration tokenValidity();

        /** Marks the CSRF cookie Secure (only sent over HTTPS); off only where the form is served over plain HTTP. */
        @WithDefault("true")
        boolean secureCookie();

        /** Page language without {@code ?lang=} and without a supported Accept-Language: {@code he} or {@code en}. */
        @WithDefault("he")
        String defaultLanguage();

        @WithDefault("200")
        int maxNameLength();

        @WithDefault("300")
        int maxSubjectLength();

        @WithDefault("20000")
        int maxTextLength();

        @WithDefault("100")
        int maxReferenceLength();

        /** Address of this service as customers reach it, for the links in mails (e.g. https://care.example.com). */
        @WithDefault("http://localhost:8081")
        String publicUrl();

        /** How long the "this complaint is mine" link mailed to a form's address can be used. */
        @WithDefault("P7D")
        Duration confirmationValidity();

        /** How long the result page's signed link opens after the form was sent. */
        @WithDefault("P30D")
        Duration receiptValidity();
    }

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

        Repeat repeat();

        ValueTiers valueTiers();

        /** Addresses of the chief executive; a mail to or copying one of them is {@code CEO_ADDRESSED}. */
        Optional<List<String>> ceoAddresses();

        /** What a mail to the chief executive implies (the lexicon's CEO terms carry their own). */
        @WithDefault("HIGH")
        Severity ceoAddressed();
    }

    /** A customer who complained often lately: {@code REPEAT_COMPLAINTS}. */
    interface Repeat {
        /** How far back earlier complaints of the customer count. */
        @WithDefault("P30D")
        Duration window();

        /** Earlier complaints within the window from which the signal fires. */
        @WithDefault("2")
        int threshold();

        @WithDefault("HIGH")
        Severity implies();

        /**
         * How many of a customer's latest complaint times the customer record keeps for this count (so the
         * count never searches all complaints); the count shown in the reason is at most this. At least
         * {@link #threshold()}.
         */
        @WithDefault("20")
        int remembered();
    }

    /** What a customer's value tier implies ({@code CUSTOMER_VALUE}); STANDARD implies nothing. */
    interface ValueTiers {
        @WithDefault("MEDIUM")
        Severity gold();

        @WithDefault("HIGH")
        Severity vip();
    }

    Language language();

    interface Language {
        /** Characters of a complaint's text the language is detected from; the opening says enough. */
        @WithDefault("2000")
        int sampleChars();
    }

    Phone phone();

    interface Phone {
        /** Region of phone numbers written without a country code (ISO 3166 code). */
        @WithDefault("IL")
        String defaultRegion();
    }

    /** Hours in which the non-urgent first responses are counted. */
    BusinessCalendar businessCalendar();

    interface BusinessCalendar {
        @WithDefault("Asia/Jerusalem")
        ZoneId zone();

        @WithDefault("SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY")
        Set<DayOfWeek> workdays();

        @WithDefault("08:00")
        LocalTime opens();

        @WithDefault("18:00")
        LocalTime closes();

        /** Whole days off (ISO dates such as 2026-09-12), on top of the weekly days off. */
        Optional<Set<LocalDate>> holidays();
    }

    /** Retries of consumed events whose effect could not be stored, before they go to the dead-letter topic. */
    ConsumerRetry consumerRetry();

    interface ConsumerRetry {
        @WithDefault("PT0.2S")
        Duration firstBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        @WithDefault("12")
        int attempts();
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

    /**
     * First-response targets per severity: elapsed time for the severities answered around the clock,
     * business time of {@link #businessCalendar()} for the others.
     */
    interface FirstResponse {
        @WithDefault("CRITICAL")
        Set<Severity> aroundTheClock();

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

        /**
         * How long the send right after a submission waits for the broker or the mail server before leaving the
         * entry to the relay. Shorter than {@link #staleAfter()}: a send given up on may still complete, and the
         * relay must not send the entry again while that can happen.
         */
        @WithDefault("PT8S")
        Duration inlineTimeout();

        /**
         * Most complaints whose events are being published right after their submission at once, and apart from them
         * most acknowledgements being mailed at once; under more load the rest wait for the relay (bounds memory and
         * connections when the broker or mail server is slow). Counted apart, so a slow mail server never leaves a
         * complaint's event to the relay: routing hears of it as soon as the broker takes it.
         */
        @WithDefault("256")
        int inlineInFlight();

        /**
         * Most urgent complaints (see {@link UrgentLaneConfig}) being sent right after their submission at once,
         * counted apart from {@link #inlineInFlight()}: a storm of ordinary complaints never leaves an urgent one to
         * the relay.
         */
        @WithDefault("64")
        int urgentInFlight();

        /** An unpublished event younger than this is still being sent inline; leave it alone. */
        @WithDefault("PT10S")
        Duration staleAfter();

        /** How long a relay instance owns an event it claimed before another may try. */
        @WithDefault("PT30S")
        Duration claimFor();

        /** Most complaints one relay pass claims; a pass that claimed this many is followed at once by another. */
        @WithDefault("100")
        int batchSize();

        /**
         * Claimed complaints a relay publishes at once. One customer's events still go in order: each customer's key
         * is held by one publisher at a time ({@code outbox_key_claims}), and the others skip it.
         */
        @WithDefault("8")
        int relayConcurrency();

        /**
         * Attempts at a customer e-mail (an acknowledgement) before the relay gives up on it and keeps it on
         * the complaint as undeliverable ({@code GET /api/v1/outbox/undeliverable}); broker events never give up.
         */
        @WithDefault("10")
        int mailMaxAttempts();
    }
}
