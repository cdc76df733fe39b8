package io.tikun.routing.workspace;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.canned.ReplyPreviewRequest;
import io.tikun.routing.canned.ReplyPreviewService;
import io.tikun.routing.cases.Actor;
import io.tikun.routing.cases.ThankYouComposer;
import io.tikun.routing.conversation.ConversationConfig;
import io.tikun.routing.conversation.CustomerTexts;
import io.tikun.routing.problem.ConflictProblem;
import io.tikun.routing.problem.ForbiddenProblem;
import io.tikun.routing.problem.StaleVersionProblem;
import io.tikun.routing.taxonomy.InvalidChoiceProblem;
import io.tikun.routing.taxonomy.Taxonomy;

/**
 * A case's page in the workspace and its forms. Each form carries the page's anti-forgery token and the case version it showed
 * (the If-Match of
 * the REST API): a case changed meanwhile is shown again as it is now, with the user's text kept, never overwritten.
 */
@Path("/workspace/cases/{id}")
@Authenticated
public class WorkspaceCaseResource {

    private final WorkspacePages pages;
    private final WorkspaceActions actions;
    private final ReplyPreviewService previews;
    private final FormTokens tokens;
    private final SecurityIdentity identity;
    private final int maxTextLength;
    private final Clock clock;
    private final ThankYouComposer thanks;

    static final String PROMISE = "promise";
    static final String ASSIGN = "assign";

