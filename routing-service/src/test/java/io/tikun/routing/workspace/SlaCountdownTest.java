package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlaCountdownTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant DUE = START.plus(Duration.ofHours(4));

    @Test
    void isGreenWhileMoreThanTheAmberFractionIsLeft() {
        SlaCountdown countdown = SlaCountdown.of(START, DUE, START.plus(Duration.ofHours(2)), 0.25);

        assertThat(countdown.tone()).isEqualTo(SlaCountdown.Tone.GREEN);
        assertThat(countdown.amount()).isEqualTo("2h 00m");
        assertThat(countdown.toneClass()).isEqualTo("sla-green");
    }

    @Test
    void turnsAmberWhenLessThanTheFractionIsLeft() {
        SlaCountdown countdown = SlaCountdown.of(START, DUE, DUE.minus(Duration.ofMinutes(59)), 0.25);

        assertThat(countdown.tone()).isEqualTo(SlaCountdown.Tone.AMBER);
        assertThat(countdown.amount()).isEqualTo("59m");
        assertThat(countdown.overdue()).isFalse();
    }

    @Test
    void turnsRedAtTheDeadlineAndCountsTheDelay() {
        assertThat(SlaCountdown.of(START, DUE, DUE, 0.25).tone()).isEqualTo(SlaCountdown.Tone.RED);

        SlaCountdown late = SlaCountdown.of(START, DUE, DUE.plus(Duration.ofHours(27)), 0.25);
        assertThat(late.overdue()).isTrue();
        assertThat(late.amount()).isEqualTo("1d 3h");
    }

    @Test
    void aDeadlineThatStartedAlreadyDueButIsAheadIsAmber() {
        assertThat(SlaCountdown.of(DUE, DUE.minusSeconds(1), DUE.minusSeconds(120), 0.25).tone())
                .isEqualTo(SlaCountdown.Tone.AMBER);
    }

    @Test
    void aStoppedClockHasNoColour() {
        assertThat(SlaCountdown.stopped().running()).isFalse();
    }

    @Test
    void nextDeadlineIsTheFirstResponseThenTheResolutionAndNoneWhileWaiting() {
        Instant resolutionDue = START.plus(Duration.ofDays(3));
        Instant now = START.plus(Duration.ofHours(1));
        assertThat(InboxRow.nextDeadline(io.tikun.routing.cases.CaseStatus.OPEN, START, DUE, null, resolutionDue, now, 0.25)
                .due()).isEqualTo(DUE);
        assertThat(InboxRow.nextDeadline(io.tikun.routing.cases.CaseStatus.RESPONDED, START, DUE, now, resolutionDue, now,
                0.25).due()).isEqualTo(resolutionDue);
        assertThat(InboxRow.nextDeadline(io.tikun.routing.cases.CaseStatus.WAITING_ON_CUSTOMER, START, DUE, null,
                resolutionDue, now, 0.25).running()).isFalse();
    }
}
