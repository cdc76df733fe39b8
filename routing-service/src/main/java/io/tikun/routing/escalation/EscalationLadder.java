package io.tikun.routing.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.RoutingConfig;
import io.tikun.routing.sla.SlaClock;

/** Decides what a missed first response does to a case: the rung it climbs to and what is timed next. */
@ApplicationScoped
public class EscalationLadder {

    private final Duration reEscalateAfter;
    private final RoutingConfig.Ceiling ceilings;
    private final SlaClock sla;

    public EscalationLadder(RoutingConfig config, SlaClock sla) {
        this.reEscalateAfter = config.escalation().reEscalateAfter();
        this.ceilings = config.escalation().ceiling();
        this.sla = sla;
    }

    /**
     * One rung up from {@code from}. Below the top the case is checked again {@code re-escalate-after}
     * from now (not from the missed deadline, so a check that ran late never climbs several rungs at
     * once). Reaching the top starts the manager's callback promise, kept if one was already made, and
     * ends the timer: there is no rung left to climb. A case never climbs above its severity's
     * ceiling; reaching it ends the timer too.
     *
     * @param callbackDueAt the callback already promised on this case, or null
     */
    public Breach onBreach(Severity severity, EscalationLevel from, Instant callbackDueAt, Instant now) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(now, "now");
        EscalationLevel ceiling = ceiling(severity);
        EscalationLevel to = from.isAtLeast(ceiling) ? from : from.next();
        if (to.isTop()) {
            Instant callback = callbackDueAt != null ? callbackDueAt : sla.managerCallbackDue(now);
            return new Breach(from, to, null, callback);
        }
        // At the severity's ceiling the timer ends: the case stays visible as overdue in the queues.
        Instant nextCheck = to.isAtLeast(ceiling) ? null : now.plus(reEscalateAfter);
        return new Breach(from, to, nextCheck, callbackDueAt);
    }

    /**
     * Where a single breach that starts no further timer (an unanswered reply, a missed resolution) takes a case:
     * one rung up, but not above its severity's ceiling.
     */
    public EscalationLevel oneRungUp(Severity severity, EscalationLevel from) {
        Objects.requireNonNull(from, "from");
        return from.isAtLeast(ceiling(severity)) ? from : from.next();
    }

    /** When the service manager must have called back, for a case reaching the top now. */
    public Instant callbackDue(Instant now) {
        return sla.managerCallbackDue(now);
    }

    EscalationLevel ceiling(Severity severity) {
        return switch (severity) {
            case CRITICAL -> ceilings.critical();
            case HIGH -> ceilings.high();
            case MEDIUM -> ceilings.medium();
            case LOW -> ceilings.low();
        };
    }

    /**
     * The outcome of one breach.
     *
     * @param nextCheckAt when the case climbs again if still unanswered; null when the timer ends
     * @param callbackDueAt when the service manager must have called the customer; null below the top
     */
    public record Breach(EscalationLevel from, EscalationLevel to, Instant nextCheckAt, Instant callbackDueAt) {
    }
}
