package io.tikun.followup.lifecycle;

import static io.tikun.followup.commitment.CommitmentStatus.BROKEN;
import static io.tikun.followup.commitment.CommitmentStatus.CLAIMED_DONE;
import static io.tikun.followup.commitment.CommitmentStatus.OPEN;
import static io.tikun.followup.lifecycle.LifecycleFixtures.CLAIMED_AT;
import static io.tikun.followup.lifecycle.LifecycleFixtures.DUE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.LATE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.POLICY;
import static io.tikun.followup.lifecycle.LifecycleFixtures.SYSTEM;
import static io.tikun.followup.lifecycle.LifecycleFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.tikun.followup.commitment.CommitmentStatus;

class CommitmentDeadlinesTest {

    private final CommitmentLifecycle lifecycle = new CommitmentLifecycle(POLICY);

    @Test
    void derivesTheUnclaimedDeadlinesFromTheDueDate() {
        CommitmentDeadlines deadlines = lifecycle.deadlines(state(OPEN));

        assertThat(deadlines).isEqualTo(new CommitmentDeadlines(Instant.parse("2026-11-30T10:00:00Z"), DUE,
                Instant.parse("2026-12-03T10:00:00Z"), null, null));
    }

    @Test
    void timesTheReminderAndTheLastChanceToAnswerFromTheClaim() {
        CommitmentDeadlines deadlines = lifecycle.deadlines(state(CLAIMED_DONE));

        assertThat(deadlines.customerReminderAt()).isEqualTo(CLAIMED_AT.plus(Duration.ofDays(3)));
        assertThat(deadlines.unconfirmedAt()).isEqualTo(CLAIMED_AT.plus(Duration.ofDays(6)));
    }

    /** Status, time as an offset from the due date (or from the claim, when claimed), event due then ("-": none). */
    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN         | -PT24H1S | -
            OPEN         | -PT24H   | DUE_SOON_REACHED
            OPEN         | -PT1S    | DUE_SOON_REACHED
            OPEN         | PT0S     | DUE_DATE_PASSED
            OPEN         | PT72H    | DUE_DATE_PASSED
            DUE_SOON     | -PT1S    | -
            DUE_SOON     | PT0S     | DUE_DATE_PASSED
            OVERDUE      | PT47H59M59S | -
            OVERDUE      | PT48H    | GRACE_PERIOD_PASSED
            CLAIMED_DONE | PT143H59M59S | -
            CLAIMED_DONE | PT144H   | CUSTOMER_SILENT_AFTER_REMINDER
            """)
    void tellsTheSchedulerWhichTimedEventIsDue(CommitmentStatus status, String offset, String expected) {
        Instant origin = status == CLAIMED_DONE ? CLAIMED_AT : DUE;
        Instant now = origin.plus(Duration.parse(offset));

        Optional<CommitmentEvent> due = lifecycle.timedEventDue(state(status), now);

        assertThat(due).isEqualTo("-".equals(expected) ? Optional.empty() : Optional.of(CommitmentEvent.valueOf(expected)));
    }

    @ParameterizedTest
    @EnumSource(names = { "DISPUTED", "VERIFIED", "BROKEN", "UNCONFIRMED" })
    void letsTimeMoveNeitherDisputedNorFinishedCommitments(CommitmentStatus status) {
        assertThat(lifecycle.timedEventDue(state(status), LATE.plus(Duration.ofDays(365)))).isEmpty();
    }

    @Test
    void catchesUpOneAnnouncedStepAtATimeAfterAnOutage() {
        CommitmentState s = CommitmentState.opened(LifecycleFixtures.COMMITMENT_ID, DUE);
        List<PublishedChange> announced = new ArrayList<>();

        Optional<CommitmentEvent> next = lifecycle.timedEventDue(s, LATE);
        while (next.isPresent()) {
            Transition step = lifecycle.apply(s, next.get(), SYSTEM, null, LATE);
            announced.add(step.published());
            s = step.state();
            next = lifecycle.timedEventDue(s, LATE);
        }

        assertThat(announced).containsExactly(PublishedChange.OVERDUE, PublishedChange.BROKEN);
        assertThat(s.status()).isEqualTo(BROKEN);
    }

    @ParameterizedTest
    @EnumSource(names = { "OPEN", "DUE_SOON", "OVERDUE", "CLAIMED_DONE" })
    void neverSuggestsAnEventTheLifecycleWouldRefuse(CommitmentStatus status) {
        for (long hours = -48; hours <= 24 * 10; hours++) {
            Instant now = DUE.plus(Duration.ofHours(hours));
            Optional<CommitmentEvent> due = lifecycle.timedEventDue(state(status), now);
            due.ifPresent(event -> assertThat(lifecycle.apply(state(status), event, SYSTEM, null, now)).isNotNull());
        }
    }
}
