package io.tikun.routing.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.agents.AgentDirectory;
import io.tikun.routing.canned.CannedResponseService;
import io.tikun.routing.cases.CaseListConfig;
import io.tikun.routing.cases.CaseQuery;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.cases.CaseService;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.CaseView;
import io.tikun.routing.customer.CustomerPanelService;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.taxonomy.Taxonomy;

/** Renders the workspace's pages in the user's language and time zone. */
@ApplicationScoped
public class WorkspacePages {

    static final String AGENT = "agent";
    static final String MANAGER = "manager";
    static final String ADMIN = "admin";
    /** At most this many people in the assign form's choice. */
    private static final int ASSIGNEES = 500;

    private final CaseRepository repository;
    private final CaseService cases;
    private final CannedResponseService canned;
    private final FormTokens tokens;
    private final WorkspaceConfig config;
    private final Clock clock;
    private final Template inbox;
    private final Template casePage;
    private final Template forbidden;
    private final Taxonomy taxonomy;
    private final CustomerPanelService panels;
    private final AgentDirectory agents;
    private final int countUpTo;

    public WorkspacePages(CaseRepository repository, CaseService cases, CannedResponseService canned, FormTokens tokens,
            WorkspaceConfig config, CaseListConfig lists, Clock clock, @Location("workspace/inbox.html") Template inbox,
            @Location("workspace/case.html") Template casePage, @Location("workspace/forbidden.html") Template forbidden,
            Taxonomy taxonomy, CustomerPanelService panels, AgentDirectory agents) {
        this.countUpTo = lists.countUpTo();
        this.taxonomy = taxonomy;
        this.panels = panels;
        this.agents = agents;
        this.repository = repository;
        this.cases = cases;
        this.canned = canned;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        this.inbox = inbox;
        this.casePage = casePage;
        this.forbidden = forbidden;
    }

    /** Agents, managers and admins work here; anyone else signed in gets the forbidden page. */
    static boolean mayWork(SecurityIdentity identity) {
        return identity.hasRole(AGENT) || seesAll(identity);
    }

    public static boolean seesAll(SecurityIdentity identity) {
        return identity.hasRole(MANAGER) || identity.hasRole(ADMIN);
    }

    /** The page context for the signed-in user (also the manager console's). */
    public PageContext context(SecurityIdentity identity, HttpHeaders headers, String path) {
        Preferences preferences = Preferences.of(cookie(headers, Preferences.LANG_COOKIE),
                cookie(headers, Preferences.TZ_COOKIE), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                config.defaultZone());
        String user = identity.getPrincipal().getName();
        return new PageContext(user, preferences, new Labels(messages(preferences.lang()), preferences),
                tokens.issue(user), seesAll(identity), path);
    }

    public static WorkspaceMessages messages(String lang) {
        return Preferences.ENGLISH.equals(lang) ? MessageBundles.get(WorkspaceMessages.class)
                : MessageBundles.get(WorkspaceMessages.class, Localized.Literal.of(lang));
    }

    public static CaseSideMessages sideMessages(String lang) {
        return Preferences.ENGLISH.equals(lang) ? MessageBundles.get(CaseSideMessages.class)
                : MessageBundles.get(CaseSideMessages.class, Localized.Literal.of(lang));
    }

    Uni<Response> forbidden(PageContext p) {
        return html(forbidden.data("p", p), p, Response.Status.FORBIDDEN);
    }

    Uni<Response> inbox(PageContext p, InboxFilter filter) {
        Instant now = clock.instant();
        Set<String> team = teamOf(p.user());
        CaseQuery query = filter.toQuery(p.user(), team);
        int size = config.pageSize();
        return repository.searchUpTo(query, filter.page(), size, countUpTo, now).map(found -> {
            Paging paging = new Paging(found.page(), size, found.total(), found.more());
            List<InboxRow> rows = found.cases().stream().map(c -> InboxRow.of(c, now, config.amberBelow())).toList();
            return Map.of("rows", rows, "paging", paging);
        }).chain(data -> html(inbox.data("p", p).data("filter", filter).data("rows", data.get("rows"))
                .data("paging", data.get("paging")).data("severities", Severity.values())
                .data("levels", EscalationLevel.values()).data("statuses", CaseStatus.values())
                .data("channels", config.channels()).data("inTeam", !team.isEmpty()), p,
                Response.Status.OK));
    }

    /** Everyone who shares a team with {@code user}, the user too; empty when the user is in no team. */
    Set<String> teamOf(String user) {
        Set<String> members = new TreeSet<>();
        config.teams().values().stream().filter(team -> team.contains(user)).forEach(members::addAll);
        return members;
    }

    /** The case page; {@code draft} is text to show again, {@code canned} a canned response to put in the reply. */
    Uni<Response> casePage(PageContext p, UUID id, CasePage.Notice notice, CasePage.Draft draft, Response.Status status) {
        return casePage(p, id, notice, draft, null, status);
    }

    /**
     * The case page with the preview {@code preview} makes of the case it shows (none when null) at its form: nothing was
     * sent or changed.
     */
    Uni<Response> casePage(PageContext p, UUID id, CasePage.Notice notice, CasePage.Draft draft,
            Function<CaseView, CustomerPreview> preview, Response.Status status) {
        Instant now = clock.instant();
        return cases.view(id).chain(view -> canned.list().chain(responses -> nextCase(p, id)
                .map(next -> CasePage.of(view, responses, next, notice, draft, now, config.amberBelow(), taxonomy))))
                .chain(page -> side(p, page).chain(side -> html(casePage.data("p", p).data("page", page)
                        .data("c", page.c()).data("side", side)
                        .data("preview", preview == null ? null : preview.apply(page.c())), p, status)));
    }

    /** The case's promises, the customer panel and (for managers) the assign form's choices. */
    private Uni<CaseSide> side(PageContext p, CasePage page) {
        UUID id = page.c().id();
        return panels.promisesOf(id).chain(promises -> panels.panel(page.c().customer().id(), id)
                .chain(panel -> (p.seesAll() ? agents.known(ASSIGNEES)
                        : Uni.createFrom().item(List.<AgentDirectory.Agent> of()))
                        .map(choices -> new CaseSide(promises, panel, choices))));
    }

    /** The first case of the user's own queue (every queue for managers) other than {@code current}. */
    private Uni<UUID> nextCase(PageContext p, UUID current) {
        InboxFilter mine = InboxFilter.of(null, null, null, null, null, false, false, 0, p.seesAll());
        return repository.page(mine.toQuery(p.user(), Set.of()), 0, 2, clock.instant()).map(found -> found.stream()
                .map(c -> c.id).filter(id -> !id.equals(current)).findFirst().orElse(null));
    }

    private static Uni<Response> html(TemplateInstance instance, PageContext p, Response.Status status) {
        return instance.setAttribute("locale", p.preferences().locale()).createUni()
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                        .header("Cache-Control", "no-store").build());
    }

    private static String cookie(HttpHeaders headers, String name) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }
}
