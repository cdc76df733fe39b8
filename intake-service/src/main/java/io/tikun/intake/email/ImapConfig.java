package io.tikun.intake.email;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The mailbox the IMAP poller reads complaints from ({@code tikun.intake.imap.*}); off unless enabled. */
@ConfigMapping(prefix = "tikun.intake.imap")
public interface ImapConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("993")
    int port();

    /** IMAPS (TLS from the first byte); false for plain IMAP, e.g. a local sandbox. */
    @WithDefault("true")
    boolean ssl();

    Optional<String> username();

    /** From the environment (TIKUN_INTAKE_IMAP_PASSWORD). */
    Optional<String> password();

    @WithDefault("INBOX")
    String folder();

    /** How often the mailbox is read (a scheduler period such as {@code 30s}). */
    @WithDefault("30s")
    String pollEvery();

    /** Most messages imported in one pass; the rest wait for the next. */
    @WithDefault("50")
    int batchSize();

    /** Longest wait for one message to be processed before the pass gives up (it is retried next pass). */
    @WithDefault("PT30S")
    Duration processTimeout();
}
