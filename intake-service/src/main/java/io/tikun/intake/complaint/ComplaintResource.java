package io.tikun.intake.complaint;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.intake.quarantine.RejectedPayload;
import io.tikun.intake.ratelimit.RateLimit;
import io.tikun.intake.ratelimit.RateLimiter;

/** The web channel's complaint API. */
@Path(ComplaintResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintResource {

    static final String PATH = "/api/v1/complaints";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ComplaintService service;
    private final WebComplaintReader reader;
    private final QuarantineRepository quarantine;
    private final RateLimiter limiter;
    private final Clock clock;
    private final SecurityIdentity caller;
    private final ConversationRepository conversations;

    public ComplaintResource(ComplaintService service, WebComplaintReader reader, QuarantineRepository quarantine,
            RateLimiter limiter, Clock clock, SecurityIdentity caller, ConversationRepository conversations) {
        this.conversations = conversations;
        this.limiter = limiter;
        this.service = service;
        this.reader = reader;
        this.quarantine = quarantine;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("channel")
    @Operation(summary = "Submit a complaint", description = "Returns the reference, severity and when the customer will hear back. "
            + "A body that cannot be processed is answered with a problem naming a quarantineId and kept for an operator.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewComplaintRequest.class)))
    @APIResponse(responseCode = "202", description = "Accepted as a new complaint")
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key was delivered before: the existing complaint")
    public Uni<Response> submit(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Makes re-deliveries safe: the same key never creates a second complaint") @RestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context SecurityContext security) {
        return limiter.acquire(RateLimit.CREDENTIAL, RateLimiter.tokenKey(security))
                .chain(() -> accept(body, contentType, idempotencyKey));
    }

    private Uni<Response> accept(byte[] body, String contentType, String idempotencyKey) {
        NewComplaintRequest request;
        try {
            request = reader.read(body, contentType);
        } catch (RejectedPayload rejected) {
            Map<String, String> headers = new HashMap<>();
            if (idempotencyKey != null) {
                headers.put(IDEMPOTENCY_KEY, idempotencyKey);
            }
            return quarantine.keep(WebComplaintReplayer.CHANNEL, PATH, contentType, headers, body, rejected.reason(),
                    clock.instant()).chain(id -> Uni.createFrom().<Response> failure(rejected.quarantinedAs(id)));
        }
        return service.submit(request, idempotencyKey, caller.getPrincipal().getName()).map(submission -> {
            ComplaintReceipt receipt = ComplaintReceipt.of(submission.complaint());
            return submission.created()
                    ? Response.accepted(receipt).location(URI.create(PATH + "/" + receipt.id())).build()
                    : Response.ok(receipt).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "channel", "agent", "manager", "admin" })
    @Operation(summary = "Read one complaint", description = "With its conversation: the customer's messages and those sent to the customer, in time order, with their delivery status. "
            + "Agents, managers and admins read any complaint; a channel client only those it filed itself.")
    public Uni<ComplaintView> get(@RestPath String id) {
        return service.get(id).chain(complaint -> {
            if (!mayRead(complaint)) {
                throw new ForbiddenException();
            }
            return conversations.conversation(complaint).map(conversation -> ComplaintView.of(complaint, conversation));
        });
    }

    /** A channel integration reads back what it filed (its own receipts), never other customers' complaints. */
    private boolean mayRead(Complaint complaint) {
        if (caller.hasRole("agent") || caller.hasRole("manager") || caller.hasRole("admin")) {
            return true;
        }
        return complaint.filedBy() != null && complaint.filedBy().equals(caller.getPrincipal().getName());
    }
}
