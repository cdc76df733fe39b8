package io.tikun.routing.console;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.callback.CallbackOutcomes;
import io.tikun.routing.notification.NotificationStream;
import io.tikun.routing.problem.ConflictProblem;
import io.tikun.routing.problem.NotFoundProblem;
import io.tikun.routing.taxonomy.InvalidChoiceProblem;
import io.tikun.routing.taxonomy.Taxonomy;
import io.tikun.routing.workspace.FormTokens;
import io.tikun.routing.workspace.PageContext;
import io.tikun.routing.workspace.WorkspaceCaseResource;
import io.tikun.routing.workspace.WorkspacePages;

/**
 * The manager console: pages behind the browser login (the workspace's OIDC tenant, its page frame, language switch and
 * form tokens), the callback outcome form, the reports page and the live stream. Managers and admins see it; anyone else
 * who logs in gets a 403 page.
 */
@Path("/console")
@Authenticated
public class ConsoleResource {

    private static final Set<String> ALLOWED = Set.of("manager", "admin");

    private final ConsoleService console;
    private final ConsolePages pages;
    private final WorkspacePages frame;
    private final CallbackOutcomes outcomes;
    private final FormTokens tokens;
    private final NotificationStream stream;
    private final SecurityIdentity identity;
    private final java.time.Clock clock;

    public ConsoleResource(ConsoleService console, ConsolePages pages, WorkspacePages frame, CallbackOutcomes outcomes,
            FormTokens tokens, NotificationStream stream, SecurityIdentity identity, java.time.Clock clock) {
        this.console = console;
        this.pages = pages;
        this.frame = frame;
        this.outcomes = outcomes;
        this.tokens = tokens;
        this.stream = stream;
        this.identity = identity;
        this.clock = clock;
    }

    private boolean allowed() {
        return ALLOWED.stream().anyMatch(identity::hasRole);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Manager console page (browser login)")
    public Uni<Response> page(@Context HttpHeaders headers, @RestQuery String agent,
            @RestQuery @DefaultValue("false") boolean done) {
        PageContext p = frame.context(identity, headers, "/console");
        if (!allowed()) {
            return pages.forbidden(p);
        }
        ConsoleMessages m = ConsolePages.messages(p.lang());
        return pages.overview(p, agent, done ? new ConsolePages.Notice("done", m.recorded()) : null, null, null,
                Response.Status.OK);
    }

    @GET
    @Path("/reports")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Manager console reports page (browser login)")
    public Uni<Response> reports(@Context HttpHeaders headers, @RestQuery String from, @RestQuery String to) {
        PageContext p = frame.context(identity, headers, "/console/reports");
        if (!allowed()) {
            return pages.forbidden(p);
        }
        return pages.reports(p, from, to);
    }

    /**
     * A call's outcome from the console's form: the page's token, the callback's version it showed (a callback changed
     * meanwhile comes back with the entries kept, as the workspace does), the outcome and what it needs.
     */
    @POST
    @Path("/callbacks/{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Manager console form (browser login)")
    public Uni<Response> outcome(@Context HttpHeaders headers, @RestPath UUID id, @RestForm String token,
            @RestForm Long version, @RestForm String outcome, @RestForm String note, @RestForm String what,
            @RestForm String owner, @RestForm String due, @RestForm String retryAt, @RestForm String category,
            @RestForm String rootCause) {
        PageContext p = frame.context(identity, headers, "/console");
        if (!allowed()) {
            return pages.forbidden(p);
        }
        ConsoleMessages m = ConsolePages.messages(p.lang());
        CallbackForm form = new CallbackForm(id, outcome, note, what, owner, due, retryAt, category, rootCause);
        if (!tokens.valid(p.user(), token) || version == null) {
            return refused(p, form, m.badForm(), Response.Status.FORBIDDEN);
        }
        CallbackForm.Checked request = form.check(p.preferences().zone(), clock.instant(), m);
        if (request.refusal() != null) {
            return refused(p, form, request.refusal(), Response.Status.BAD_REQUEST);
        }
        return outcomes.record(id, version, request.request(), p.user())
                .map(recorded -> Response.seeOther(URI.create("/console?done=true#callbacks")).build())
                .onFailure(NotFoundProblem.class)
                .recoverWithItem(() -> Response.status(Response.Status.NOT_FOUND).build())
                .onFailure(WorkspaceCaseResource::changedMeanwhile).recoverWithUni(() -> refused(p, form,
                        m.callbackChanged(), Response.Status.CONFLICT, "changed"))
                .onFailure(ConflictProblem.class).recoverWithUni(failure -> refused(p, form,
                        m.notPossible(failure.getMessage()), Response.Status.CONFLICT))
                .onFailure(BadRequestException.class).recoverWithUni(failure -> refused(p, form,
                        m.notPossible(failure.getMessage()), Response.Status.BAD_REQUEST))
                .onFailure(InvalidChoiceProblem.class).recoverWithUni(failure -> refused(p, form,
                        Taxonomy.ROOT_CAUSE.equals(((InvalidChoiceProblem) failure).field()) ? m.needRootCause()
                                : m.notPossible(failure.getMessage()),
                        Response.Status.BAD_REQUEST));
    }

    private Uni<Response> refused(PageContext p, CallbackForm form, String why, Response.Status status) {
        return refused(p, form, why, status, "error");
    }

    private Uni<Response> refused(PageContext p, CallbackForm form, String why, Response.Status status, String kind) {
        return pages.overview(p, null, new ConsolePages.Notice(kind, why), form, why, status);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ "manager", "admin" })
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return stream.events(sse);
    }

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "manager", "admin" })
    public Uni<ConsoleOverview> overview() {
        return console.overview();
    }
}
