package io.tikun.routing.cases;

import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.agents.AgentDirectory;
import io.tikun.routing.conversation.ConversationConfig;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.outbox.OutboxRelay;

/**
 * Cases for agents and managers: queues, the case itself (with an ETag of its version), and the
 * actions on it. Actions accept {@code If-Match} so two agents never overwrite each other unseen.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Cases")
public class CaseResource {

    static final String TOTAL_COUNT = "X-Total-Count";
    /** "true" when more cases match than X-Total-Count says (it counts up to tikun.routing.cases.count-up-to). */
    static final String TOTAL_COUNT_CAPPED = "X-Total-Count-Capped";
    private static final int MAX_PAGE_SIZE = 200;
    private static final int UNPINNED_RETRIES = 3;
    private static final String MANAGER = "manager";
    private static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(CaseResource.class);

    private final CaseService cases;
    private final CaseQueueService queues;
    private final CaseWorkflowService workflow;
    private final OutboxRelay relay;
    private final SecurityIdentity identity;
    private final AgentDirectory agents;
    private final int maxTextLength;

    public CaseResource(CaseService cases, CaseQueueService queues, CaseWorkflowService workflow, OutboxRelay relay,
            SecurityIdentity identity,
            ConversationConfig conversation, AgentDirectory agents) {
        this.agents = agents;
        this.maxTextLength = conversation.maxTextLength();
        this.cases = cases;
        this.queues = queues;
        this.workflow = workflow;
        this.relay = relay;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A queue of cases", description = "Filtered, ordered and paged. X-Total-Count counts the matches up to"
            + " tikun.routing.cases.count-up-to (10000), with X-Total-Count-Capped: true when more match; a page starting"
            + " past that many gets 400.")
    public Uni<Response> queue(@RestQuery String complaintId,
            @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL") @RestQuery String severity,
            @Parameter(description = "FRONTLINE, TEAM_LEAD, SERVICE_MANAGER or MANAGER_CALLBACK") @RestQuery String level,
            @Parameter(description = "OPEN, RESPONDED, WAITING_ON_CUSTOMER or RESOLVED") @RestQuery String status,
            @RestQuery String assignee, @RestQuery @DefaultValue("false") boolean unassigned,
            @Parameter(description = "Only cases whose first response is overdue") @RestQuery @DefaultValue("false") boolean overdue,
            @Parameter(description = "DUE, NEXT_DUE, NEWEST or OLDEST") @RestQuery @DefaultValue("DUE") String order,
            @RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        // Read as text: an unknown value is the client's mistake (400 naming the choices), not a missing resource.
        CaseQuery query = new CaseQuery(complaintId, QueryParameters.oneOf(Severity.class, "severity", severity),
                QueryParameters.oneOf(EscalationLevel.class, "level", level),
                QueryParameters.oneOf(CaseStatus.class, "status", status), assignee, unassigned, overdue,
                QueryParameters.oneOf(CaseQuery.CaseOrder.class, "order", order));
        return queues.queue(query, page, size).map(result -> Response.ok(result.items())
                .header(TOTAL_COUNT, result.total()).header(TOTAL_COUNT_CAPPED, result.capped()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One case with its escalation history and notifications; the ETag is its version")
    public Uni<Response> get(@RestPath UUID id) {
        return cases.view(id).map(CaseResource::withTag);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Take the case (managers may take it over from someone else)")
    public Uni<Response> claim(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        boolean mayTakeOver = identity.hasRole(MANAGER) || identity.hasRole(ADMIN);
        return act(id, version -> workflow.claim(id, version, user(), mayTakeOver), ifMatch);
    }

    @PUT
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MANAGER, ADMIN })
    @Operation(summary = "Hand the case to an agent")
    public Uni<Response> assign(@RestPath UUID id, @Valid @NotNull CaseRequests.Assign request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, version -> workflow.assign(id, version, request.assignee().strip()), ifMatch);
    }

    @POST
    @Path("/{id}/first-response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the customer got a first answer")
    public Uni<Response> firstResponse(@RestPath UUID id, @Valid @NotNull CaseRequests.FirstResponse request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, version -> workflow.recordFirstResponse(id, version, Actor.of(identity), request.summary().strip()),
                ifMatch);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve the case; the customer is thanked with the resolution", description = "category (the "
            + "classifier's confirmed or corrected) and rootCause are required codes of the configured lists; 400 names "
            + "the allowed values.")
    public Uni<Response> resolve(@RestPath UUID id, @Valid @NotNull CaseRequests.Resolve request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, version -> workflow.resolve(id, version, Actor.of(identity), request.resolution().strip(),
                request.category(), request.rootCause()), ifMatch);
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a resolved case")
    public Uni<Response> reopen(@RestPath UUID id, @Valid @NotNull CaseRequests.Reopen request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, version -> workflow.reopen(id, version, Actor.of(identity), request.reason().strip()), ifMatch);
    }

    @POST
    @Path("/{id}/wait-on-customer")
    @Operation(summary = "Wait for the customer's answer", description = "The SLA deadlines and the escalation timer stand still until the customer writes or the case is resumed.")
    public Uni<Response> waitOnCustomer(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, version -> workflow.waitOnCustomer(id, version, Actor.of(identity)), ifMatch);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Stop waiting on the customer", description = "The deadlines move by the time the case waited, on the severity's calendar.")
    public Uni<Response> resume(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, version -> workflow.resume(id, version, Actor.of(identity)), ifMatch);
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the customer", description = "Stored on the case and delivered by intake on the customer's channel; "
            + "the delivery status follows on the case. Ends the unanswered-reply timer; the first reply sent is the first response.")
    public Uni<Response> reply(@RestPath UUID id, @Valid @NotNull CaseRequests.Reply request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        String text = withinLimit(request.text());
        return act(id, version -> workflow.reply(id, version, Actor.of(identity), text), ifMatch);
    }

    @POST
    @Path("/{id}/messages/{messageId}/resend")
    @Operation(summary = "Send a failed message again", description = "A message to the customer whose delivery failed is "
            + "asked of intake again as a new message on the conversation, linked to the failed one; once per failure.")
    public Uni<Response> resend(@RestPath UUID id, @RestPath UUID messageId,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, version -> workflow.resend(id, version, Actor.of(identity), messageId), ifMatch);
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an internal note", description = "Shown on the case, never sent to the customer.")
    public Uni<Response> note(@RestPath UUID id, @Valid @NotNull CaseRequests.Note request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        String text = withinLimit(request.text());
        return act(id, version -> workflow.note(id, version, Actor.of(identity), text), ifMatch);
    }

    /** The text as it will be stored, if not longer than {@code tikun.routing.conversation.max-text-length}. */
    private String withinLimit(String text) {
        String stripped = text.strip();
        if (stripped.length() > maxTextLength) {
            throw new BadRequestException("'text' is " + stripped.length() + " characters long; at most " + maxTextLength
                    + " are allowed.");
        }
        return stripped;
    }

    /**
     * Runs an action on the case. A caller who sent no {@code If-Match} asked for the change on whatever the case is
     * now, so losing a race with a background change (the escalation job, a delivery status) re-runs the action on
     * the fresh case a few times instead of answering 409; with {@code If-Match} the caller decides.
     */
    private Uni<Response> act(UUID id, Function<Long, Uni<CaseWorkflowService.Changed>> action, String ifMatch) {
        Long expected = expectedVersion(ifMatch);
        Uni<CaseWorkflowService.Changed> attempt = Uni.createFrom().deferred(() -> action.apply(expected));
        if (expected == null) {
            attempt = attempt.onFailure(CaseResource::lostARace).retry().atMost(UNPINNED_RETRIES);
        }
        return attempt
                .invoke(changed -> changed.onCommitted().run())
                .call(this::rememberTheActor)
                .call(changed -> relay.publishNow(changed.outboxIds()))
                .chain(changed -> cases.view(changed.caseId()))
                .map(CaseResource::withTag);
    }

    /** The agent directory learns who acted; losing that never fails the action, which is committed already. */
    private Uni<Void> rememberTheActor() {
        Actor actor = Actor.of(identity);
        return agents.remember(actor.user(), actor.name(), actor.email()).onFailure().invoke(
                e -> LOG.warnf("Could not remember agent %s in the directory: %s", actor.user(), e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static Response withTag(CaseView view) {
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    /** {@code "3"} or {@code W/"3"} → 3; no header → no check. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must be the ETag of the case as last read, such as \"3\".");
        }
    }
}
