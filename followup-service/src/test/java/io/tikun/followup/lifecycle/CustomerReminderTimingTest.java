package io.tikun.followup.lifecycle;

import static io.tikun.followup.lifecycle.LifecycleFixtures.CLAIMED_AT;
import static io.tikun.followup.lifecycle.LifecycleFixtures.POLICY;
import static io.tikun.followup.lifecycle.LifecycleFixtures.REMINDER_AFTER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tikun.followup.commitment.CommitmentStatus;

/** When the silent customer is asked again, and when silence after that makes the promise unconfirmed. */
class CustomerReminderTimingTest {

    private final CommitmentLifecycle lifecycle = new CommitmentLifecycle(POLICY);
    private final CommitmentState claimed = state(CommitmentStatus.CLAIMED_DONE);
    private final Instant reminderDue = CLAIMED_AT.plus(REMINDER_AFTER);

    @Test
    void remindsTheCustomerOneWaitAfterTheClaimAndOnlyOnce() {
        assertThat(lifecycle.customerReminderDue(claimed, null, reminderDue.minusMillis(1))).isFalse();
        assertThat(lifecycle.customerReminderDue(claimed, null, reminderDue)).isTrue();
        assertThat(lifecycle.customerReminderDue(claimed, reminderDue, reminderDue.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void remindsOnlyWhileTheClaimAwaitsAnAnswer() {
        for (CommitmentStatus status : CommitmentStatus.values()) {
            if (status != CommitmentStatus.CLAIMED_DONE) {
                assertThat(lifecycle.customerReminderDue(state(status), null, LifecycleFixtures.LATE)).as(status.name())
                        .isFalse();
            }
        }
    }

    @Test
    void marksUnconfirmedOneWaitAfterTheReminder() {
        Instant unconfirmedDue = reminderDue.plus(REMINDER_AFTER);

        assertThat(lifecycle.timedEventDue(claimed, reminderDue, unconfirmedDue.minusMillis(1))).isEmpty();
        assertThat(lifecycle.timedEventDue(claimed, reminderDue, unconfirmedDue))
                .contains(CommitmentEvent.CUSTOMER_SILENT_AFTER_REMINDER);
    }

    @Test
    void neverGivesUpOnACustomerWhoWasNotRemindedYet() {
        // The scheduler was down for a month: the plain rule says unconfirmed, but the customer was asked only once.
        assertThat(lifecycle.timedEventDue(claimed, LifecycleFixtures.LATE)).contains(
                CommitmentEvent.CUSTOMER_SILENT_AFTER_REMINDER);

        assertThat(lifecycle.timedEventDue(claimed, null, LifecycleFixtures.LATE)).isEmpty();
        assertThat(lifecycle.customerReminderDue(claimed, null, LifecycleFixtures.LATE)).isTrue();
    }

    @Test
    void waitsAFullPeriodAfterALateReminder() {
        Instant lateReminder = LifecycleFixtures.LATE;

        assertThat(lifecycle.timedEventDue(claimed, lateReminder, lateReminder.plus(REMINDER_AFTER).minusMillis(1)))
                .isEmpty();
        assertThat(lifecycle.timedEventDue(claimed, lateReminder, lateReminder.plus(REMINDER_AFTER)))
                .contains(CommitmentEvent.CUSTOMER_SILENT_AFTER_REMINDER);
    }

    @Test
    void otherStatusesFollowTheDueDateWhateverTheReminder() {
        CommitmentState open = state(CommitmentStatus.OPEN);

        assertThat(lifecycle.timedEventDue(open, null, LifecycleFixtures.DUE))
                .isEqualTo(lifecycle.timedEventDue(open, LifecycleFixtures.DUE));
    }
}
