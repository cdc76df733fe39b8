package io.tikun.routing.callback;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.CaseResource;
import io.tikun.routing.cases.QueryParameters;

/** The service manager's callbacks: what is due, one task with the customer's history, and each call's outcome. */
@Path("/api/v1/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Callbacks")
public class CallbackResource {

    static final String TOTAL_COUNT = "X-Total-Count";
    private static final int MAX_PAGE_SIZE = 200;

    private final CallbackService callbacks;
    private final CallbackOutcomes outcomes;
    private final SecurityIdentity identity;

    public CallbackResource(CallbackService callbacks, CallbackOutcomes outcomes, SecurityIdentity identity) {
        this.callbacks = callbacks;
        this.outcomes = outcomes;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Callback tasks, soonest due first", description = "The total number of matches is in X-Total-Count.")
    public Uni<Response> list(@Parameter(description = "OPEN, DONE or GAVE_UP") @RestQuery String state,
            @Parameter(description = "Only tasks due at or before this instant (e.g. now for the overdue ones)") @RestQuery String due,
            @RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return callbacks.list(QueryParameters.oneOf(CallbackState.class, "state", state), QueryParameters.instant("due", due),
                page, size).map(found -> Response.ok(found.items()).header(TOTAL_COUNT, found.total()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One callback with the calls made and the customer's other cases; the ETag is its version")
    public Uni<Response> get(@RestPath UUID id) {
        return callbacks.view(id).map(CallbackResource::withTag);
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what came of a call", description = "REACHED_RESOLVED resolves the case (note and rootCause required, category optional); REACHED_FIX_PROMISED makes the promise a commitment; NOT_REACHED schedules the next call (at retryAt if given).")
    public Uni<Response> outcome(@RestPath UUID id, @Valid @NotNull CallbackOutcomeRequest request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return outcomes.record(id, CaseResource.expectedVersion(ifMatch), request, identity.getPrincipal().getName())
                .chain(recorded -> callbacks.view(recorded.taskId()))
                .map(CallbackResource::withTag);
    }

    private static Response withTag(CallbackView view) {
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
