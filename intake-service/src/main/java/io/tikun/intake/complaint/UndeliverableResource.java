package io.tikun.intake.complaint;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.problem.ListParameters;

/** What the outbox relay gave up on (customer e-mails refused again and again), for an operator to act on. */
@Path("/api/v1/outbox/undeliverable")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class UndeliverableResource {

    private final ComplaintRepository complaints;

    public UndeliverableResource(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    /**
     * The undeliverable entries of one page of complaints, newest complaint first: which message, how often
     * tried, the last error. A page counts complaints (one may hold several entries).
     */
    @GET
    public Uni<List<ComplaintRepository.UndeliverableEntry>> list(
            @RestQuery @DefaultValue("0") @Pattern(regexp = ListParameters.PAGE, message = ListParameters.PAGE_MESSAGE) String page,
            @RestQuery @DefaultValue("50") @Pattern(regexp = ListParameters.SIZE, message = ListParameters.SIZE_MESSAGE) @Min(value = 1, message = ListParameters.SIZE_MESSAGE) @Max(value = ListParameters.MAX_SIZE, message = ListParameters.SIZE_MESSAGE) String size) {
        return complaints.undeliverable(Integer.parseInt(page), Integer.parseInt(size));
    }
}
