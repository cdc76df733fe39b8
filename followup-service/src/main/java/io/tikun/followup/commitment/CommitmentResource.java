package io.tikun.followup.commitment;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.access.Caller;
import io.tikun.followup.message.CustomerMessageService;
import io.tikun.followup.message.CustomerMessageView;
import io.tikun.followup.outbox.MailRelay;
import io.tikun.followup.outbox.OutboxRelay;

/** Promises being tracked, for agents and managers: listing them, the owner's claim that one was kept, reopening. */
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Commitments")
public class CommitmentResource {

    static final String TOTAL_COUNT = "X-Total-Count";

    private final CommitmentService service;
    private final OutboxRelay relay;
    private final MailRelay mails;
    private final CustomerMessageService customerMessages;
    private final SecurityIdentity identity;

    public CommitmentResource(CommitmentService service, OutboxRelay relay, MailRelay mails,
            CustomerMessageService customerMessages, SecurityIdentity identity) {
        this.service = service;
        this.relay = relay;
        this.mails = mails;
        this.customerMessages = customerMessages;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Commitments by owner, status, due date and case, paged", description = "Every filter is "
            + "optional: owner, status (comma-separated), dueAfter (inclusive) and dueBefore (exclusive) as ISO-8601 "
            + "instants, caseId. page from 0, size 1 to 100 (20), sort dueAt (default), madeAt, updatedAt, status or "
            + "owner, '-' in front for descending. Each with its history; X-Total-Count is the count over all pages.")
    public Uni<RestResponse<List<CommitmentView>>> list(@BeanParam @Valid CommitmentListParameters parameters) {
        return service.list(parameters.toQuery())
                .map(page -> RestResponse.ResponseBuilder.ok(page.items()).header(TOTAL_COUNT, page.total()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One commitment with its history")
    public Uni<CommitmentView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/customer-messages")
    @Operation(summary = "The messages sent to the promise's customer, with their delivery status", description = "Each "
            + "message follow-up asked intake to deliver about this promise (the question whether it was done, its "
            + "reminder, the thanks), oldest first, with what intake reported: REQUESTED until it reports, then SENT, "
            + "DELIVERED or FAILED with the reason. 404 for an unknown commitment.")
    public Uni<List<CustomerMessageView>> customerMessages(@RestPath UUID id) {
        return customerMessages.forCommitment(id);
    }

    @POST
    @Path("/{id}/claim-done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim a promise kept", description = "The commitment becomes CLAIMED_DONE, commitments.updated "
            + "announces it, and intake is asked (customer.messages.requested) to send the customer two signed links to "
            + "confirm or deny it. 409 if its status "
            + "does not allow a claim; 403 for an agent who does not own it.")
    public Uni<CommitmentView> claimDone(@RestPath UUID id, @Valid @NotNull ClaimDoneRequest request) {
        // The question to the customer is published only after the claim committed (outbox): a question for a claim
        // that rolled back would ask about nothing. A failed publish is retried by the relay; it does not undo the claim.
        return service.claimDone(id, request.note(), Caller.of(identity))
                .call(this::announce)
                .map(CommitmentTransitions.Applied::commitment);
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "agent", "manager" })
    @Operation(summary = "Reopen a disputed promise", description = "The commitment is OPEN again with the new due date "
            + "(BROKEN instead if it was disputed as often as allowed), the note and the caller go into its history, "
            + "commitments.updated announces it, and the links sent for earlier claims stop working. 409 unless it is "
            + "DISPUTED, or if the new due date is not in the future; 403 for an agent who does not own it.")
    public Uni<CommitmentView> reopen(@RestPath UUID id, @Valid @NotNull ReopenRequest request) {
        return service.reopen(id, request.dueAt(), request.note(), Caller.of(identity))
                .call(this::announce)
                .map(CommitmentTransitions.Applied::commitment);
    }

    /** After the commit: a failed publish or e-mail is retried by the relays, it does not undo the change. */
    private Uni<Void> announce(CommitmentTransitions.Applied applied) {
        return relay.publishNow(List.of(applied.outboxId())).chain(() -> mails.sendNow(applied.mailIds()));
    }
}
