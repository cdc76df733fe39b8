package io.tikun.intake.complaint;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.events.EventPublisher;

/**
 * Shows the outbox backlog and when the broker last acknowledged an event, at {@code /q/health/well}. A wellness check,
 * never liveness or readiness: while the broker is down the outbox keeps accepting complaints, so an instance must
 * stay in service (and not be restarted); operators watch this backlog instead.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

    static final String NAME = "outbox";

    private final ComplaintRepository complaints;
    private final EventPublisher broker;

    public OutboxHealthCheck(ComplaintRepository complaints, EventPublisher broker) {
        this.complaints = complaints;
        this.broker = broker;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Instant acknowledged = broker.lastAcknowledged();
        return complaints.outboxBacklog().map(backlog -> HealthCheckResponse.named(NAME).up()
                .withData("backlog", backlog)
                .withData("brokerLastAcknowledged", acknowledged == null ? "never" : acknowledged.toString())
                .build());
    }
}
