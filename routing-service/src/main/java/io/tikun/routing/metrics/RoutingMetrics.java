package io.tikun.routing.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tikun.routing.callback.CallbackOutcome;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.EscalationReason;
import io.tikun.routing.escalation.Severity;

/**
 * Prometheus meters of this instance: first-response times, SLA breaches and their rate, escalations and
 * callback outcomes. Callers record a change only after its transaction committed. Totals across instances
 * and restarts come from the report ({@link RoutingReportResource}), which reads the tables.
 */
@ApplicationScoped
public class RoutingMetrics {

    static final String FIRST_RESPONSE = "tikun.routing.first.response";
    static final String CASES_OPENED = "tikun.routing.cases.opened";
    static final String INTAKE_BATCH_SIZE = "tikun.routing.intake.batch.events";
    static final String INTAKE_BATCH_TIME = "tikun.routing.intake.batch";
    static final String BREACHES = "tikun.routing.sla.breaches";
    static final String BREACH_RATE = "tikun.routing.sla.breach.rate";
    static final String ESCALATIONS = "tikun.routing.escalations";
    static final String CALLBACK_OUTCOMES = "tikun.routing.callback.outcomes";
    static final String URGENT_LANE = "tikun.routing.urgent.lane";
    /** Bucket bounds of the urgent lane's hops: cumulative counts a benchmark can difference over a run. */
    private static final Duration[] URGENT_BOUNDS = { Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000),
            Duration.ofMillis(2000), Duration.ofMillis(5000) };
    private static final String SEVERITY = "severity";

    private final MeterRegistry registry;
    private final Map<Severity, Counter> opened = new EnumMap<>(Severity.class);
    private final Map<Severity, Counter> breaches = new EnumMap<>(Severity.class);

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Severity severity : Severity.values()) {
            Counter openedOfSeverity = Counter.builder(CASES_OPENED).description("Cases opened")
                    .tag(SEVERITY, severity.name()).register(registry);
            Counter breachesOfSeverity = Counter.builder(BREACHES)
                    .description("Cases whose first-response deadline passed unanswered")
                    .tag(SEVERITY, severity.name()).register(registry);
            opened.put(severity, openedOfSeverity);
            breaches.put(severity, breachesOfSeverity);
            Gauge.builder(BREACH_RATE, () -> rate(breachesOfSeverity.count(), openedOfSeverity.count()))
                    .description("Breaches per case opened since this instance started")
                    .tag(SEVERITY, severity.name()).register(registry);
        }
    }

    public void caseOpened(Severity severity) {
        opened.get(severity).increment();
    }

    /** The time from receipt to the first answer. */
    public void firstResponse(Severity severity, String channel, Duration took) {
        Timer.builder(FIRST_RESPONSE).description("Time from receipt of a complaint to its first response")
                .tag(SEVERITY, severity.name()).tag("channel", channel)
                .publishPercentiles(0.5, 0.9)
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
    }

    public void breached(Severity severity) {
        breaches.get(severity).increment();
    }

    public void escalated(EscalationLevel to, EscalationReason reason) {
        Counter.builder(ESCALATIONS).description("Moves up the escalation ladder")
                .tag("level", to.name()).tag("reason", reason.name()).register(registry).increment();
    }

    public void callbackOutcome(CallbackOutcome outcome) {
        Counter.builder(CALLBACK_OUTCOMES).description("Outcomes of the service manager's callbacks")
                .tag("outcome", outcome.name()).register(registry).increment();
    }

    private static double rate(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    /**
     * One hop of an urgent-lane message: {@link UrgentHop#QUEUED} from its record's timestamp (intake's send) to the
     * handler starting on routing's event loop, {@link UrgentHop#OPENED} from there to the case committed,
     * {@link UrgentHop#DONE} from the commit to the message acknowledged (its case's events published).
     */
    public void urgentHop(UrgentHop hop, Duration took) {
        Timer.builder(URGENT_LANE).description("Time an urgent-lane message spends in each hop through routing")
                .tag("hop", hop.name()).serviceLevelObjectives(URGENT_BOUNDS)
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
    }

    /** The hops an urgent-lane message is timed in. */
    public enum UrgentHop {
        /** The record's timestamp (its producer's send) → the handler starting on routing's event loop. */
        QUEUED,
        /** The record's timestamp → routing's consumer poll returning it: the broker's append and the fetch. */
        FETCHED,
        /**
         * The poll returning the record → the handler starting: the lane's previous message, the event loop, and for a
         * partition's first record the connector's lookup of its committed offset on the polling thread.
         */
        DISPATCHED,
        OPENED,
        DONE
    }

    /** A batch of intake events applied in one transaction: its size and how long applying it took (retries included). */
    public void intakeBatch(int events, Duration took) {
        DistributionSummary.builder(INTAKE_BATCH_SIZE).description("Intake events applied per transaction")
                .register(registry).record(events);
        Timer.builder(INTAKE_BATCH_TIME).description("Time to apply a batch of intake events")
                .register(registry).record(took);
    }
}
