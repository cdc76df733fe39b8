package io.tikun.intake.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.severity.Severity;

/**
 * Chooses the topic of a complaint's events: HIGH and CRITICAL complaints take the urgent lane
 * ({@code complaints.received.urgent}, same contract), the rest {@code complaints.received}. Every event of one
 * complaint (received, further messages) takes that complaint's lane, so within a complaint the order holds; between
 * two complaints of one customer on different lanes there is no order, by design: an urgent complaint overtakes its
 * customer's earlier ordinary ones, and no event of one complaint depends on another complaint's.
 */
@ApplicationScoped
public class UrgentLane {

    private final IntakeConfig.UrgentLaneConfig config;

    public UrgentLane(IntakeConfig config) {
        this.config = config.urgentLane();
    }

    public boolean isUrgent(Severity severity) {
        return config.enabled() && severity.compareTo(config.from()) >= 0;
    }

    /** The topic of the events about a complaint of this severity. */
    public String topicFor(Severity severity) {
        return isUrgent(severity) ? ComplaintReceived.URGENT_TOPIC : ComplaintReceived.TOPIC;
    }

    /** Whether an outbox entry travels on the urgent lane. */
    public static boolean isOnUrgentLane(OutboxEvent event) {
        return ComplaintReceived.URGENT_TOPIC.equals(event.topic());
    }
}
