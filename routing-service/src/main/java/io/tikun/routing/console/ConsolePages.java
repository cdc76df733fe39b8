package io.tikun.routing.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.callback.CallbackService;
import io.tikun.routing.callback.CallbackState;
import io.tikun.routing.callback.CallbackView;
import io.tikun.routing.taxonomy.Taxonomy;
import io.tikun.routing.workspace.PageContext;

/** Renders the manager console's pages in the workspace's frame, language and time zone. */
@ApplicationScoped
public class ConsolePages {

    private final ConsoleService console;
    private final CallbackService callbacks;
    private final ConsoleReports reports;
    private final ConsoleConfig config;
    private final Clock clock;
    private final Template page;
    private final Template reportsPage;
    private final Template forbidden;
    private final Taxonomy taxonomy;

    public ConsolePages(ConsoleService console, CallbackService callbacks, ConsoleReports reports, ConsoleConfig config,
            Clock clock, @Location("console/page.html") Template page, @Location("console/reports.html") Template reportsPage,
            @Location("console/forbidden.html") Template forbidden, Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.console = console;
        this.callbacks = callbacks;
        this.reports = reports;
        this.config = config;
        this.clock = clock;
        this.page = page;
        this.reportsPage = reportsPage;
        this.forbidden = forbidden;
    }

    /** A message shown at the top of the page ({@code kind}: done, changed or error). */
    @TemplateData
    public record Notice(String kind, String text) {
    }

    /** One callback owed and its outcome form (as the manager left it, when it came back with {@code error}). */
    @TemplateData
    public record CallbackRow(CallbackView task, CallbackForm form, String error) {
    }

    static ConsoleMessages messages(String lang) {
        return "en".equals(lang) ? MessageBundles.get(ConsoleMessages.class)
                : MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(lang));
    }

    Uni<Response> forbidden(PageContext p) {
        return html(forbidden.data("p", p), p, Response.Status.FORBIDDEN);
    }

    /**
     * The console; {@code agent} narrows the cases at risk to one assignee, {@code draft} is a callback form to show again
     * with {@code draftError} beside it.
     */
    Uni<Response> overview(PageContext p, String agent, Notice notice, CallbackForm draft, String draftError,
            Response.Status status) {
        return console.overview().chain(overview -> callbacks.list(CallbackState.OPEN, null, 0, config.listLimit())
                .map(found -> found.items().stream().map(task -> row(task, draft, draftError)).toList())
                .chain(rows -> html(page.data("p", p).data("overview", overview).data("callbackRows", rows)
                        .data("agent", agent).data("atRisk", atRisk(overview, agent)).data("notice", notice)
                        .data("categories", taxonomy.categories()).data("rootCauses", taxonomy.rootCauses()), p,
                        status)));
    }

    Uni<Response> reports(PageContext p, String from, String to) {
        ConsoleMessages m = messages(p.lang());
        LocalDate today = LocalDate.ofInstant(clock.instant(), p.preferences().zone());
        ReportPeriod period = ReportPeriod.of(from, to, today, p.preferences().zone(), m);
        return reports.charts(period, m, p.lang(), "rtl".equals(p.dir()))
                .chain(charts -> html(reportsPage.data("p", p).data("period", period).data("charts", charts)
                        .data("formFrom", from == null ? period.from().toString() : from)
                        .data("formTo", to == null ? period.to().toString() : to), p,
                        period.error() == null ? Response.Status.OK : Response.Status.BAD_REQUEST));
    }

    private static CallbackRow row(CallbackView task, CallbackForm draft, String error) {
        boolean mine = draft != null && task.id().equals(draft.taskId());
        return new CallbackRow(task, mine ? draft : CallbackForm.empty(task.id()), mine ? error : null);
    }

    private static List<ConsoleOverview.CaseAtRisk> atRisk(ConsoleOverview overview, String agent) {
        return agent == null || agent.isBlank() ? overview.atRisk()
                : overview.atRisk().stream().filter(c -> agent.equals(c.assignee())).toList();
    }

    static Uni<Response> html(TemplateInstance instance, PageContext p, Response.Status status) {
        return instance.setAttribute("locale", p.preferences().locale()).createUni()
                .map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                        .header("Cache-Control", "no-store").build());
    }
}
