package io.tikun.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Every read the inbox, the case page, the customer panel and timeline, the reports and the hotspots run, as the
 * benchmark asks them: over HTTP where a bearer token reaches them, else as the SQL the page runs (the workspace and
 * the console's reports page live behind the browser session). The SQL here restates what Hibernate and the
 * repositories send (same predicates and order), with literals, for EXPLAIN.
 */
final class MillionQueries {

    /** One family measured over HTTP: the paths it cycles through, with whose token. */
    record HttpFamily(String name, String service, String role, List<String> paths) {
    }

    /** One family measured as SQL over JDBC: the statements one page view runs, in order. */
    record SqlFamily(String name, List<String> statements) {
    }

    /** A statement to EXPLAIN (ANALYZE, BUFFERS). */
    record Plan(String name, String sql) {
    }

    /** What the queries are about: seeded ids to ask for. */
    record Subjects(List<String> caseIds, List<String> complaintIds, List<String> customers, String largestCustomer,
            Instant now) {
    }

    static final String NEXT_DUE = "case when first_responded_at is null then first_response_due_at"
            + " else coalesce(resolution_due_at, first_response_due_at) end";
    private static final String DUE = "first_response_due_at, opened_at";
    /** A deep page of 50 as the API offered before it counted up to a cap: the comparison. */
    private static final int DEEP_PAGE = 2_000;
    /** The deepest page of 50 the API offers now that it counts up to {@link #COUNT_UP_TO}. */
    private static final int API_DEEPEST = MillionQueries.COUNT_UP_TO / 50 - 1;

    private MillionQueries() {
    }

    static List<HttpFamily> http(Subjects s) {
        List<HttpFamily> f = new ArrayList<>();
        f.add(cases("inbox API: all, DUE (default), page 0", "manager", ""));
        f.add(cases("inbox API: all, DUE, page " + API_DEEPEST + " (the deepest offered)", "manager",
                "page=" + API_DEEPEST));
        f.add(cases("inbox API: all, NEXT_DUE, page 0", "manager", "order=NEXT_DUE"));
        f.add(cases("inbox API: all, NEWEST, page 0", "manager", "order=NEWEST"));
        f.add(cases("inbox API: all, NEWEST, page " + API_DEEPEST + " (the deepest offered)", "manager",
                "order=NEWEST&page=" + API_DEEPEST));
        f.add(cases("inbox API: all, OLDEST, page 0", "manager", "order=OLDEST"));
        f.add(cases("inbox API: status=OPEN", "manager", "status=OPEN"));
        f.add(cases("inbox API: status=WAITING_ON_CUSTOMER, NEWEST", "manager", "status=WAITING_ON_CUSTOMER&order=NEWEST"));
        f.add(cases("inbox API: severity=CRITICAL", "manager", "severity=CRITICAL"));
        f.add(cases("inbox API: level=MANAGER_CALLBACK", "manager", "level=MANAGER_CALLBACK"));
        f.add(cases("inbox API: assignee=agent (agent's token)", "agent", "assignee=agent"));
        f.add(cases("inbox API: unassigned=true", "manager", "unassigned=true"));
        f.add(cases("inbox API: overdue=true", "manager", "overdue=true"));
        f.add(new HttpFamily("inbox API: complaintId=…", "routing", "manager",
                s.complaintIds().stream().map(id -> "/api/v1/cases?complaintId=" + id).toList()));
        f.add(new HttpFamily("case page API: GET /api/v1/cases/{id}", "routing", "manager",
                s.caseIds().stream().map(id -> "/api/v1/cases/" + id).toList()));
        f.add(new HttpFamily("customer timeline (intake): random customer", "intake", "manager",
                s.customers().stream().map(c -> "/api/v1/customers/" + c + "/timeline").toList()));
        f.add(new HttpFamily("customer timeline (intake): largest customer", "intake", "manager",
                List.of("/api/v1/customers/" + s.largestCustomer() + "/timeline")));
        Instant day = s.now().minus(1, ChronoUnit.DAYS);
        Instant week = s.now().minus(7, ChronoUnit.DAYS);
        f.add(report("reports: response-times by=agent, 1 day", "/api/v1/reports/response-times?by=agent", day, s.now()));
        f.add(report("reports: response-times by=severity, 7 days", "/api/v1/reports/response-times?by=severity", week,
                s.now()));
        f.add(report("reports: classification-accuracy, 7 days", "/api/v1/reports/classification-accuracy?", week,
                s.now()));
        f.add(new HttpFamily("reports: trends by=category, 12 weeks", "routing", "manager",
                List.of("/api/v1/reports/trends?by=category&weeks=12")));
        f.add(report("reports: routing, 7 days", "/api/v1/reports/routing?", week, s.now()));
        f.add(report("reports: probes, 7 days", "/api/v1/reports/probes?", week, s.now()));
        f.add(new HttpFamily("console overview API", "routing", "manager", List.of("/api/v1/console/overview")));
        f.add(new HttpFamily("hotspots: current", "routing", "manager", List.of("/api/v1/hotspots?state=current")));
        f.add(new HttpFamily("hotspots: past, page 0", "routing", "manager", List.of("/api/v1/hotspots?state=past")));
        f.add(new HttpFamily("hotspots: past, page 50", "routing", "manager",
                List.of("/api/v1/hotspots?state=past&page=50")));
        return f;
    }

    /** The workspace (browser session) and the console's reports page: their SQL, timed over JDBC. */
    static List<SqlFamily> sql(Subjects s) {
        List<SqlFamily> f = new ArrayList<>();
        f.add(inbox("workspace inbox: all, active (default)", "status <> 'RESOLVED'", 0));
        f.add(inbox("workspace inbox: all, active, page 100", "status <> 'RESOLVED'", 100));
        f.add(inbox("workspace inbox: mine (agent), active", "assignee = 'agent' and status <> 'RESOLVED'", 0));
        f.add(inbox("workspace inbox: unassigned, active", "assignee is null and status <> 'RESOLVED'", 0));
        f.add(inbox("workspace inbox: active, channel=whatsapp", "channel = 'whatsapp' and status <> 'RESOLVED'", 0));
        f.add(inbox("workspace inbox: active, severity=CRITICAL", "severity = 'CRITICAL' and status <> 'RESOLVED'", 0));
        f.add(inbox("workspace inbox: active, level=TEAM_LEAD", "level = 'TEAM_LEAD' and status <> 'RESOLVED'", 0));
        f.add(inbox("workspace inbox: waiting", "status = 'WAITING_ON_CUSTOMER'", 0));
        f.add(inbox("workspace inbox: active, overdue", "status <> 'RESOLVED' and first_responded_at is null and "
                + "first_response_due_at < now() and " + NEXT_DUE + " < now()", 0));
        f.add(inbox("workspace inbox: active, overdue, without the order's bound (before)", "status <> 'RESOLVED' and "
                + "first_responded_at is null and first_response_due_at < now()", 0));
        f.add(inbox("workspace inbox: any status", "1 = 1", 0));
        f.add(inboxFullCount("workspace inbox: any status, every match counted (before count-up-to)", "1 = 1", 0));
        f.add(inboxFullCount("workspace inbox: all, active, every match counted (before count-up-to)",
                "status <> 'RESOLVED'", 0));
        f.add(inbox("workspace inbox: all, active, page 399 (the deepest the count offers)", "status <> 'RESOLVED'",
                COUNT_UP_TO / 25 - 1));
        f.add(inboxFullCount("workspace inbox: all, active, page 4000 (before count-up-to)", "status <> 'RESOLVED'",
                4000));
        f.add(inbox("workspace inbox: status=RESOLVED, page 100", "status = 'RESOLVED'", 100));
        f.add(new SqlFamily("inbox API: all, DUE, page " + DEEP_PAGE + ", every match counted (before count-up-to)",
                List.of(page("1 = 1", DUE, 50, DEEP_PAGE * 50), "select count(*) from routing.support_case")));
        f.add(new SqlFamily("inbox API: all, DUE, page " + API_DEEPEST + ", counted up to the cap (as now)",
                List.of(page("1 = 1", DUE, 50, API_DEEPEST * 50), countUpTo("1 = 1"))));
        for (String selective : List.of("status = 'WAITING_ON_CUSTOMER'", "status = 'OPEN'", "assignee = 'agent'")) {
            f.add(new SqlFamily("inbox API: " + selective + ", NEWEST, counted up to the cap in the page's order (before)",
                    List.of(page(selective, "opened_at desc", 50, 0), orderedCountUpTo(selective, "opened_at desc"))));
            f.add(new SqlFamily("inbox API: " + selective + ", NEWEST, counted up to the cap without an order (as now)",
                    List.of(page(selective, "opened_at desc", 50, 0), countUpTo(selective))));
        }
        Instant week = s.now().minus(7, ChronoUnit.DAYS);
        f.add(new SqlFamily("routing report, 7 days: first responses, then breaches",
                List.of(routingFirstResponses(week, s.now()), routingBreaches(week, s.now()))));
        f.add(new SqlFamily("console first-response times, 30 days (once a minute in the background, not per request)",
                List.of(routingFirstResponses(s.now().minus(30, ChronoUnit.DAYS), s.now()))));
        f.add(new SqlFamily("customer panel: largest customer", panel(s.largestCustomer())));
        f.add(new SqlFamily("customer panel: random customer", panel(s.customers().get(0))));
        Instant to = s.now();
        Instant from = to.minus(56, ChronoUnit.DAYS);
        f.add(new SqlFamily("console reports page: outcome charts, 8 weeks", List.of(
                "select p.state, p.due_at from routing.case_promise p where p.due_at >= '" + from + "' and p.due_at < '"
                        + to + "' and not exists (select 1 from routing.support_case c where c.id = p.case_id and c.probe)",
                "select f.kind, f.score, f.churn_outcome, f.exit_outcome, f.exit_reason, f.occurred_at from "
                        + "routing.customer_feedback f where f.occurred_at >= '" + from + "' and f.occurred_at < '" + to
                        + "' and not exists (select 1 from routing.support_case c where c.id = f.case_id and c.probe)",
                "select r.root_cause, r.resolved_at from routing.case_resolution r where r.resolved_at >= '" + from
                        + "' and r.resolved_at < '" + to + "' and not exists (select 1 from routing.support_case c "
                        + "where c.id = r.case_id and c.probe)")));
        String resolved = "select severity, channel, assignee, received_at, resolved_at from routing.support_case where "
                + "resolved_at >= '" + from + "' and resolved_at < '" + to + "' and probe = false";
        f.add(new SqlFamily("console reports page: opened case by case, and resolved, 8 weeks (before)", List.of(
                "select category, opened_at from routing.support_case where opened_at >= '" + from + "' and opened_at < '"
                        + to + "' and probe = false",
                resolved)));
        f.add(new SqlFamily("console reports page: opened counted per day, and resolved, 8 weeks (as now)", List.of(
                openedPerDay(from, to), resolved)));
        f.add(new SqlFamily("trends by=category, 12 weeks, every week read (before)", List.of(
                weeklyResolutions(to.minus(84, ChronoUnit.DAYS)))));
        f.add(new SqlFamily("trends by=category, the open week only (as now: closed weeks kept after their first read)",
                List.of(weeklyResolutions(openWeek(to)))));
        return f;
    }

    /** Each family's statements for page 1 and for a deep page or large customer, to EXPLAIN. */
    static List<Plan> plans(Subjects s) {
        List<Plan> p = new ArrayList<>();
        Instant now = s.now();
        String caseId = s.caseIds().get(0);
        p.add(new Plan("API all DUE page 0", page("1 = 1", DUE, 50, 0)));
        p.add(new Plan("API all DUE page " + DEEP_PAGE, page("1 = 1", DUE, 50, DEEP_PAGE * 50)));
        p.add(new Plan("API all count", "select count(*) from routing.support_case"));
        p.add(new Plan("API all NEXT_DUE page 0", page("1 = 1", NEXT_DUE + ", opened_at", 50, 0)));
        p.add(new Plan("API all NEWEST page " + DEEP_PAGE, page("1 = 1", "opened_at desc", 50, DEEP_PAGE * 50)));
        p.add(new Plan("API status=OPEN page 0", page("status = 'OPEN'", DUE, 50, 0)));
        p.add(new Plan("API severity=CRITICAL page 0", page("severity = 'CRITICAL'", DUE, 50, 0)));
        p.add(new Plan("API severity=CRITICAL count", "select count(*) from routing.support_case where severity = 'CRITICAL'"));
        p.add(new Plan("API status=WAITING_ON_CUSTOMER count up to the cap", countUpTo("status = 'WAITING_ON_CUSTOMER'")));
        p.add(new Plan("API status=WAITING_ON_CUSTOMER count up to the cap, NEWEST's order (before)",
                orderedCountUpTo("status = 'WAITING_ON_CUSTOMER'", "opened_at desc")));
        p.add(new Plan("API level=MANAGER_CALLBACK page 0", page("level = 'MANAGER_CALLBACK'", DUE, 50, 0)));
        p.add(new Plan("API assignee=agent page 0", page("assignee = 'agent'", DUE, 50, 0)));
        p.add(new Plan("API unassigned page 0", page("assignee is null", DUE, 50, 0)));
        p.add(new Plan("API overdue page 0", page("first_responded_at is null and first_response_due_at < '" + now + "'",
                DUE, 50, 0)));
        p.add(new Plan("inbox active NEXT_DUE page 0", page("status <> 'RESOLVED'", NEXT_DUE + ", opened_at", 25, 0)));
        p.add(new Plan("inbox active NEXT_DUE page 100", page("status <> 'RESOLVED'", NEXT_DUE + ", opened_at", 25, 2500)));
        p.add(new Plan("inbox active count", "select count(*) from routing.support_case where status <> 'RESOLVED'"));
        p.add(new Plan("inbox mine active page 0", page("assignee = 'agent' and status <> 'RESOLVED'",
                NEXT_DUE + ", opened_at", 25, 0)));
        p.add(new Plan("inbox active channel page 0", page("channel = 'whatsapp' and status <> 'RESOLVED'",
                NEXT_DUE + ", opened_at", 25, 0)));
        p.add(new Plan("inbox any status page 0", page("1 = 1", NEXT_DUE + ", opened_at", 25, 0)));
        String overdue = "status <> 'RESOLVED' and first_responded_at is null and first_response_due_at < '" + now + "'";
        for (String bound : List.of("", " and " + NEXT_DUE + " < '" + now + "'")) {
            String name = bound.isEmpty() ? " (before: without the order's bound)" : "";
            p.add(new Plan("inbox active overdue page 0" + name, page(overdue + bound, NEXT_DUE + ", opened_at", 25, 0)));
            p.add(new Plan("inbox active overdue count up to the cap" + name, countUpTo(overdue + bound)));
        }
        p.add(new Plan("case page: case", "select * from routing.support_case where id = '" + caseId + "'"));
        p.add(new Plan("case page: steps", "select * from routing.escalation_step where case_id = '" + caseId
                + "' order by occurred_at"));
        p.add(new Plan("case page: notifications", "select * from routing.notification where case_id = '" + caseId
                + "' order by created_at"));
        p.add(new Plan("case page: messages", "select * from routing.case_message where case_id = '" + caseId
                + "' order by received_at, id"));
        p.add(new Plan("case page: resolutions", "select * from routing.case_resolution where case_id = '" + caseId
                + "' order by resolution_no"));
        for (String statement : panel(s.largestCustomer())) {
            p.add(new Plan("panel (largest customer): " + statement.substring(statement.indexOf("from ") + 13,
                    statement.indexOf(' ', statement.indexOf("from ") + 13)), statement));
        }
        Instant day = now.minus(1, ChronoUnit.DAYS);
        Instant week = now.minus(7, ChronoUnit.DAYS);
        p.add(new Plan("report first responses 1 day", "select severity, channel, first_responded_by, received_at, "
                + "first_responded_at from routing.support_case where first_responded_at >= '" + day
                + "' and first_responded_at < '" + now + "' and not probe"));
        p.add(new Plan("report replies 1 day (outer scan)", "select a.id from routing.case_message a join "
                + "routing.support_case c on c.id = a.case_id where a.kind = 'AGENT_REPLY' and a.received_at >= '" + day
                + "' and a.received_at < '" + now + "' and not c.probe"));
        p.add(new Plan("report accuracy 7 days", "select distinct on (case_id) classified_category, category from "
                + "routing.case_resolution r where resolved_at >= '" + week + "' and resolved_at < '" + now + "' and not "
                + "exists (select 1 from routing.support_case p where p.id = r.case_id and p.probe) "
                + "order by case_id, resolution_no desc"));
        p.add(new Plan("report trends 12 weeks", "select (date_trunc('week', resolved_at at time zone 'UTC'))::date, "
                + "category, count(*) from routing.case_resolution r where resolved_at >= '"
                + now.minus(84, ChronoUnit.DAYS) + "' and not exists (select 1 from routing.support_case p where "
                + "p.id = r.case_id and p.probe) group by 1, 2"));
        p.add(new Plan("report trends, the open week (as now)", weeklyResolutions(openWeek(now))));
        p.add(new Plan("reports page: opened per day 8 weeks", openedPerDay(now.minus(56, ChronoUnit.DAYS), now)));
        p.add(new Plan("reports page: resolved 8 weeks", "select severity, channel, assignee, received_at, resolved_at "
                + "from routing.support_case where resolved_at >= '" + now.minus(56, ChronoUnit.DAYS)
                + "' and resolved_at < '" + now + "' and probe = false"));
        p.add(new Plan("report routing first responses 30 days", routingFirstResponses(now.minus(30, ChronoUnit.DAYS),
                now)));
        p.add(new Plan("report routing breaches 7 days", routingBreaches(now.minus(7, ChronoUnit.DAYS), now)));
        p.add(new Plan("report routing escalations 7 days", "select to_level, reason_code, count(*) from "
                + "routing.escalation_step where reason_code <> 'OPENED' and occurred_at >= '" + week
                + "' and occurred_at < '" + now + "' and not exists (select 1 from routing.support_case p where "
                + "p.id = case_id and p.probe) group by 1, 2"));
        p.add(new Plan("console callbacks owed", "select * from routing.support_case where level = 'MANAGER_CALLBACK' "
                + "and status <> 'RESOLVED' and callback_due_at is not null order by callback_due_at limit 50"));
        p.add(new Plan("console at risk", "select * from routing.support_case where first_responded_at is null and "
                + "status <> 'RESOLVED' and first_response_due_at <= '" + now.plus(1, ChronoUnit.HOURS)
                + "' order by first_response_due_at limit 50"));
        p.add(new Plan("console load", "select assignee, count(*) from routing.support_case where status <> "
                + "'RESOLVED' group by assignee"));
        p.add(new Plan("console recent stream", "select * from routing.notification where channel = 'stream' "
                + "order by created_at desc limit 50"));
        p.add(new Plan("hotspots current", "select * from routing.hotspot where acknowledged_at is null and past_from > '"
                + now + "' order by window_end desc, id limit 20"));
        p.add(new Plan("hotspots past page 50", "select * from routing.hotspot where acknowledged_at is not null or "
                + "past_from <= '" + now + "' order by window_end desc, id limit 20 offset 1000"));
        p.add(new Plan("outcome promises due 8 weeks", "select p.state, p.due_at from routing.case_promise p where "
                + "p.due_at >= '" + now.minus(56, ChronoUnit.DAYS) + "' and p.due_at < '" + now + "'"));
        return p;
    }

    /** OpenedPerDay's count of the cases opened per day (in a zone of the page's user) and category. */
    private static String openedPerDay(Instant from, Instant to) {
        return "select category, (opened_at at time zone 'Asia/Jerusalem')::date, count(*) from routing.support_case "
                + "where opened_at >= '" + from + "' and opened_at < '" + to + "' and not probe group by 1, 2";
    }

    /** ResolutionReportRepository's weekly counts by category from {@code from} on. */
    private static String weeklyResolutions(Instant from) {
        return "select (date_trunc('week', resolved_at at time zone 'UTC'))::date, category, count(*) from "
                + "routing.case_resolution r where resolved_at >= '" + from
                + "' and not exists (select 1 from routing.support_case p where p.id = r.case_id and p.probe) group by 1, 2";
    }

    /** The Monday (UTC) of the week an hour before {@code now}: the first week the trends report still reads. */
    private static Instant openWeek(Instant now) {
        return LocalDate.ofInstant(now.minus(1, ChronoUnit.HOURS), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The routing report's first-response times (RoutingReportRepository), also the console's over its window. */
    private static String routingFirstResponses(Instant from, Instant to) {
        return "select severity, channel, count(*), avg(seconds), percentile_cont(0.5) within group (order by seconds), "
                + "percentile_cont(0.9) within group (order by seconds) from (select severity, channel, "
                + "extract(epoch from first_responded_at - received_at)::float8 as seconds from routing.support_case "
                + "where first_responded_at is not null and opened_at >= '" + from + "' and opened_at < '" + to
                + "' and not probe) answered group by severity, channel order by severity, channel";
    }

    /** The routing report's breaches (RoutingReportRepository). */
    private static String routingBreaches(Instant from, Instant to) {
        return "select severity, count(*), count(*) filter (where first_responded_at > first_response_due_at or "
                + "(first_responded_at is null and first_response_due_at < '" + to + "')) from routing.support_case "
                + "where opened_at >= '" + from + "' and opened_at < '" + to + "' and not probe group by severity "
                + "order by severity";
    }

    private static HttpFamily cases(String name, String role, String query) {
        return new HttpFamily(name, "routing", role, List.of("/api/v1/cases" + (query.isEmpty() ? "" : "?" + query)));
    }

    private static HttpFamily report(String name, String path, Instant from, Instant to) {
        String sep = path.endsWith("?") ? "" : "&";
        return new HttpFamily(name, "routing", "manager", List.of(path + sep + "from=" + encode(from) + "&to=" + encode(to)));
    }

    private static String encode(Instant at) {
        return URLEncoder.encode(at.truncatedTo(ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8);
    }

    /** The cap on the count of the workspace inbox and the API alike ({@code tikun.routing.cases.count-up-to}). */
    private static final int COUNT_UP_TO = 10_000;

    /** A page of the workspace inbox and its count up to the cap, as {@code CaseRepository.searchUpTo} asks them. */
    private static SqlFamily inbox(String name, String where, int page) {
        return new SqlFamily(name, List.of(page(where, NEXT_DUE + ", opened_at", 25, page * 25), countUpTo(where)));
    }

    /** The count up to the cap as {@code CaseRepository.countUpTo} asks it: without an order. */
    private static String countUpTo(String where) {
        return "select count(*) from (select 1 from routing.support_case where " + where + " limit " + (COUNT_UP_TO + 1)
                + ") counted";
    }

    /** The same count in the page's order, as it was asked before 2026-12-07: the comparison. */
    private static String orderedCountUpTo(String where, String order) {
        return "select count(*) from (select id from routing.support_case where " + where + " order by " + order
                + " limit " + (COUNT_UP_TO + 1) + ") counted";
    }

    /** The same page with every match counted, as the inbox did before it counted up to a cap: the comparison. */
    private static SqlFamily inboxFullCount(String name, String where, int page) {
        return new SqlFamily(name, List.of(page(where, NEXT_DUE + ", opened_at", 25, page * 25),
                "select count(*) from routing.support_case where " + where));
    }

    private static String page(String where, String order, int size, int offset) {
        return "select * from routing.support_case where " + where + " order by " + order + " offset " + offset
                + " rows fetch first " + size + " rows only";
    }

    private static List<String> panel(String customer) {
        return List.of("select * from routing.support_case where customer_id = '" + customer
                + "' and id <> '00000000-0000-0000-0000-000000000000' order by opened_at desc offset 0 rows fetch first 10 rows only",
                "select * from routing.case_promise where customer_id = '" + customer
                        + "' order by made_at desc nulls last offset 0 rows fetch first 20 rows only",
                "select * from routing.customer_feedback where customer_id = '" + customer
                        + "' order by occurred_at desc offset 0 rows fetch first 50 rows only");
    }
}
