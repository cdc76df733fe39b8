package io.tikun.intake.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(5), 4);

    @Test
    void doublesTheBackoffAfterEachAttemptUpToTheMaximum() {
        assertThat(schedule.nextAttempt(NOW, 1, null)).isEqualTo(NOW.plusSeconds(10));
        assertThat(schedule.nextAttempt(NOW, 2, null)).isEqualTo(NOW.plusSeconds(20));
        assertThat(schedule.nextAttempt(NOW, 3, null)).isEqualTo(NOW.plusSeconds(40));
        assertThat(schedule.nextAttempt(NOW, 7, null)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.nextAttempt(NOW, 60, null)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void honoursTheProvidersRetryAfter() {
        assertThat(schedule.nextAttempt(NOW, 1, Duration.ofSeconds(120))).isEqualTo(NOW.plusSeconds(120));
        assertThat(schedule.nextAttempt(NOW, 3, Duration.ZERO)).isEqualTo(NOW);
    }

    @Test
    void givesUpAfterTheMaximumAttempts() {
        assertThat(schedule.exhausted(3)).isFalse();
        assertThat(schedule.exhausted(4)).isTrue();
    }
}
