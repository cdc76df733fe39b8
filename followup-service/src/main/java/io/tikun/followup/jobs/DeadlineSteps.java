package io.tikun.followup.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentTransitions;
import io.tikun.followup.lifecycle.CommitmentLifecycle;
import io.tikun.followup.verification.CustomerRequestSender;

/**
 * One transaction of the deadline job: claims the due commitments and moves each on (due soon, overdue, broken,
 * unconfirmed, or the customer's reminder), writing every change with its events and e-mails before the locks go.
 */
@ApplicationScoped
public class DeadlineSteps {

    /** Who the history and the events name for what time did. */
    public static final String ACTOR = "followup-scheduler";

    private final DueCommitmentClaims claims;
    private final CommitmentTransitions transitions;
    private final CommitmentLifecycle lifecycle;
    private final CustomerRequestSender customers;
    private final int batchSize;
    private final Clock clock;

    public DeadlineSteps(DueCommitmentClaims claims, CommitmentTransitions transitions, CommitmentLifecycle lifecycle,
            CustomerRequestSender customers, FollowupConfig config, Clock clock) {
        this.claims = claims;
        this.transitions = transitions;
        this.lifecycle = lifecycle;
        this.customers = customers;
        this.batchSize = config.jobs().batchSize();
        this.clock = clock;
    }

    @WithTransaction
    public Uni<JobPass> takeDueSteps() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return claims.claim(now, batchSize).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(c -> step(c, now))
                .collect().asList()
                .map(passes -> merge(due.size(), passes)));
    }

    private Uni<JobPass> step(Commitment c, Instant now) {
        return transitions.advance(c, ACTOR, now).chain(advanced -> {
            List<String> changes = new ArrayList<>();
            List<UUID> outboxIds = new ArrayList<>();
            List<UUID> mailIds = new ArrayList<>();
            advanced.applied().forEach(applied -> {
                changes.add(applied.event().change());
                outboxIds.add(applied.outboxId());
                mailIds.addAll(applied.mailIds());
            });
            if (!lifecycle.customerReminderDue(advanced.state(), c.customerRemindedAt, now)) {
                return Uni.createFrom().item(new JobPass(1, changes, outboxIds, mailIds));
            }
            // Recorded even when no question was asked, so that the wait for the answer moves on.
            c.customerRemindedAt = now;
            return customers.queueReminder(new CustomerRequestSender.Subject(c.id, c.caseId, c.reference,
                    c.complaintId, c.customerId, c.customerName, c.what)).map(request -> {
                        request.ifPresent(outboxIds::add);
                        return new JobPass(1, changes, outboxIds, mailIds);
                    });
        });
    }

    private static JobPass merge(int claimed, List<JobPass> passes) {
        List<String> changes = new ArrayList<>();
        List<UUID> outboxIds = new ArrayList<>();
        List<UUID> mailIds = new ArrayList<>();
        passes.forEach(pass -> {
            changes.addAll(pass.changes());
            outboxIds.addAll(pass.outboxIds());
            mailIds.addAll(pass.mailIds());
        });
        return new JobPass(claimed, changes, outboxIds, mailIds);
    }
}
