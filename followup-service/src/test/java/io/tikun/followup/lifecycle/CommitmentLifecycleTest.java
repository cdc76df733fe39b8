package io.tikun.followup.lifecycle;

import static io.tikun.followup.commitment.CommitmentStatus.BROKEN;
import static io.tikun.followup.commitment.CommitmentStatus.CLAIMED_DONE;
import static io.tikun.followup.commitment.CommitmentStatus.DISPUTED;
import static io.tikun.followup.commitment.CommitmentStatus.DUE_SOON;
import static io.tikun.followup.commitment.CommitmentStatus.OPEN;
import static io.tikun.followup.commitment.CommitmentStatus.OVERDUE;
import static io.tikun.followup.commitment.CommitmentStatus.UNCONFIRMED;
import static io.tikun.followup.commitment.CommitmentStatus.VERIFIED;
import static io.tikun.followup.lifecycle.LifecycleFixtures.CLAIMED_AT;
import static io.tikun.followup.lifecycle.LifecycleFixtures.COMMITMENT_ID;
import static io.tikun.followup.lifecycle.LifecycleFixtures.CUSTOMER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.DUE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.GRACE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.LATE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.OWNER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.POLICY;
import static io.tikun.followup.lifecycle.LifecycleFixtures.REMINDER_AFTER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.SYSTEM;
import static io.tikun.followup.lifecycle.LifecycleFixtures.attempt;
import static io.tikun.followup.lifecycle.LifecycleFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.tikun.followup.commitment.CommitmentStatus;

class CommitmentLifecycleTest {

    private final CommitmentLifecycle lifecycle = new CommitmentLifecycle(POLICY);

