package io.tikun.intake.merge;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.customer.CustomerProfile;
import io.tikun.intake.customer.CustomerRepository;
import io.tikun.intake.problem.NotFoundProblem;
import io.tikun.intake.timeline.TimelineRepository;

/**
 * Folds a duplicate customer record into the surviving one, as an agent decides. Without
 * transactions, the steps are single-document or updateMany writes in an order that a repeated
 * request completes: first the duplicate is marked merged (so it is never merged elsewhere), then its
 * identifiers, complaints and timeline entries move, and last the survivor records the merge.
 */
@ApplicationScoped
public class CustomerMergeService {

    private final CustomerRepository customers;
    private final ComplaintRepository complaints;
    private final TimelineRepository timeline;
    private final Clock clock;
    /** How many complaint times the survivor keeps of the two customers' (see IntakeConfig.Repeat#remembered). */
    private final int rememberedComplaints;

    public CustomerMergeService(CustomerRepository customers, ComplaintRepository complaints, TimelineRepository timeline,
            Clock clock, IntakeConfig config) {
        this.customers = customers;
        this.complaints = complaints;
        this.timeline = timeline;
        this.clock = clock;
        this.rememberedComplaints = config.severity().repeat().remembered();
    }

    public Uni<CustomerProfile> merge(String survivorId, String duplicateId, String mergedBy) {
        if (survivorId.equals(duplicateId)) {
            return Uni.createFrom().failure(new BadRequestException("A customer cannot be merged into itself."));
        }
        Instant now = clock.instant();
        return existing(survivorId).chain(survivor -> {
            if (survivor.mergedInto() != null) {
                return Uni.createFrom().failure(conflict("Customer " + survivorId + " was merged into "
                        + survivor.mergedInto() + "; merge into that customer instead."));
            }
            return existing(duplicateId)
                    .chain(() -> customers.markMerged(duplicateId, survivorId, mergedBy, now))
                    .onItem().ifNull().failWith(() -> conflict("Customer " + duplicateId
                            + " was already merged into another customer."))
                    .call(() -> customers.moveIdentities(duplicateId, survivorId))
                    .call(() -> complaints.reassignCustomer(duplicateId, survivorId))
                    .call(() -> timeline.reassign(duplicateId, survivorId))
                    .chain(duplicate -> customers.absorb(survivorId, duplicate, mergedBy, now, rememberedComplaints))
                    .invoke(merged -> Log.infof("Customer %s merged into %s by %s", duplicateId, survivorId, mergedBy));
        });
    }

    private Uni<CustomerProfile> existing(String id) {
        return customers.findProfile(id).onItem().ifNull().failWith(() -> new NotFoundProblem("No customer with id " + id));
    }

    private static ClientErrorException conflict(String detail) {
        return new ClientErrorException(detail, Response.Status.CONFLICT);
    }
}
