package io.tikun.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tikun.routing.followup.CommitmentStatus;
import io.tikun.routing.promise.CasePromise;
import io.tikun.routing.promise.PromiseRow;

/** The customer panel built from routing's rows: tier, churn, satisfaction and promises kept. */
class CustomerPanelTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static CustomerFeedback feedback(FeedbackKind kind, int minutes, String tier) {
        CustomerFeedback f = new CustomerFeedback();
        f.eventId = UUID.randomUUID().toString();
        f.customerId = "cust-1";
        f.kind = kind;
        f.valueTier = tier;
        f.occurredAt = T0.plusSeconds(60L * minutes);
        return f;
    }

    private static CustomerFeedback csat(int minutes, int score) {
        CustomerFeedback f = feedback(FeedbackKind.CSAT_ANSWERED, minutes, "gold");
        f.score = score;
        return f;
    }

    @Test
    void aCustomerFollowUpNeverReportedOnShowsNothingToWorryAbout() {
        CustomerPanel panel = CustomerPanel.of(List.of(), List.of(), List.of());
        assertThat(panel.empty()).isTrue();
        assertThat(panel.valueTier()).isNull();
        assertThat(panel.saidTheyWouldLeave()).isFalse();
        assertThat(panel.churnOutcome()).isNull();
        assertThat(panel.meanScore()).isNull();
    }

    @Test
    void theTierIsTheNewestEventsAndAnswersAreNewestFirstWithTheirMean() {
        CustomerPanel panel = CustomerPanel.of(List.of(), List.of(),
                List.of(csat(30, 5), csat(10, 2), feedback(FeedbackKind.CHURN_WATCH_OPENED, 20, "standard")));
        assertThat(panel.valueTier()).isEqualTo("gold");
        assertThat(panel.csat()).extracting(f -> f.score).containsExactly(5, 2);
        assertThat(panel.meanScore()).isEqualTo("3.5");
    }

    @Test
    void aChurnWatchWithoutOutcomeIsStillWatchedAndTheNewestOutcomeWins() {
        CustomerFeedback opened = feedback(FeedbackKind.CHURN_WATCH_OPENED, 0, "gold");
        opened.churnOutcome = ChurnOutcome.UNKNOWN;
        assertThat(CustomerPanel.of(List.of(), List.of(), List.of(opened)).churnOutcome()).isEqualTo(ChurnOutcome.UNKNOWN);

        CustomerFeedback left = feedback(FeedbackKind.CHURN_OUTCOME, 10, "gold");
        left.churnOutcome = ChurnOutcome.LEFT;
        CustomerFeedback retained = feedback(FeedbackKind.EXIT_INTERVIEW_RECORDED, 20, "gold");
        retained.exitOutcome = ExitOutcome.RETAINED;
        CustomerPanel panel = CustomerPanel.of(List.of(), List.of(), List.of(left, opened, retained));
        assertThat(panel.saidTheyWouldLeave()).isTrue();
        assertThat(panel.churnOutcome()).isEqualTo(ChurnOutcome.STAYED);
        assertThat(panel.exitInterviews()).hasSize(1);
    }

    @Test
    void promisesAreCountedAsKeptOnlyWhenVerifiedAndNotKeptWhenDisputedOrBroken() {
        List<PromiseRow> rows = List.of(CommitmentStatus.VERIFIED, CommitmentStatus.DISPUTED, CommitmentStatus.BROKEN,
                CommitmentStatus.CLAIMED_DONE).stream().map(state -> {
                    CasePromise p = CasePromise.made(UUID.randomUUID(), UUID.randomUUID(), "cust-1", "x", "o",
                            T0.plusSeconds(86_400), "a", T0);
                    p.apply(state, null, T0.plusSeconds(5), T0.plusSeconds(5));
                    return PromiseRow.of(p, T0.plusSeconds(10));
                }).toList();
        CustomerPanel panel = CustomerPanel.of(List.of(), rows, List.of());
        assertThat(panel.promisesKept()).isEqualTo(1);
        assertThat(panel.promisesNotKept()).isEqualTo(2);
        assertThat(panel.empty()).isFalse();
    }
}
