package io.tikun.routing.canned;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Shows an agent the reply a canned response (or their own text) makes on a case; nothing is sent or stored. */
@Path("/api/v1/cases/{id}/replies/preview")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Canned responses")
public class ReplyPreviewResource {

    private final ReplyPreviewService service;
    private final SecurityIdentity identity;

    public ReplyPreviewResource(ReplyPreviewService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a reply", description = "Renders the canned response in the customer's language "
            + "(otherwise he, then en) with the case's values; 'missing' lists placeholders without a value. Never sends.")
    public Uni<ReplyPreview> preview(@RestPath UUID id, @Valid @NotNull ReplyPreviewRequest request) {
        return service.preview(id, request, agentName());
    }

    /** The token's display name, or the user name when it has none. */
    private String agentName() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object name = token.getClaim("name");
            if (name instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return identity.getPrincipal().getName();
    }
}
