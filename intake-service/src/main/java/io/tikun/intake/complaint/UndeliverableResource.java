package io.tikun.intake.complaint;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;

/** What the outbox relay gave up on (customer e-mails refused again and again), for an operator to act on. */
@Path("/api/v1/outbox/undeliverable")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class UndeliverableResource {

    private final ComplaintRepository complaints;
    private final int limit;

    public UndeliverableResource(ComplaintRepository complaints, IntakeConfig config) {
        this.complaints = complaints;
        this.limit = config.outbox().batchSize();
    }

    /** The newest complaints' undeliverable entries: which message, how often tried, the last error. */
    @GET
    public Uni<List<ComplaintRepository.UndeliverableEntry>> list() {
        return complaints.undeliverable(limit);
    }
}
