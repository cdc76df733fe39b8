package io.tikun.routing.console;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.metrics.RoutingReport;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.StreamedNotification;
import io.tikun.routing.outbox.EventJson;

/** Puts together what the manager console shows. */
@ApplicationScoped
public class ConsoleService {

    private static final String WHEN_PATTERN = "EEE d MMM HH:mm";
    private static final double SECONDS_PER_MINUTE = 60.0;
    private static final int TENTHS = 10;

    private final ConsoleQueries queries;
    private final FirstResponseFigures figures;
    private final ConsoleConfig config;
    private final EventJson json;
    private final Clock clock;
    private final DateTimeFormatter when;

    public ConsoleService(ConsoleQueries queries, FirstResponseFigures figures, ConsoleConfig config,
            RoutingConfig routing, EventJson json, Clock clock) {
        this.queries = queries;
        this.figures = figures;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.when = DateTimeFormatter.ofPattern(WHEN_PATTERN).withZone(routing.notifications().timeZone());
    }

    public Uni<ConsoleOverview> overview() {
        Instant now = clock.instant();
        return queries.callbacksOwed(config.listLimit())
                .chain(callbacks -> queries.dueBy(now.plus(config.atRiskWithin()), config.listLimit())
                        .chain(atRisk -> queries.recentStreamed(config.listLimit())
                                .chain(recent -> queries.load(now).chain(load -> figures.current()
                                        .map(computed -> new ConsoleOverview(now,
                                                callbacks.stream().map(c -> callback(c, now)).toList(),
                                                atRisk.stream().map(c -> atRisk(c, now)).toList(),
                                                firstResponse(computed.firstResponse()), computed.at(),
                                                recent.stream().map(this::streamed).toList(),
                                                sorted(load)))))));
    }

    /** The busiest first, the unassigned cases last. */
    private static List<ConsoleOverview.AgentLoad> sorted(List<ConsoleOverview.AgentLoad> load) {
        return load.stream().sorted(Comparator.comparing((ConsoleOverview.AgentLoad l) -> l.agent() == null)
                .thenComparing(ConsoleOverview.AgentLoad::open, Comparator.reverseOrder())
                .thenComparing(l -> l.agent() == null ? "" : l.agent())).toList();
    }

    private ConsoleOverview.CallbackDue callback(SupportCase c, Instant now) {
        return new ConsoleOverview.CallbackDue(c.id, c.reference, c.customerName, c.customerPhone, c.severity.name(),
                c.callbackDueAt, when.format(c.callbackDueAt), c.callbackDueAt.isBefore(now));
    }

    private ConsoleOverview.CaseAtRisk atRisk(SupportCase c, Instant now) {
        return new ConsoleOverview.CaseAtRisk(c.id, c.reference, c.customerName, c.severity.name(), c.level.name(),
                c.channel, c.assignee, c.firstResponseDueAt, when.format(c.firstResponseDueAt),
                c.firstResponseDueAt.isBefore(now));
    }

    private static List<ConsoleOverview.FirstResponseTime> firstResponse(List<RoutingReport.FirstResponse> figures) {
        return figures.stream()
                .sorted(Comparator.comparing((RoutingReport.FirstResponse f) -> Severity.valueOf(f.severity()))
                        .reversed().thenComparing(RoutingReport.FirstResponse::channel))
                .map(f -> new ConsoleOverview.FirstResponseTime(f.severity(), f.channel(), f.count(),
                        minutes(f.meanSeconds()), minutes(f.p50Seconds()), minutes(f.p90Seconds())))
                .toList();
    }

    /** Minutes with one decimal: finer is noise on a manager's screen. */
    private static double minutes(double seconds) {
        return Math.round(seconds / SECONDS_PER_MINUTE * TENTHS) / (double) TENTHS;
    }

    private StreamedNotification streamed(Notification n) {
        try {
            return json.read(n.body, StreamedNotification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stream notification " + n.id, e);
        }
    }
}
