package io.tikun.routing.escalation;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.RoutingConfig;

/** Where on the ladder a new case starts, and whether managers hear of it at once. */
@ApplicationScoped
public class EscalationPolicy {

    private final RoutingConfig.Escalation config;

    public EscalationPolicy(RoutingConfig config) {
        this.config = config.escalation();
    }

    public EscalationLevel initialLevel(Severity severity) {
        return switch (severity) {
            case CRITICAL -> config.initialLevel().critical();
            case HIGH -> config.initialLevel().high();
            case MEDIUM -> config.initialLevel().medium();
            case LOW -> config.initialLevel().low();
        };
    }

    /** Managers are alerted at once from this severity up (HIGH by default). */
    public boolean alertsManagerAtOnce(Severity severity) {
        return severity.ordinal() >= config.alertManagerFrom().ordinal();
    }
}
