package io.tikun.routing.canned;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Canned responses: agents list and read them, managers and admins write them. Writes take {@code If-Match}
 * (the ETag of the version last read) so two managers never overwrite each other unseen.
 */
@Path("/api/v1/canned-responses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Canned responses")
public class CannedResponseResource {

    private static final String MANAGER = "manager";
    private static final String ADMIN = "admin";

    private final CannedResponseService service;
    private final SecurityIdentity identity;

    public CannedResponseResource(CannedResponseService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every canned response, by title")
    public Uni<List<CannedResponseView>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One canned response; the ETag is its version")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(view -> tagged(Response.ok(view), view));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MANAGER, ADMIN })
    @Operation(summary = "Create a canned response", description = "Bodies per language (he, en, ar, ru); placeholders "
            + "{customerName}, {reference}, {dueAt}, {agentName}, {caseId}; '{{' and '}}' are literal braces.")
    public Uni<Response> create(@Valid @NotNull CannedResponseRequest request) {
        return service.create(request, user())
                .map(view -> tagged(Response.created(URI.create("/api/v1/canned-responses/" + view.id())), view));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MANAGER, ADMIN })
    @Operation(summary = "Replace a canned response's title and bodies")
    public Uni<Response> update(@RestPath UUID id, @Valid @NotNull CannedResponseRequest request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(id, expectedVersion(ifMatch), request, user())
                .map(view -> tagged(Response.ok(view), view));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ MANAGER, ADMIN })
    @Operation(summary = "Delete a canned response")
    public Uni<Response> delete(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(id, expectedVersion(ifMatch)).map(done -> Response.noContent().build());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static Response tagged(Response.ResponseBuilder response, CannedResponseView view) {
        return response.entity(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    /** {@code "3"} or {@code W/"3"} → 3; no header → no check. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        tag = (tag.startsWith("W/") ? tag.substring(2) : tag).replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must be the ETag of the canned response as last read, such as \"3\".");
        }
    }
}
