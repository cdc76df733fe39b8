package io.tikun.followup.reporting;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The promise-keeping report over all time as Prometheus gauges on /q/metrics. Recomputed from the database on a
 * schedule rather than counted in memory, so every instance shows the same values and a restart loses nothing.
 */
@ApplicationScoped
@Startup
public class PromiseMetrics {

    /** All time: the report's window when it feeds the gauges. */
    static final Instant SINCE = Instant.EPOCH;
    static final Instant UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    private final PromiseReportQueries queries;
    private final AtomicReference<PromiseReport> latest = new AtomicReference<>();
    private final MultiGauge brokenByOwner;
    private final MultiGauge brokenByTeam;
    private final MultiGauge csatResponses;

    public PromiseMetrics(PromiseReportQueries queries, MeterRegistry registry) {
        this.queries = queries;
        gauge(registry, "tikun.followup.promises.settled", "Commitments settled (verified, broken or unconfirmed)",
                r -> r.keptOnTime().settled());
        gauge(registry, "tikun.followup.promises.kept.on.time", "Settled commitments verified with an on-time claim",
                r -> r.keptOnTime().kept());
        gauge(registry, "tikun.followup.promises.kept.on.time.percent", "Kept on time, percent of settled",
                r -> orNaN(r.keptOnTime().percent()));
        gauge(registry, "tikun.followup.verified.fix.mean.seconds",
                "Mean time from the promise to the customer's confirmation", r -> orNaN(r.verifiedFix().meanSeconds()));
        gauge(registry, "tikun.followup.promises.verified", "Commitments the customer verified",
                r -> r.verifiedFix().verified());
        gauge(registry, "tikun.followup.csat.average", "Mean satisfaction rating, 1 to 5", r -> orNaN(r.csat().average()));
        this.brokenByOwner = MultiGauge.builder("tikun.followup.promises.broken")
                .description("Broken commitments per owner (and the owner's team)").register(registry);
        this.brokenByTeam = MultiGauge.builder("tikun.followup.promises.broken.team")
                .description("Broken commitments per team").register(registry);
        this.csatResponses = MultiGauge.builder("tikun.followup.csat.responses")
                .description("Satisfaction ratings per score").register(registry);
    }

    @Scheduled(every = "${tikun.followup.reporting.metrics-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Promise metrics not refreshed: %s", failure.getMessage());
                    return null;
                });
    }

    /** Recomputes the gauges now; returns the all-time report they show. */
    public Uni<PromiseReport> refresh() {
        return queries.report(SINCE, UNTIL).invoke(this::show);
    }

    private void show(PromiseReport report) {
        latest.set(report);
        brokenByOwner.register(report.broken().byOwner().stream()
                .map(o -> MultiGauge.Row.of(Tags.of("owner", o.owner(), "team", o.team()), o.broken()))
                .toList(), true);
        brokenByTeam.register(report.broken().byTeam().stream()
                .map(t -> MultiGauge.Row.of(Tags.of("team", t.team()), t.broken()))
                .toList(), true);
        csatResponses.register(report.csat().distribution().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("score", String.valueOf(e.getKey())), e.getValue()))
                .toList(), true);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<PromiseReport> value) {
        Gauge.builder(name, latest, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .description(description)
                .register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
