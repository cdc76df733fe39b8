package io.tikun.intake.web;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.ComplaintService;
import io.tikun.intake.customer.CustomerIdentity;
import io.tikun.intake.customer.CustomerService;
import io.tikun.intake.merge.CustomerMergeService;
import io.tikun.intake.problem.NotFoundProblem;

/**
 * The address owner confirms a form complaint as theirs: its provisional customer is merged into the customer the
 * address (and phone) belong to, created if there is none, so the complaint joins that customer's history. Once done,
 * the complaint's customer is no longer provisional, so the same link does nothing a second time.
 */
@ApplicationScoped
public class RequesterConfirmation {

    /** Recorded as who merged, in the customer's {@code merges}. */
    static final String CONFIRMED_BY = "requester-confirmation";

    /** Where a complaint's confirmation stands, or what confirming it did. */
    public enum Outcome {
        PENDING,
        CONFIRMED,
        ALREADY_CONFIRMED,
        UNKNOWN
    }

    private final ComplaintService complaints;
    private final CustomerService customers;
    private final CustomerMergeService merges;
    private final Clock clock;

    public RequesterConfirmation(ComplaintService complaints, CustomerService customers, CustomerMergeService merges,
            Clock clock) {
        this.complaints = complaints;
        this.customers = customers;
        this.merges = merges;
        this.clock = clock;
    }

    /** Whether the complaint waits for its requester's confirmation. */
    public Uni<Outcome> state(String complaintId) {
        return complaints.get(complaintId)
                .chain(complaint -> customers.profile(complaint.customer().id()))
                .map(customer -> customer.provisional() && customer.mergedInto() == null ? Outcome.PENDING
                        : Outcome.ALREADY_CONFIRMED)
                .onFailure(NotFoundProblem.class).recoverWithItem(Outcome.UNKNOWN);
    }

    public Uni<Outcome> confirm(String complaintId) {
        return complaints.get(complaintId)
                .chain(complaint -> customers.profile(complaint.customer().id()))
                .chain(provisional -> {
                    if (!provisional.provisional() || provisional.mergedInto() != null) {
                        return Uni.createFrom().item(Outcome.ALREADY_CONFIRMED);
                    }
                    CustomerIdentity identity = CustomerIdentity.byEmail(provisional.name(), provisional.email(),
                            provisional.phone());
                    return customers.resolve(identity, clock.instant())
                            .chain(owner -> merges.merge(owner.id(), provisional.id(), CONFIRMED_BY))
                            .invoke(owner -> Log.infof("Complaint %s confirmed by its requester; customer %s merged "
                                    + "into %s", complaintId, provisional.id(), owner.id()))
                            .replaceWith(Outcome.CONFIRMED);
                })
                .onFailure(NotFoundProblem.class).recoverWithItem(Outcome.UNKNOWN);
    }
}
