package io.tikun.followup.lifecycle;

import static io.tikun.followup.commitment.CommitmentStatus.BROKEN;
import static io.tikun.followup.commitment.CommitmentStatus.CLAIMED_DONE;
import static io.tikun.followup.commitment.CommitmentStatus.DISPUTED;
import static io.tikun.followup.commitment.CommitmentStatus.OPEN;
import static io.tikun.followup.commitment.CommitmentStatus.VERIFIED;
import static io.tikun.followup.lifecycle.LifecycleFixtures.COMMITMENT_ID;
import static io.tikun.followup.lifecycle.LifecycleFixtures.CUSTOMER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.DUE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.OWNER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tikun.followup.commitment.CommitmentStatus;

class CommitmentStateTest {

    private static final Instant MADE = DUE.minus(Duration.ofDays(5));

    @Test
    void startsOpenAndUndisputed() {
        assertThat(CommitmentState.opened(COMMITMENT_ID, DUE))
                .isEqualTo(new CommitmentState(COMMITMENT_ID, OPEN, DUE, 0, null));
    }

    @ParameterizedTest
    @EnumSource(names = { "VERIFIED", "BROKEN", "UNCONFIRMED" })
    void knowsWhichStatusesAreFinal(CommitmentStatus status) {
        assertThat(LifecycleFixtures.state(status).isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = { "OPEN", "DUE_SOON", "OVERDUE", "CLAIMED_DONE", "DISPUTED" })
    void knowsWhichStatusesAreStillAlive(CommitmentStatus status) {
        assertThat(LifecycleFixtures.state(status).isFinal()).isFalse();
    }

    @Test
    void refusesANegativeDisputeCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CommitmentState(COMMITMENT_ID, OPEN, DUE, -1, null));
    }

    @Test
    void refusesAClaimedCommitmentWithoutItsClaimTimeAndAnyOtherWithOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitmentState(COMMITMENT_ID, CLAIMED_DONE, DUE, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CommitmentState(COMMITMENT_ID, OPEN, DUE, 0, DUE));
    }

    @Test
    void rebuildsTheDisputeCountAndClaimTimeFromTheStoredHistory() {
        CommitmentLifecycle lifecycle = new CommitmentLifecycle(POLICY);
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(COMMITMENT_ID, null, OPEN, "manager", "promised on case TK-1042", MADE));
        Instant t = MADE.plus(Duration.ofHours(1));
        Transition step = lifecycle.apply(CommitmentState.opened(COMMITMENT_ID, DUE),
                CommitmentEvent.OWNER_CLAIMED_DONE, OWNER, "fixed", t);
        history.add(step.entry());
        step = lifecycle.apply(step.state(), CommitmentEvent.CUSTOMER_DENIED, CUSTOMER, "not fixed", t.plusSeconds(60));
        history.add(step.entry());
        Instant newDue = DUE.plus(Duration.ofDays(3));
        step = lifecycle.reopen(step.state(), newDue, OWNER, "again", t.plusSeconds(120));
        history.add(step.entry());
        step = lifecycle.apply(step.state(), CommitmentEvent.OWNER_CLAIMED_DONE, OWNER, "fixed again",
                t.plusSeconds(180));
        history.add(step.entry());
        Collections.reverse(history);

        CommitmentState rebuilt = CommitmentState.fromHistory(COMMITMENT_ID, CLAIMED_DONE, newDue, history);

        assertThat(rebuilt).isEqualTo(step.state());
        assertThat(rebuilt.disputeCount()).isEqualTo(1);
        assertThat(rebuilt.claimedAt()).isEqualTo(t.plusSeconds(180));
    }

    @Test
    void countsADisputeThatBrokeTheCommitment() {
        List<HistoryEntry> history = List.of(
                new HistoryEntry(COMMITMENT_ID, CLAIMED_DONE, DISPUTED, CUSTOMER, "no", MADE),
                new HistoryEntry(COMMITMENT_ID, CLAIMED_DONE, BROKEN, CUSTOMER, "no again", MADE.plusSeconds(1)));

        assertThat(CommitmentState.fromHistory(COMMITMENT_ID, BROKEN, DUE, history).disputeCount()).isEqualTo(2);
    }

    @Test
    void doesNotCountABreakForMissingTheGracePeriodAsADispute() {
        List<HistoryEntry> history = List.of(
                new HistoryEntry(COMMITMENT_ID, CommitmentStatus.OVERDUE, BROKEN, "followup-scheduler", "late", MADE));

        assertThat(CommitmentState.fromHistory(COMMITMENT_ID, BROKEN, DUE, history).disputeCount()).isZero();
    }

    @Test
    void refusesAClaimedCommitmentWhoseHistoryHasNoClaim() {
        List<HistoryEntry> history = List.of(new HistoryEntry(COMMITMENT_ID, null, OPEN, "manager", null, MADE));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommitmentState.fromHistory(COMMITMENT_ID, CLAIMED_DONE, DUE, history))
                .withMessageContaining("has no claim");
    }

    @Test
    void leavesTheClaimTimeEmptyOnceTheCustomerAnswered() {
        List<HistoryEntry> history = List.of(
                new HistoryEntry(COMMITMENT_ID, OPEN, CLAIMED_DONE, OWNER, "done", MADE),
                new HistoryEntry(COMMITMENT_ID, CLAIMED_DONE, VERIFIED, CUSTOMER, "yes", MADE.plusSeconds(5)));

        assertThat(CommitmentState.fromHistory(COMMITMENT_ID, VERIFIED, DUE, history).claimedAt()).isNull();
    }
}