    public WorkspaceCaseResource(WorkspacePages pages, WorkspaceActions actions, ReplyPreviewService previews,
            FormTokens tokens, SecurityIdentity identity, ConversationConfig conversation, Clock clock,
            ThankYouComposer thanks) {
        this.thanks = thanks;
        this.clock = clock;
        this.previews = previews;
        this.pages = pages;
        this.actions = actions;
        this.tokens = tokens;
        this.identity = identity;
        this.maxTextLength = conversation.maxTextLength();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Workspace page (browser login)")
    public Uni<Response> casePage(@Context HttpHeaders headers, @RestPath UUID id, @RestQuery UUID canned,
            @RestQuery @DefaultValue("false") boolean done) {
        PageContext p = pages.context(identity, headers, "/workspace/cases/" + id);
        if (!WorkspacePages.mayWork(identity)) {
            return pages.forbidden(p);
        }
        WorkspaceMessages m = WorkspacePages.messages(p.lang());
        CasePage.Notice notice = done ? new CasePage.Notice("done", m.done()) : null;
        if (canned == null) {
            return pages.casePage(p, id, notice, null, Response.Status.OK);
        }
        // A canned response put in the reply box, filled for this case in the customer's language.
        return previews.preview(id, new ReplyPreviewRequest(canned, null, null), Actor.of(identity).name())
                .chain(preview -> pages.casePage(p, id, notice,
                        new CasePage.Draft(WorkspaceAction.REPLY.path(), preview.text()), Response.Status.OK));
    }

    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Workspace page (browser login)")
    public Uni<Response> act(@Context HttpHeaders headers, @RestPath UUID id, @RestPath String action,
            @RestForm String token, @RestForm Long version, @RestForm String text, @RestForm String category,
            @RestForm String rootCause, @RestForm String preview) {
        PageContext p = pages.context(identity, headers, "/workspace/cases/" + id);
        if (!WorkspacePages.mayWork(identity)) {
            return pages.forbidden(p);
        }
        WorkspaceMessages m = WorkspacePages.messages(p.lang());
        WorkspaceAction chosen = WorkspaceAction.named(action);
        if (chosen == null) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        String typed = text == null ? "" : text.strip();
        CasePage.Draft draft = new CasePage.Draft(chosen.path(), typed, category, rootCause);
        if (!tokens.valid(p.user(), token) || version == null) {
            return refused(p, id, m.badForm(), draft, Response.Status.FORBIDDEN);
        }
        if (chosen.needsText() && typed.isEmpty()) {
            return refused(p, id, m.emptyText(), draft, Response.Status.BAD_REQUEST);
        }
        if (typed.length() > maxTextLength) {
            return refused(p, id, m.notPossible(typed.length() + " > " + maxTextLength), draft,
                    Response.Status.BAD_REQUEST);
        }
        if (preview != null && (chosen == WorkspaceAction.REPLY || chosen == WorkspaceAction.RESOLVE)) {
            return previewed(p, id, chosen, typed, draft);
        }
        return actions.run(chosen, id, version, Actor.of(identity), draft)
                .map(changed -> Response.seeOther(URI.create("/workspace/cases/" + id + "?done=true")).build())
                .onFailure(WorkspaceCaseResource::changedMeanwhile).recoverWithUni(
                        () -> pages.casePage(p, id, new CasePage.Notice("changed", m.changedSinceOpened()), draft,
                                Response.Status.CONFLICT))
                .onFailure(InvalidChoiceProblem.class).recoverWithUni(failure -> refused(p, id,
                        Taxonomy.ROOT_CAUSE.equals(((InvalidChoiceProblem) failure).field()) ? m.chooseRootCause()
                                : m.chooseCategory(),
                        draft, Response.Status.BAD_REQUEST))
                .onFailure(ForbiddenProblem.class)
                .recoverWithUni(() -> refused(p, id, m.heldByAnother(), draft, Response.Status.FORBIDDEN))
                .onFailure(ConflictProblem.class).recoverWithUni(failure -> refused(p, id,
                        m.notPossible(failure.getMessage()), draft, Response.Status.CONFLICT));
    }

    @POST
    @Path("/promises")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Workspace page (browser login)")
    public Uni<Response> promise(@Context HttpHeaders headers, @RestPath UUID id, @RestForm String token,
            @RestForm Long version, @RestForm String what, @RestForm String owner, @RestForm String dueAt) {
        PageContext p = pages.context(identity, headers, "/workspace/cases/" + id);
        if (!WorkspacePages.mayWork(identity)) {
            return pages.forbidden(p);
        }
        WorkspaceMessages m = WorkspacePages.messages(p.lang());
        CaseSideMessages side = WorkspacePages.sideMessages(p.lang());
        Map<String, String> sent = new HashMap<>();
        sent.put("what", what);
        sent.put("owner", owner);
        sent.put("dueAt", dueAt);
        CasePage.Draft draft = CasePage.Draft.fields(PROMISE, sent);
        if (!tokens.valid(p.user(), token) || version == null) {
            return refused(p, id, m.badForm(), draft, Response.Status.FORBIDDEN);
        }
        PromiseForm.Checked form = PromiseForm.check(what, owner, dueAt, p.preferences().zone(), clock.instant());
        if (form.problem() != null) {
            return refused(p, id, switch (form.problem()) {
                case WHAT_MISSING -> side.whatMissing();
                case WHAT_TOO_LONG -> side.tooLong(what.strip().length(), PromiseForm.MAX_WHAT);
                case OWNER_MISSING -> side.ownerMissing();
                case OWNER_TOO_LONG -> side.tooLong(owner.strip().length(), PromiseForm.MAX_OWNER);
                case DUE_INVALID -> side.dueInvalid();
            }, draft, Response.Status.BAD_REQUEST);
        }
        return recovered(actions.promise(id, version, Actor.of(identity), form.request()), p, id, m, draft);
    }

    @POST
    @Path("/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Workspace page (browser login)")
    public Uni<Response> assign(@Context HttpHeaders headers, @RestPath UUID id, @RestForm String token,
            @RestForm Long version, @RestForm String assignee) {
        PageContext p = pages.context(identity, headers, "/workspace/cases/" + id);
        if (!WorkspacePages.mayWork(identity)) {
            return pages.forbidden(p);
        }
        WorkspaceMessages m = WorkspacePages.messages(p.lang());
        CaseSideMessages side = WorkspacePages.sideMessages(p.lang());
        Map<String, String> sent = new HashMap<>();
        sent.put("assignee", assignee);
        CasePage.Draft draft = CasePage.Draft.fields(ASSIGN, sent);
        if (!WorkspacePages.seesAll(identity)) {
            return refused(p, id, side.managersOnly(), draft, Response.Status.FORBIDDEN);
        }
        if (!tokens.valid(p.user(), token) || version == null) {
            return refused(p, id, m.badForm(), draft, Response.Status.FORBIDDEN);
        }
        String chosen = assignee == null ? "" : assignee.strip();
        if (chosen.isEmpty() || chosen.length() > PromiseForm.MAX_OWNER) {
            return refused(p, id, side.assigneeMissing(), draft, Response.Status.BAD_REQUEST);
        }
        return recovered(actions.assign(id, version, Actor.of(identity), chosen), p, id, m, draft);
    }

    /**
     * The reply, or the thank-you the resolution would send, as the customer would read it, with the form filled as the
     * agent left it; nothing is sent and the case does not change (the page's version stays the one the agent saw).
     */
    private Uni<Response> previewed(PageContext p, UUID id, WorkspaceAction chosen, String typed, CasePage.Draft draft) {
        return pages.casePage(p, id, null, draft, c -> {
            if (chosen == WorkspaceAction.REPLY) {
                return CustomerPreview.reply(typed, c.language());
            }
            String language = CustomerTexts.languageOf(c.language());
            return CustomerPreview.thankYou(thanks.compose(language, c.customer().name(), c.reference(), c.subject(),
                    typed), language, typed);
        }, Response.Status.OK);
    }

    /** 303 back to the case once done; the same answers as the other forms when the change was refused. */
    private Uni<Response> recovered(Uni<UUID> change, PageContext p, UUID id, WorkspaceMessages m,
            CasePage.Draft draft) {
        return change.map(changed -> Response.seeOther(URI.create("/workspace/cases/" + id + "?done=true")).build())
                .onFailure(WorkspaceCaseResource::changedMeanwhile).recoverWithUni(
                        () -> pages.casePage(p, id, new CasePage.Notice("changed", m.changedSinceOpened()), draft,
                                Response.Status.CONFLICT))
                .onFailure(ForbiddenProblem.class)
                .recoverWithUni(() -> refused(p, id, m.heldByAnother(), draft, Response.Status.FORBIDDEN))
                .onFailure(ConflictProblem.class).recoverWithUni(failure -> refused(p, id,
                        m.notPossible(failure.getMessage()), draft, Response.Status.CONFLICT));
    }

    private Uni<Response> refused(PageContext p, UUID id, String why, CasePage.Draft draft, Response.Status status) {
        return pages.casePage(p, id, new CasePage.Notice("error", why), draft, status);
    }

    /** Another version was shown than the case has now: someone (or a job) changed it since the page was opened. */
    public static boolean changedMeanwhile(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleVersionProblem || t instanceof OptimisticLockException
                    || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
