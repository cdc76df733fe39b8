package io.tikun.routing.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.agents.AgentDirectory;
import io.tikun.routing.cases.CaseMessage;
import io.tikun.routing.cases.CaseMessageRepository;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.cases.CaseWorkflowService;
import io.tikun.routing.cases.DeliveryStatus;
import io.tikun.routing.cases.MessageKind;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.inbox.ProcessedEvent;
import io.tikun.routing.inbox.ProcessedEventRepository;
import io.tikun.routing.notification.ManagerAlertComposer;
import io.tikun.routing.notification.NotificationRepository;

/**
 * Applies intake's delivery reports to the messages routing asked it to send, once per event and never going back to
 * an older state. The first reply reported sent is the case's first response; a failed delivery alerts the case's
 * agent.
 */
@ApplicationScoped
public class DeliveryStatusService {

    private final ProcessedEventRepository processed;
    private final CaseMessageRepository messages;
    private final CaseRepository cases;
    private final CaseWorkflowService workflow;
    private final ManagerAlertComposer alerts;
    private final NotificationRepository notifications;
    private final AgentDirectory agents;
    private final ConversationConfig config;
    private final Clock clock;

    public DeliveryStatusService(ProcessedEventRepository processed, CaseMessageRepository messages, CaseRepository cases,
            CaseWorkflowService workflow, ManagerAlertComposer alerts, NotificationRepository notifications,
            AgentDirectory agents, ConversationConfig config, Clock clock) {
        this.processed = processed;
        this.messages = messages;
        this.cases = cases;
        this.workflow = workflow;
        this.alerts = alerts;
        this.notifications = notifications;
        this.agents = agents;
        this.config = config;
        this.clock = clock;
    }

    /** What applying a report committed: events and alerts to send, and what to measure, once it has. */
    public record Applied(List<UUID> outboxIds, List<UUID> notificationIds, Runnable onCommitted) {
        static Applied nothing() {
            return new Applied(List.of(), List.of(), () -> {
            });
        }
    }

    @WithTransaction
    public Uni<Applied> apply(String eventId, CustomerMessageStatus report) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(Applied.nothing())
                : messages.lockByMessageId(report.messageId())
                        .chain(m -> m == null || !report.status().isLaterThan(m.deliveryStatus)
                                ? Uni.createFrom().item(Applied.nothing())
                                : update(m, report, now))
                        .call(() -> processed.persist(ProcessedEvent.of(eventId, now))));
    }

    private Uni<Applied> update(CaseMessage m, CustomerMessageStatus report, Instant now) {
        m.deliveryStatus = report.status();
        m.channel = report.channel();
        m.deliveryUpdatedAt = report.at();
        if (report.providerMessageId() != null) {
            m.providerMessageId = report.providerMessageId();
        }
        if (report.status() == DeliveryStatus.FAILED) {
            m.deliveryReason = report.reason() == null ? "no reason given" : report.reason();
        }
        return cases.findById(m.caseId).chain(c -> switch (report.status()) {
            case SENT, DELIVERED -> m.kind == MessageKind.AGENT_REPLY && c.firstRespondedAt == null
                    ? firstResponse(c, m, report, now)
                    : Uni.createFrom().item(Applied.nothing());
            case FAILED -> failed(c, m, now);
            case REQUESTED -> Uni.createFrom().item(Applied.nothing());
        });
    }

    /** The first reply the customer was sent answers the case, at the time it was sent (never later than now). */
    private Uni<Applied> firstResponse(SupportCase c, CaseMessage m, CustomerMessageStatus report, Instant now) {
        Instant at = report.at().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            at = now;
        }
        if (at.isBefore(c.receivedAt)) {
            at = c.receivedAt;
        }
        return workflow
                .firstResponded(c, m.writtenBy, "first response by " + m.writtenBy + ": reply sent by " + m.channel, at, now)
                .map(changed -> new Applied(changed.outboxIds(), List.of(), changed.onCommitted()));
    }

    /**
     * Where the assignee's alerts go: the address {@code conversation.agent-emails} gives (operators may redirect an
     * agent's alerts), else the one their token carried when they last acted.
     */
    private Uni<Optional<String>> agentEmail(String assignee) {
        String configured = assignee == null ? null : config.agentEmails().get(assignee);
        return configured != null && !configured.isBlank() ? Uni.createFrom().item(Optional.of(configured))
                : agents.emailOf(assignee);
    }

    private Uni<Applied> failed(SupportCase c, CaseMessage m, Instant now) {
        String what = m.kind + " on " + m.channel + ": " + m.deliveryReason;
        // This failure is counted already (the message is FAILED in this session), so the count numbers it.
        return messages.flush().chain(() -> messages.failedDeliveries(c.id))
                .chain(count -> agentEmail(c.assignee).chain(agentEmail -> notifications.persistNew(
                        alerts.deliveryFailed(c, what, agentEmail.orElse(null), count.intValue(), now))))
                .map(stored -> new Applied(List.of(), new ArrayList<>(stored), () -> {
                }));
    }
}
