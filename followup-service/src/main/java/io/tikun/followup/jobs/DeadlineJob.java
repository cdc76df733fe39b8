package io.tikun.followup.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.outbox.MailRelay;
import io.tikun.followup.outbox.OutboxRelay;

/**
 * Lets time move commitments on: the owner's reminder and DUE_SOON before the due date, OVERDUE at it, BROKEN after
 * the grace period (the service manager is told), and for a claim the customer leaves unanswered a second request and
 * then UNCONFIRMED. Every instance runs it on its own tick; the claims make each step happen once.
 */
@ApplicationScoped
public class DeadlineJob {

    private final DeadlineSteps steps;
    private final OutboxRelay events;
    private final MailRelay mails;

    public DeadlineJob(DeadlineSteps steps, OutboxRelay events, MailRelay mails) {
        this.steps = steps;
        this.events = events;
        this.mails = mails;
    }

    @Scheduled(every = "${tikun.followup.jobs.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return runOnce()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Deadline pass failed, the next tick retries it: %s", failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * One pass: the due steps in one transaction, then their events and e-mails once it committed (what fails there
     * is left to the relays' own passes).
     */
    public Uni<JobPass> runOnce() {
        return steps.takeDueSteps()
                .call(pass -> events.publishNow(pass.outboxIds()))
                .call(pass -> mails.sendNow(pass.mailIds()))
                .invoke(pass -> {
                    if (!pass.changes().isEmpty() || !pass.mailIds().isEmpty()) {
                        Log.infof("Deadline pass: %d commitments, changes %s, %d e-mails", pass.claimed(),
                                pass.changes(), pass.mailIds().size());
                    }
                });
    }
}
