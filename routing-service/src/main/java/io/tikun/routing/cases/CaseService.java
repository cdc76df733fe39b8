package io.tikun.routing.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.callback.CallbackScheduler;
import io.tikun.routing.conversation.CustomerTexts;
import io.tikun.routing.escalation.EscalationPolicy;
import io.tikun.routing.escalation.EscalationReason;
import io.tikun.routing.escalation.EscalationStep;
import io.tikun.routing.escalation.EscalationStepRepository;
import io.tikun.routing.inbox.ProcessedEvent;
import io.tikun.routing.inbox.ProcessedEventRepository;
import io.tikun.routing.intake.ComplaintReceived;
import io.tikun.routing.intake.MessageAdded;
import io.tikun.routing.metrics.RoutingMetrics;
import io.tikun.routing.notification.ManagerAlertComposer;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.NotificationRepository;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxMessage;
import io.tikun.routing.outbox.OutboxRepository;
import io.tikun.routing.problem.NotFoundProblem;
import io.tikun.routing.sla.SlaClock;

/** Opens and reads cases. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final EscalationStepRepository steps;
    private final ProcessedEventRepository processed;
    private final OutboxRepository outbox;
    private final NotificationRepository notifications;
    private final EscalationPolicy policy;
    private final ManagerAlertComposer alerts;
    private final EventJson json;
    private final SlaClock sla;
    private final CaseClocks clocks;
    private final CaseMessageRepository messages;
    private final CallbackScheduler callbacks;
    private final RoutingMetrics metrics;
    private final Duration repeatWithin;
    private final Duration unansweredReplyAfter;
    private final Clock clock;
    private final CaseResolutionRepository resolutions;
    private final String streamChannel;

    public CaseService(CaseRepository cases, EscalationStepRepository steps, ProcessedEventRepository processed,
            OutboxRepository outbox, NotificationRepository notifications, EscalationPolicy policy,
            ManagerAlertComposer alerts, EventJson json, SlaClock sla, CaseClocks clocks, CaseMessageRepository messages,
            CallbackScheduler callbacks, RoutingMetrics metrics, RoutingConfig config, Clock clock,
            CaseResolutionRepository resolutions) {
        this.resolutions = resolutions;
        this.streamChannel = config.notifications().sharedStream().channel();
        this.cases = cases;
        this.clocks = clocks;
        this.messages = messages;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.repeatWithin = config.escalation().repeatWithin();
        this.unansweredReplyAfter = config.escalation().unansweredReplyAfter();
        this.steps = steps;
        this.processed = processed;
        this.outbox = outbox;
        this.notifications = notifications;
        this.policy = policy;
        this.alerts = alerts;
        this.json = json;
        this.sla = sla;
        this.clock = clock;
    }

    /**
     * Opens the case for a received complaint, exactly once per event id and per complaint: the
     * case, its first ladder step, the {@code cases.updated} event and any manager alert are
     * committed together; the alert's live-stream row is stored sent and announced by that commit.
     */
    @WithTransaction
    public Uni<CaseOpening> open(String eventId, ComplaintReceived complaint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(CaseOpening.duplicate())
                : cases.findByComplaintId(complaint.complaintId()).chain(existing -> existing != null
                        ? processed.persist(ProcessedEvent.of(eventId, now)).replaceWith(CaseOpening.duplicate())
                        : openNew(eventId, complaint, now)));
    }

    private Uni<CaseOpening> openNew(String eventId, ComplaintReceived complaint, Instant now) {
        return cases.countOfCustomerSince(complaint.customer().id(), now.minus(repeatWithin))
                .chain(earlier -> persist(opening(complaint, earlier, now), eventId, now));
    }

    private Uni<CaseOpening> persist(OpeningRows rows, String eventId, Instant now) {
        SupportCase c = rows.supportCase();
        List<UUID> outboxIds = new ArrayList<>(List.of(rows.event().id));
        List<UUID> notificationIds = new ArrayList<>(rows.alerts().stream().map(n -> n.id).toList());
        return cases.persist(c)
                .chain(() -> steps.persist(rows.first()))
                .chain(() -> outbox.persist(rows.event()))
                .chain(() -> notifications.persistAnnouncingStream(rows.alerts(), now, streamChannel))
                .chain(() -> persistFirstCallback(c, now, outboxIds, notificationIds))
                .chain(() -> processed.persist(ProcessedEvent.of(eventId, now)))
                .replaceWith(() -> new CaseOpening(c.id, outboxIds, notificationIds, rows.measure()));
    }

    /** Starting at the top, the manager's callback is owed from the start: its task, event and notice join the opening. */
    private Uni<Void> persistFirstCallback(SupportCase c, Instant now, List<UUID> outboxIds, List<UUID> notificationIds) {
        CallbackScheduler.FirstCallback first = firstCallback(c, now);
        if (first == null) {
            return Uni.createFrom().voidItem();
        }
        outboxIds.add(first.event().id);
        first.alerts().forEach(n -> notificationIds.add(n.id));
        return cases.getSession().chain(session -> session.persistAll(first.task(), first.event()))
                .chain(() -> notifications.persistAnnouncingStream(first.alerts(), now.plus(1, ChronoUnit.MICROS),
                        streamChannel));
    }

    /**
     * The first callback of a case opened at the top, null below it. One microsecond after the opening, so that the relay
     * (ordering a customer's rows by creation time, then id) sends the callback's event after the opening's.
     */
    CallbackScheduler.FirstCallback firstCallback(SupportCase c, Instant openedAt) {
        return c.level.isTop() ? callbacks.firstFor(c, openedAt.plus(1, ChronoUnit.MICROS)) : null;
    }

    /** The rows opening a case writes, built in memory, and what to count once they are committed. */
    record OpeningRows(SupportCase supportCase, EscalationStep first, OutboxMessage event, List<Notification> alerts,
            Runnable measure) {
    }

    /**
     * Builds the case for a complaint of a customer with {@code earlierCases} other cases within {@code repeat-within},
     * its first ladder step, the {@code cases.updated} event and any manager alert; nothing is stored yet.
     */
    OpeningRows opening(ComplaintReceived complaint, long earlierCases, Instant now) {
        String reasons = complaint.reasons() == null || complaint.reasons().isEmpty() ? "no aggravating signal"
                : complaint.reasons().stream()
                        .map(r -> r.signal() + (r.evidence() == null ? "" : " (\"" + r.evidence() + "\")"))
                        .collect(Collectors.joining(", "));
        SupportCase c = newCase(complaint, now);
        // Routing's own store and intake's signal may both say "again": the case climbs one rung either way.
        boolean repeat = earlierCases > 0 || complaint.saysRepeat();
        EscalationReason code = EscalationReason.OPENED;
        String why = "opened as " + c.severity + ": " + reasons;
        if (repeat) {
            code = EscalationReason.REPEAT_COMPLAINT;
            c.level = c.level.next();
            why += "; repeat complaint (" + (earlierCases > 0
                    ? earlierCases + " other case(s) of this customer in the last " + repeatWithin.toDays() + " days"
                    : "intake says so") + "), one rung higher";
        }
        if (c.level.isTop()) {
            c.callbackDueAt = sla.managerCallbackDue(now);
        }
        EscalationStep first = EscalationStep.of(c.id, null, c.level, code, why, now);
        CaseUpdated opened = CaseUpdated.of(c, CaseUpdated.OPENED, first.reason, null, now);
        OutboxMessage event = OutboxMessage.of(CaseUpdated.TOPIC, c.customerId, opened.type(), json.write(opened), now);
        List<Notification> alertsToSend = policy.alertsManagerAtOnce(c.severity) ? alerts.severeCaseOpened(c, reasons, now)
                : List.of();
        EscalationReason counted = code;
        Runnable measure = () -> {
            metrics.caseOpened(c.severity);
            if (counted == EscalationReason.REPEAT_COMPLAINT) {
                metrics.escalated(c.level, counted);
            }
        };
        return new OpeningRows(c, first, event, alertsToSend, measure);
    }

    /**
     * The customer wrote again on a complaint: the message joins its case, a wait on the customer ends (the
     * clocks run again), and unless an agent answers within {@code unanswered-reply-after} the escalation job
     * moves the case up. Applied once per event id and per message id.
     */
    @WithTransaction
    public Uni<Boolean> customerWrote(String eventId, MessageAdded message) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(false)
                : messages.known(message.messageId()).chain(known -> known ? Uni.createFrom().item(false)
                        : cases.findByComplaintId(message.complaintId()).chain(c -> c == null ? Uni.createFrom().item(false)
                                : addMessage(c, message, now)))
                        .call(() -> processed.persist(ProcessedEvent.of(eventId, now))));
    }

    private Uni<Boolean> addMessage(SupportCase c, MessageAdded message, Instant now) {
        return messages.persist(customerMessage(c, message, now)).replaceWith(true);
    }

    /** The customer's further message on {@code c}: ends a wait, arms the unanswered-reply timer; the row to store. */
    CaseMessage customerMessage(SupportCase c, MessageAdded message, Instant now) {
        if (c.status == CaseStatus.WAITING_ON_CUSTOMER) {
            clocks.resume(c, now);
        }
        if (c.status != CaseStatus.RESOLVED && c.replyDueAt == null) {
            // The oldest unanswered message sets the timer; later ones do not push it out.
            Instant from = message.receivedAt().isAfter(now) ? now : message.receivedAt();
            c.replyDueAt = sla.calendarFor(c.severity).addBusinessTime(from, unansweredReplyAfter)
                    .truncatedTo(ChronoUnit.MICROS);
        }
        c.updatedAt = now;
        return CaseMessage.fromCustomer(c, message.messageId(), message.channel(), message.body(), message.receivedAt(),
                message.attachedFiles());
    }

    private SupportCase newCase(ComplaintReceived complaint, Instant now) {
        SupportCase c = new SupportCase();
        c.id = UUID.randomUUID();
        c.complaintId = complaint.complaintId();
        c.reference = complaint.reference();
        c.customerId = complaint.customer().id();
        c.customerName = complaint.customer().name();
        c.customerEmail = complaint.customer().email();
        c.customerPhone = complaint.customer().phone();
        c.channel = complaint.channel() == null ? "unknown" : complaint.channel();
        c.subject = complaint.subject() == null ? "" : complaint.subject();
        c.summary = complaint.body() == null ? "" : complaint.body();
        c.severity = complaint.severity();
        c.severityReasons = complaint.reasons() == null ? List.of()
                : complaint.reasons().stream().map(r -> new SeverityReason(r.signal(), r.implies(), r.evidence())).toList();
        c.attachments = complaint.attachedFiles().isEmpty() ? null : List.copyOf(complaint.attachedFiles());
        c.language = CustomerTexts.languageOf(complaint.language());
        ComplaintReceived.Classification classification = complaint.classification();
        if (classification != null) {
            c.category = classification.category();
            c.classifiedCategory = classification.category();
            c.productId = classification.product() == null ? null : classification.product().id();
            c.orderNumbers = classification.orderNumbers() == null ? new String[0]
                    : classification.orderNumbers().toArray(String[]::new);
        }
        c.level = policy.initialLevel(complaint.severity());
        c.status = CaseStatus.OPEN;
        c.receivedAt = complaint.receivedAt();
        c.probe = complaint.isProbe();
        c.probeSentAt = complaint.isProbe() ? complaint.probeSentAt() : null;
        c.openedAt = now;
        c.updatedAt = now;
        // Whichever comes first: the SLA on the business calendar, or what intake already promised the customer.
        Instant slaDue = sla.firstResponseDue(c.severity, c.receivedAt);
        c.firstResponseDueAt = slaDue.isBefore(complaint.expectedResponseBy()) ? slaDue : complaint.expectedResponseBy();
        c.resolutionDueAt = sla.resolutionDue(c.severity, c.receivedAt);
        // The escalation timer fires when the first response is missed, the resolution timer when the case is
        // still not resolved at its resolution deadline (EscalationJob).
        c.escalationDueAt = c.firstResponseDueAt;
        c.resolutionEscalationDueAt = c.resolutionDueAt;
        return c;
    }

    @WithTransaction
    public Uni<CaseView> view(UUID id) {
        return cases.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No case with id " + id))
                .chain(c -> steps.history(id)
                        .chain(history -> notifications.forCase(id)
                                .chain(sent -> messages.of(id).chain(said -> resolutions.of(id)
                                        .map(resolved -> CaseView.of(c, history, sent, said, resolved))))));
    }
}
