package io.tikun.routing.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tikun.routing.followup.CommitmentStatus;

/** The promises read model: newer changes win whatever order they arrive in, and overdue is judged at display time. */
class CasePromiseTest {

    private static final Instant MADE = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant DUE = MADE.plus(Duration.ofDays(2));

    private static CasePromise promise() {
        return CasePromise.made(UUID.randomUUID(), UUID.randomUUID(), "cust-1", "להחליף את המזגן", "yossi", DUE,
                "yael", MADE);
    }

    @Test
    void aPromiseStartsOpenAtItsMaking() {
        CasePromise p = promise();
        assertThat(p.state).isEqualTo(CommitmentStatus.OPEN);
        assertThat(p.stateAt).isEqualTo(MADE);
    }

    @Test
    void aNewerChangeMovesThePromiseAndTakesItsDueDate() {
        CasePromise p = promise();
        Instant later = DUE.plus(Duration.ofDays(3));
        assertThat(p.apply(CommitmentStatus.OPEN, later, MADE.plusSeconds(60), MADE.plusSeconds(61))).isTrue();
        assertThat(p.dueAt).isEqualTo(later);
        assertThat(p.apply(CommitmentStatus.VERIFIED, null, MADE.plusSeconds(120), MADE.plusSeconds(121))).isTrue();
        assertThat(p.state).isEqualTo(CommitmentStatus.VERIFIED);
        assertThat(p.dueAt).as("a change without a due date keeps it").isEqualTo(later);
        assertThat(p.updatedAt).isEqualTo(MADE.plusSeconds(121));
    }

    @Test
    void anOlderChangeArrivingLateOrTheSameChangeAgainChangesNothing() {
        CasePromise p = promise();
        p.apply(CommitmentStatus.VERIFIED, null, MADE.plusSeconds(120), MADE.plusSeconds(121));
        assertThat(p.apply(CommitmentStatus.CLAIMED_DONE, null, MADE.plusSeconds(60), MADE.plusSeconds(200))).isFalse();
        assertThat(p.apply(CommitmentStatus.VERIFIED, null, MADE.plusSeconds(120), MADE.plusSeconds(300))).isFalse();
        assertThat(p.state).isEqualTo(CommitmentStatus.VERIFIED);
        assertThat(p.updatedAt).isEqualTo(MADE.plusSeconds(121));
    }

    @Test
    void anOpenPromisePastItsDueTimeIsOverdueEvenBeforeFollowUpSaysSo() {
        CasePromise p = promise();
        assertThat(PromiseRow.of(p, DUE.minusSeconds(1)).overdue()).isFalse();
        assertThat(PromiseRow.of(p, DUE.plusSeconds(1)).overdue()).isTrue();
        p.apply(CommitmentStatus.DUE_SOON, null, MADE.plusSeconds(5), MADE.plusSeconds(5));
        assertThat(PromiseRow.of(p, DUE.plusSeconds(1)).overdue()).isTrue();
    }

    @Test
    void aPromiseReportedDoneOrKeptIsNotOverdueAndKeptOnlyWhenTheCustomerConfirmed() {
        CasePromise p = promise();
        p.apply(CommitmentStatus.CLAIMED_DONE, null, MADE.plusSeconds(5), MADE.plusSeconds(5));
        PromiseRow claimed = PromiseRow.of(p, DUE.plusSeconds(1));
        assertThat(claimed.overdue()).isFalse();
        assertThat(claimed.kept()).isFalse();
        p.apply(CommitmentStatus.VERIFIED, null, MADE.plusSeconds(9), MADE.plusSeconds(9));
        assertThat(PromiseRow.of(p, DUE.plusSeconds(1)).kept()).isTrue();
        p.apply(CommitmentStatus.BROKEN, null, MADE.plusSeconds(19), MADE.plusSeconds(19));
        PromiseRow broken = PromiseRow.of(p, DUE.plusSeconds(1));
        assertThat(broken.notKept()).isTrue();
        assertThat(broken.overdue()).isFalse();
    }

    @Test
    void followUpsOverdueIsShownAsOverdueWhateverTheClock() {
        CasePromise p = promise();
        p.apply(CommitmentStatus.OVERDUE, null, MADE.plusSeconds(5), MADE.plusSeconds(5));
        assertThat(PromiseRow.of(p, MADE).overdue()).isTrue();
    }
}
