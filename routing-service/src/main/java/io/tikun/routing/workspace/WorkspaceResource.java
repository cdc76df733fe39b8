package io.tikun.routing.workspace;

import java.net.URI;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.notification.NotificationStream;

/**
 * The agent workspace behind the browser login (the {@code browser} OIDC tenant): the inbox, the language switch and
 * the live stream that tells open pages to refresh; {@link WorkspaceCaseResource} serves a case.
 */
@Path("/workspace")
@Authenticated
public class WorkspaceResource {

    /** Event of the live stream: some case changed, the data is when. */
    static final String CASES_CHANGED = "cases";
    private static final int YEAR = 365 * 24 * 3600;

    private final WorkspacePages pages;
    private final CaseChangeFeed feed;
    private final NotificationStream notifications;
    private final SecurityIdentity identity;

    public WorkspaceResource(WorkspacePages pages, CaseChangeFeed feed, NotificationStream notifications,
            SecurityIdentity identity) {
        this.pages = pages;
        this.feed = feed;
        this.notifications = notifications;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Workspace page (browser login)")
    public Uni<Response> inbox(@Context HttpHeaders headers, @RestQuery String queue, @RestQuery String severity,
            @RestQuery String level, @RestQuery String status, @RestQuery String channel,
            @RestQuery @DefaultValue("false") boolean overdue, @RestQuery @DefaultValue("false") boolean waiting,
            @RestQuery @DefaultValue("0") int page, @RestQuery String customer) {
        InboxFilter filter = InboxFilter.of(queue, severity, level, status, channel, overdue, waiting, page, customer,
                WorkspacePages.seesAll(identity), !pages.teamOf(identity.getPrincipal().getName()).isEmpty());
        PageContext p = pages.context(identity, headers, "/workspace" + filter.onPage(filter.page()));
        if (!WorkspacePages.mayWork(identity)) {
            return pages.forbidden(p);
        }
        return pages.inbox(p, filter);
    }

    /** Remembers the chosen language for a year (workspace and console) and goes back to the page the switch was on. */
    @GET
    @Path("/language")
    @Operation(summary = "Workspace page (browser login)")
    public Response language(@RestQuery String to, @RestQuery String back) {
        String lang = Preferences.supported(to);
        String target = back != null && (back.startsWith("/workspace") || back.startsWith("/console")) && !back.startsWith("//")
                ? back
                : "/workspace";
        Response.ResponseBuilder redirect = Response.seeOther(URI.create(target));
        if (lang != null) {
            redirect.cookie(new NewCookie.Builder(Preferences.LANG_COOKIE).value(lang).path("/").maxAge(YEAR)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return redirect.build();
    }

    /**
     * Server-Sent Events for open workspace pages: {@code cases} whenever some case changed, and the managers' live
     * notifications (escalations, callbacks) as they happen; a page refreshes its list on either.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Workspace page (browser login)")
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        if (!WorkspacePages.mayWork(identity)) {
            throw new ForbiddenException();
        }
        return Multi.createBy().merging().streams(notifications.events(sse),
                feed.changes().map(at -> sse.newEventBuilder().name(CASES_CHANGED).data(at.toString()).build()));
    }
}
