package io.tikun.followup.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pauses between attempts to send a failed e-mail. */
class MailBackoffTest {

    private final MailBackoff backoff = new MailBackoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 5);

    @Test
    void doublesThePauseAfterEachFailureUpToTheCeiling() {
        assertThat(backoff.pauseAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.pauseAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.pauseAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.pauseAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.pauseAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.pauseAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givesUpAfterTheLastAllowedAttempt() {
        assertThat(backoff.retries(4)).isTrue();
        assertThat(backoff.retries(5)).isFalse();
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new MailBackoff(Duration.ZERO, Duration.ofMinutes(1), 3))
                .hasMessageContaining("first-retry-after");
        assertThatThrownBy(() -> new MailBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .hasMessageContaining("max-retry-after");
        assertThatThrownBy(() -> new MailBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0))
                .hasMessageContaining("max-attempts");
    }
}
