package io.tikun.routing.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.metrics.RoutingReport;
import io.tikun.routing.metrics.RoutingReportRepository;

/**
 * The console's first-response times over the stats window, recomputed in the background every
 * {@code tikun.routing.console.stats-refresh}: a month of cases takes a few hundred milliseconds to summarize at a
 * million cases (deploy/benchmark/RESULTS.md), too long for every page load, and a manager's month-long figures do not
 * change by the second. The overview shows when they were computed. Figures older than two refreshes (none yet after a
 * start, or a clock moved ahead) are computed for the request that finds them so.
 */
@ApplicationScoped
public class FirstResponseFigures {

    /** The figures and the moment they were computed. */
    public record Computed(Instant at, List<RoutingReport.FirstResponse> firstResponse) {
    }

    private final RoutingReportRepository reports;
    private final ConsoleConfig config;
    private final Clock clock;
    private final AtomicReference<Computed> latest = new AtomicReference<>();

    public FirstResponseFigures(RoutingReportRepository reports, ConsoleConfig config, Clock clock) {
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${tikun.routing.console.stats-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return compute().onFailure().invoke(e -> Log.warnf("Could not compute the console's first-response times: %s",
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The latest figures, or new ones when the latest are missing or stale. */
    public Uni<Computed> current() {
        Computed known = latest.get();
        Instant now = clock.instant();
        if (known != null && !known.at().isAfter(now) && known.at().plus(config.statsRefresh().multipliedBy(2)).isAfter(now)) {
            return Uni.createFrom().item(known);
        }
        return compute();
    }

    private Uni<Computed> compute() {
        Instant now = clock.instant();
        return reports.firstResponses(now.minus(config.statsWindow()), now).map(figures -> {
            Computed computed = new Computed(now, figures);
            latest.accumulateAndGet(computed, (old, fresh) -> old != null && old.at().isAfter(fresh.at()) ? old : fresh);
            return computed;
        });
    }
}
