package io.tikun.intake.email;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tikun.intake.ratelimit.RateLimit;
import io.tikun.intake.ratelimit.RateLimiter;

/** Inbound e-mail as a mail server pipe or a provider's raw forward delivers it. */
@Path(EmailIntake.ENDPOINT)
@Tag(name = "E-mail channel")
public class EmailChannelResource {

    private final EmailIntake intake;
    private final RateLimiter limiter;

    public EmailChannelResource(EmailIntake intake, RateLimiter limiter) {
        this.intake = intake;
        this.limiter = limiter;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("channel")
    // MIME parsing and hashing attachments is CPU work: keep it off the event loop.
    @Blocking
    @Operation(summary = "Deliver one raw RFC 5322 message (Content-Type: message/rfc822)", description = "202 for a new complaint; 200 for a re-delivery, a reply added to its complaint, or an automated mail recorded as ignored.")
    public Uni<Response> receive(byte[] raw, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context SecurityContext security) {
        return limiter.acquire(RateLimit.CREDENTIAL, RateLimiter.tokenKey(security))
                // The store answers on an event loop; parsing MIME stays on a worker thread, as @Blocking intends.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(() -> intake.accept(raw, contentType, security.getUserPrincipal().getName()))
                .map(delivery -> delivery.outcome() == EmailDelivery.Outcome.CREATED
                        ? Response.accepted(delivery).build()
                        : Response.ok(delivery).build());
    }
}