    /** Every legal transition: from, event, disputes so far, to, announced change. */
    @ParameterizedTest(name = "{0} --{1}--> {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN         | DUE_SOON_REACHED               | 0 | DUE_SOON     | due-soon
            OPEN         | DUE_DATE_PASSED                | 0 | OVERDUE      | overdue
            DUE_SOON     | DUE_DATE_PASSED                | 0 | OVERDUE      | overdue
            OVERDUE      | GRACE_PERIOD_PASSED            | 0 | BROKEN       | broken
            OPEN         | OWNER_CLAIMED_DONE             | 0 | CLAIMED_DONE | claimed-done
            DUE_SOON     | OWNER_CLAIMED_DONE             | 0 | CLAIMED_DONE | claimed-done
            OVERDUE      | OWNER_CLAIMED_DONE             | 0 | CLAIMED_DONE | claimed-done
            CLAIMED_DONE | CUSTOMER_CONFIRMED             | 0 | VERIFIED     | verified
            CLAIMED_DONE | CUSTOMER_DENIED                | 0 | DISPUTED     | disputed
            CLAIMED_DONE | CUSTOMER_DENIED                | 1 | BROKEN       | broken
            CLAIMED_DONE | CUSTOMER_SILENT_AFTER_REMINDER | 0 | UNCONFIRMED  | unconfirmed
            DISPUTED     | REOPENED                       | 1 | OPEN         | reopened
            """)
    void appliesEveryLegalTransitionAndNamesTheAnnouncedChange(CommitmentStatus from, CommitmentEvent event,
            int disputes, CommitmentStatus to, String change) {
        Transition transition = attempt(lifecycle, state(from, disputes), event);

        assertThat(transition.event()).isEqualTo(event);
        assertThat(transition.state().status()).isEqualTo(to);
        assertThat(transition.state().commitmentId()).isEqualTo(COMMITMENT_ID);
        assertThat(transition.entry().from()).isEqualTo(from);
        assertThat(transition.entry().to()).isEqualTo(to);
        assertThat(transition.published().wireName()).isEqualTo(change);
    }

    @Test
    void marksAnOpenCommitmentDueSoonExactlyWhenTheWarningTimeStarts() {
        Instant warning = DUE.minus(LifecycleFixtures.DUE_SOON_BEFORE);

        Transition transition = lifecycle.apply(state(OPEN), CommitmentEvent.DUE_SOON_REACHED, SYSTEM, null, warning);

        assertThat(transition.state().status()).isEqualTo(DUE_SOON);
        assertThat(transition.entry().at()).isEqualTo(warning);
    }

    @ParameterizedTest
    @EnumSource(names = { "OPEN", "DUE_SOON" })
    void marksAnUnclaimedCommitmentOverdueAtItsDueDate(CommitmentStatus from) {
        Transition transition = lifecycle.apply(state(from), CommitmentEvent.DUE_DATE_PASSED, SYSTEM, null, DUE);

        assertThat(transition.state().status()).isEqualTo(OVERDUE);
        assertThat(transition.published()).isEqualTo(PublishedChange.OVERDUE);
    }

    @Test
    void breaksAnOverdueCommitmentWhenItsGracePeriodEnds() {
        Transition transition = lifecycle.apply(state(OVERDUE), CommitmentEvent.GRACE_PERIOD_PASSED, SYSTEM, null,
                DUE.plus(GRACE));

        assertThat(transition.state().status()).isEqualTo(BROKEN);
        assertThat(transition.state().isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = { "OPEN", "DUE_SOON", "OVERDUE" })
    void letsTheOwnerClaimDoneWithANoteAndStartsTheCustomerClock(CommitmentStatus from) {
        Instant at = DUE.plus(Duration.ofHours(1));

        Transition transition = lifecycle.apply(state(from), CommitmentEvent.OWNER_CLAIMED_DONE, OWNER,
                "הטכנאי החליף את גוף החימום", at);

        assertThat(transition.state().status()).isEqualTo(CLAIMED_DONE);
        assertThat(transition.state().claimedAt()).isEqualTo(at);
        assertThat(transition.state().dueAt()).isEqualTo(DUE);
        assertThat(transition.entry().reason()).isEqualTo("הטכנאי החליף את גוף החימום");
    }

    @Test
    void verifiesAClaimedCommitmentTheCustomerConfirms() {
        Transition transition = lifecycle.apply(state(CLAIMED_DONE), CommitmentEvent.CUSTOMER_CONFIRMED, CUSTOMER,
                null, CLAIMED_AT.plus(Duration.ofHours(2)));

        assertThat(transition.state().status()).isEqualTo(VERIFIED);
        assertThat(transition.state().claimedAt()).isNull();
        assertThat(transition.entry().reason()).isEqualTo("the customer confirmed it was done");
    }

    @Test
    void disputesAClaimTheCustomerDeniesForTheFirstTimeAndCountsIt() {
        Transition transition = lifecycle.apply(state(CLAIMED_DONE), CommitmentEvent.CUSTOMER_DENIED, CUSTOMER,
                "The heater is still cold", CLAIMED_AT.plus(Duration.ofHours(2)));

        assertThat(transition.state().status()).isEqualTo(DISPUTED);
        assertThat(transition.state().disputeCount()).isEqualTo(1);
        assertThat(transition.state().claimedAt()).isNull();
        assertThat(transition.entry().reason()).isEqualTo("The heater is still cold");
    }

    @Test
    void reopensADisputedCommitmentWithTheNewDueDateAndKeepsTheDisputeCount() {
        Instant at = DUE.plus(Duration.ofDays(2));
        Instant newDue = at.plus(Duration.ofDays(5));

        Transition transition = lifecycle.reopen(state(DISPUTED, 1), newDue, OWNER, "second technician visit", at);

        assertThat(transition.state()).isEqualTo(new CommitmentState(COMMITMENT_ID, OPEN, newDue, 1, null));
        assertThat(transition.published()).isEqualTo(PublishedChange.REOPENED);
        assertThat(transition.entry().reason()).isEqualTo("second technician visit");
    }

    @Test
    void breaksTheCommitmentOnTheSecondDisputeInsteadOfReopeningIt() {
        Instant t = DUE.minus(Duration.ofDays(3));
        CommitmentState s = CommitmentState.opened(COMMITMENT_ID, DUE);

        s = lifecycle.apply(s, CommitmentEvent.OWNER_CLAIMED_DONE, OWNER, "replaced the thermostat", t).state();
        s = lifecycle.apply(s, CommitmentEvent.CUSTOMER_DENIED, CUSTOMER, "still cold", t.plusSeconds(60)).state();
        s = lifecycle.reopen(s, DUE.plus(Duration.ofDays(7)), OWNER, "order a new heater", t.plusSeconds(120)).state();
        s = lifecycle.apply(s, CommitmentEvent.OWNER_CLAIMED_DONE, OWNER, "new heater installed", t.plusSeconds(180))
                .state();
        Transition second = lifecycle.apply(s, CommitmentEvent.CUSTOMER_DENIED, CUSTOMER, "still cold, again",
                t.plusSeconds(240));

        assertThat(second.state().status()).isEqualTo(BROKEN);
        assertThat(second.state().disputeCount()).isEqualTo(2);
        assertThat(second.published()).isEqualTo(PublishedChange.BROKEN);
        assertThat(second.entry().from()).isEqualTo(CLAIMED_DONE);
        assertThat(second.entry().reason()).isEqualTo("still cold, again");
    }

    @Test
    void breaksOnTheFirstDisputeWhenOnlyOneIsAllowed() {
        CommitmentLifecycle strict = new CommitmentLifecycle(
                new LifecyclePolicy(LifecycleFixtures.DUE_SOON_BEFORE, GRACE, REMINDER_AFTER, 1));

        Transition transition = strict.apply(state(CLAIMED_DONE), CommitmentEvent.CUSTOMER_DENIED, CUSTOMER, "no",
                LATE);

        assertThat(transition.state().status()).isEqualTo(BROKEN);
        assertThat(transition.state().disputeCount()).isEqualTo(1);
    }

    @Test
    void breaksInsteadOfReopeningWhenTheDisputeLimitWasLoweredMeanwhile() {
        CommitmentLifecycle strict = new CommitmentLifecycle(
                new LifecyclePolicy(LifecycleFixtures.DUE_SOON_BEFORE, GRACE, REMINDER_AFTER, 1));

        Transition transition = strict.reopen(state(DISPUTED, 1), LATE.plus(Duration.ofDays(1)), OWNER, "try again",
                LATE);

        assertThat(transition.state().status()).isEqualTo(BROKEN);
        assertThat(transition.state().dueAt()).isEqualTo(DUE);
        assertThat(transition.published()).isEqualTo(PublishedChange.BROKEN);
    }

    @Test
    void leavesAClaimUnconfirmedWhenTheCustomerIgnoresTheRequestAndTheReminder() {
        Instant lastChance = CLAIMED_AT.plus(REMINDER_AFTER.multipliedBy(2));

        Transition transition = lifecycle.apply(state(CLAIMED_DONE), CommitmentEvent.CUSTOMER_SILENT_AFTER_REMINDER,
                SYSTEM, null, lastChance);

        assertThat(transition.state().status()).isEqualTo(UNCONFIRMED);
        assertThat(transition.entry().reason()).isEqualTo("the customer answered neither the request nor the reminder");
    }

    @Test
    void recordsFromToActorReasonAndTimeInTheHistoryEntry() {
        Instant at = Instant.parse("2026-11-25T08:15:30Z");

        Transition transition = lifecycle.apply(state(OPEN), CommitmentEvent.OWNER_CLAIMED_DONE, OWNER,
                "refund of 450 ILS sent", at);

        assertThat(transition.entry())
                .isEqualTo(new HistoryEntry(COMMITMENT_ID, OPEN, CLAIMED_DONE, OWNER, "refund of 450 ILS sent", at));
    }

    @Test
    void recordsAReadableReasonForTimedEventsThatCameWithout() {
        assertThat(lifecycle.apply(state(OPEN), CommitmentEvent.DUE_SOON_REACHED, SYSTEM, null, LATE).entry().reason())
                .isEqualTo("due at 2026-12-01T10:00:00Z");
        assertThat(lifecycle.apply(state(OPEN), CommitmentEvent.DUE_DATE_PASSED, SYSTEM, " ", LATE).entry().reason())
                .isEqualTo("due date 2026-12-01T10:00:00Z passed");
        assertThat(lifecycle.apply(state(OVERDUE), CommitmentEvent.GRACE_PERIOD_PASSED, SYSTEM, "", LATE).entry()
                .reason()).isEqualTo("grace period ended at 2026-12-03T10:00:00Z");
    }

    @Test
    void keepsTheReasonGivenForATimedEvent() {
        Transition transition = lifecycle.apply(state(OPEN), CommitmentEvent.DUE_DATE_PASSED, SYSTEM,
                "caught up after an outage", LATE);

        assertThat(transition.entry().reason()).isEqualTo("caught up after an outage");
    }

    @Test
    void tracesAKeptPromiseFromOpenToVerifiedInItsHistory() {
        Instant t = DUE.minus(Duration.ofHours(20));
        List<HistoryEntry> history = new ArrayList<>();
        CommitmentState s = CommitmentState.opened(COMMITMENT_ID, DUE);

        Transition step = lifecycle.apply(s, CommitmentEvent.DUE_SOON_REACHED, SYSTEM, null, t);
        history.add(step.entry());
        step = lifecycle.apply(step.state(), CommitmentEvent.OWNER_CLAIMED_DONE, OWNER, "fixed", t.plusSeconds(3600));
        history.add(step.entry());
        step = lifecycle.apply(step.state(), CommitmentEvent.CUSTOMER_CONFIRMED, CUSTOMER, "thanks!",
                t.plusSeconds(7200));
        history.add(step.entry());

        assertThat(history).extracting(HistoryEntry::from, HistoryEntry::to, HistoryEntry::actor, HistoryEntry::at)
                .containsExactly(
                        tuple(OPEN, DUE_SOON, SYSTEM, t),
                        tuple(DUE_SOON, CLAIMED_DONE, OWNER, t.plusSeconds(3600)),
                        tuple(CLAIMED_DONE, VERIFIED, CUSTOMER, t.plusSeconds(7200)));
        assertThat(step.state().isFinal()).isTrue();
    }

    @Test
    void neverChangesTheStateItWasGiven() {
        CommitmentState before = state(CLAIMED_DONE);

        lifecycle.apply(before, CommitmentEvent.CUSTOMER_DENIED, CUSTOMER, "no", LATE);

        assertThat(before).isEqualTo(state(CLAIMED_DONE));
    }
}
