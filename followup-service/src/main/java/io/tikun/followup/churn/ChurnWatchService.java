package io.tikun.followup.churn;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.feedback.CustomerFeedbackEvents;
import io.tikun.followup.problem.NotFoundProblem;

/**
 * Follows churn-intent complaints to an outcome. The rule: a watch opens UNKNOWN with the complaint; it becomes LEFT
 * when the customer is reported churned or an exit interview records that they left; STAYED when an exit interview
 * records them retained, when someone says so, or when the quiet period has passed since the complaint and the
 * customer was seen again after it (a later complaint or a satisfaction rating). Without any sign of the customer it
 * stays UNKNOWN: silence alone is not staying.
 */
@ApplicationScoped
public class ChurnWatchService {

    /** Who the quiet-period rule names as decider. */
    public static final String SYSTEM_ACTOR = "followup-service";

    private final ChurnWatchRepository watches;
    private final ChurnConfig config;
    private final CustomerFeedbackEvents feedback;
    private final Clock clock;

    public ChurnWatchService(ChurnWatchRepository watches, ChurnConfig config, CustomerFeedbackEvents feedback,
            Clock clock) {
        this.feedback = feedback;
        this.watches = watches;
        this.config = config;
        this.clock = clock;
    }

    /** A churn-intent complaint was filed; joins the caller's transaction. */
    public Uni<Boolean> open(String complaintId, String customerId, Instant receivedAt) {
        return watches.openIfNone(UUID.randomUUID(), complaintId, customerId, receivedAt);
    }

    /** The customer is known to have left or stayed; decides their UNKNOWN watches. Joins the caller's transaction. */
    public Uni<Integer> customerDecided(String customerId, ChurnOutcome outcome, ChurnDecision because, String by) {
        return watches.decideUnknownOf(customerId, outcome, because, by, now())
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d churn watch(es) of customer %s: %s (%s)", n, customerId, outcome, because);
                    }
                })
                .call(n -> n > 0 ? feedback.churnOutcome(customerId, outcome, now()) : Uni.createFrom().voidItem());
    }

    /** Someone recorded the outcome of one watch (it may correct an earlier decision). */
    @WithTransaction
    public Uni<ChurnWatchView> decide(UUID id, ChurnOutcome outcome, String note, String by) {
        return watches.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No churn watch with id " + id))
                .call(watch -> feedback.churnOutcome(watch.customerId, outcome, now()))
                .map(watch -> {
                    watch.outcome = outcome;
                    watch.decidedAt = now();
                    watch.decidedBy = by;
                    watch.decidedBecause = ChurnDecision.EXPLICIT;
                    watch.note = note == null || note.isBlank() ? null : note.strip();
                    return ChurnWatchView.of(watch);
                });
    }

    /**
     * Applies the quiet-period rule now; returns how many watches became STAYED. Each customer so decided is announced
     * once on {@code customers.feedback} (CHURN_OUTCOME STAYED), in the same transaction.
     */
    @WithTransaction
    public Uni<Integer> settleQuietWatches() {
        Instant now = now();
        return watches.settleQuiet(now.minus(config.quietPeriod()), SYSTEM_ACTOR, now)
                .call(customers -> Multi.createFrom().iterable(new TreeSet<>(customers))
                        .onItem().transformToUniAndConcatenate(customer -> feedback.churnOutcome(customer,
                                ChurnOutcome.STAYED, now))
                        .collect().last())
                .map(List::size);
    }

    @WithSession
    public Uni<List<ChurnWatchView>> list(ChurnOutcome outcome, int page, int size) {
        return watches.page(outcome, page, size).map(found -> found.stream().map(ChurnWatchView::of).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
