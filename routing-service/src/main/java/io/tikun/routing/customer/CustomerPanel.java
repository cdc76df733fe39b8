package io.tikun.routing.customer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.promise.PromiseRow;

/**
 * What a service person wants to know about the customer before answering, from routing's own tables: earlier cases,
 * promises made and whether they were kept, satisfaction answers, the value tier, whether they said they would leave
 * and what became of it.
 */
@TemplateData
public record CustomerPanel(List<PastCase> pastCases, List<PromiseRow> promises, List<CustomerFeedback> csat,
        List<CustomerFeedback> exitInterviews, String valueTier, boolean saidTheyWouldLeave, ChurnOutcome churnOutcome,
        long promisesKept, long promisesNotKept) {

    /** Builds the panel from the customer's rows ({@code feedback} in any order). */
    public static CustomerPanel of(List<PastCase> pastCases, List<PromiseRow> promises, List<CustomerFeedback> feedback) {
        List<CustomerFeedback> newestFirst = feedback.stream()
                .sorted(Comparator.comparing((CustomerFeedback f) -> f.occurredAt).reversed()).toList();
        List<CustomerFeedback> csat = newestFirst.stream().filter(f -> f.kind == FeedbackKind.CSAT_ANSWERED).toList();
        List<CustomerFeedback> exits = newestFirst.stream().filter(f -> f.kind == FeedbackKind.EXIT_INTERVIEW_RECORDED)
                .toList();
        // The tier of the latest event that names one: follow-up's configuration may have moved the customer.
        String tier = newestFirst.stream().map(f -> f.valueTier).filter(t -> t != null && !t.isBlank()).findFirst()
                .orElse(null);
        boolean wouldLeave = newestFirst.stream().anyMatch(f -> f.kind == FeedbackKind.CHURN_WATCH_OPENED
                || f.kind == FeedbackKind.CHURN_OUTCOME || f.kind == FeedbackKind.EXIT_INTERVIEW_RECORDED);
        ChurnOutcome outcome = latestOutcome(newestFirst).orElse(wouldLeave ? ChurnOutcome.UNKNOWN : null);
        long kept = promises.stream().filter(PromiseRow::kept).count();
        long notKept = promises.stream().filter(PromiseRow::notKept).count();
        return new CustomerPanel(pastCases, promises, csat, exits, tier, wouldLeave, outcome, kept, notKept);
    }

    /** The newest decided outcome: a churn outcome, or an exit interview's (retained means stayed). */
    private static Optional<ChurnOutcome> latestOutcome(List<CustomerFeedback> newestFirst) {
        for (CustomerFeedback f : newestFirst) {
            if (f.kind == FeedbackKind.CHURN_OUTCOME && f.churnOutcome != null) {
                return Optional.of(f.churnOutcome);
            }
            if (f.kind == FeedbackKind.EXIT_INTERVIEW_RECORDED && f.exitOutcome == ExitOutcome.RETAINED) {
                return Optional.of(ChurnOutcome.STAYED);
            }
            if (f.kind == FeedbackKind.EXIT_INTERVIEW_RECORDED && f.exitOutcome == ExitOutcome.LEFT) {
                return Optional.of(ChurnOutcome.LEFT);
            }
        }
        return Optional.empty();
    }

    /** The mean CSAT score to one decimal, or null without answers. */
    public String meanScore() {
        return csat.isEmpty() ? null
                : String.format(java.util.Locale.ROOT, "%.1f",
                        csat.stream().mapToInt(f -> f.score).average().orElse(0));
    }

    public boolean empty() {
        return pastCases.isEmpty() && promises.isEmpty() && csat.isEmpty() && exitInterviews.isEmpty()
                && valueTier == null && !saidTheyWouldLeave;
    }
}
