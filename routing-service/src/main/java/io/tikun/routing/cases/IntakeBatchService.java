package io.tikun.routing.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.callback.CallbackScheduler;
import io.tikun.routing.inbox.ProcessedEvent;
import io.tikun.routing.inbox.ProcessedEventRepository;
import io.tikun.routing.intake.IntakeEvent;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.outbox.OutboxMessage;

/**
 * Applies a batch of intake events (new complaints and customers' further messages) in one transaction, with the
 * effect of applying them one after another in the order given: a few multi-row reads up front (events already
 * applied, cases of these complaints, messages already stored, each customer's recent cases), the decisions in
 * memory, then every row written in one flush (statement batching groups the inserts).
 */
@ApplicationScoped
public class IntakeBatchService {

    private final CaseService cases;
    private final CaseRepository caseRows;
    private final CaseMessageRepository messages;
    private final ProcessedEventRepository processed;
    private final Duration repeatWithin;
    private final Clock clock;

    public IntakeBatchService(CaseService cases, CaseRepository caseRows, CaseMessageRepository messages,
            ProcessedEventRepository processed, RoutingConfig config, Clock clock) {
        this.cases = cases;
        this.caseRows = caseRows;
        this.messages = messages;
        this.processed = processed;
        this.repeatWithin = config.escalation().repeatWithin();
        this.clock = clock;
    }

    /** What a batch committed: what to publish and deliver right away, and what to count once committed. */
    public record Applied(int opened, int joined, List<UUID> outboxIds, List<UUID> notificationIds,
            List<Runnable> onCommitted) {
    }

    /** Applies {@code events} in order, exactly once per event id and per complaint, all or nothing. */
    @WithTransaction
    public Uni<Applied> apply(List<IntakeEvent> events) {
        // Deferred: a retry subscribes again and must start from what the store holds, not from a failed attempt.
        return Uni.createFrom().deferred(() -> applyNow(events));
    }

    private Uni<Applied> applyNow(List<IntakeEvent> events) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Set<String> eventIds = new LinkedHashSet<>();
        Set<String> complaintIds = new LinkedHashSet<>();
        Set<String> customerIds = new LinkedHashSet<>();
        Set<String> messageIds = new LinkedHashSet<>();
        for (IntakeEvent event : events) {
            eventIds.add(event.eventId());
            if (event instanceof IntakeEvent.Received received) {
                complaintIds.add(received.complaint().complaintId());
                customerIds.add(received.complaint().customer().id());
            } else if (event instanceof IntakeEvent.Added added) {
                complaintIds.add(added.message().complaintId());
                messageIds.add(added.message().messageId());
            }
        }
        Batch batch = new Batch(now);
        return processed.processedAmong(eventIds).invoke(batch.seen::addAll)
                .chain(() -> caseRows.ofComplaints(complaintIds))
                .invoke(found -> found.forEach(c -> batch.byComplaint.put(c.complaintId, c)))
                .chain(() -> messages.knownAmong(messageIds)).invoke(batch.knownMessages::addAll)
                .chain(() -> caseRows.countsOfCustomersSince(customerIds, now.minus(repeatWithin)))
                .invoke(batch.earlierCases::putAll)
                .invoke(() -> events.forEach(batch::apply))
                .chain(() -> batch.write());
    }

    /** The batch's state while it is applied in memory: what the store holds plus what earlier events did. */
    private final class Batch {
        final Instant now;
        final Set<String> seen = new HashSet<>();
        final Map<String, SupportCase> byComplaint = new HashMap<>();
        final Set<String> knownMessages = new HashSet<>();
        final Map<String, Long> earlierCases = new HashMap<>();
        final List<CaseService.OpeningRows> openings = new ArrayList<>();
        final List<CallbackScheduler.FirstCallback> callbacks = new ArrayList<>();
        final List<CaseMessage> newMessages = new ArrayList<>();
        final List<ProcessedEvent> applied = new ArrayList<>();

        /**
         * Events applied so far: each gets two microseconds of its own (the second for a callback its case may owe), so
         * the outbox keeps one customer's events in order.
         */
        long applyCount;

        Batch(Instant now) {
            this.now = now;
        }

        void apply(IntakeEvent event) {
            if (!seen.add(event.eventId())) {
                return;
            }
            // The relay orders a key's rows by (created_at, id): rows of one instant would go out in id order.
            Instant at = now.plus(2 * applyCount++, ChronoUnit.MICROS);
            applied.add(ProcessedEvent.of(event.eventId(), at));
            if (event instanceof IntakeEvent.Received received) {
                open(received, at);
            } else if (event instanceof IntakeEvent.Added added) {
                join(added, at);
            }
        }

        private void open(IntakeEvent.Received received, Instant now) {
            var complaint = received.complaint();
            if (byComplaint.containsKey(complaint.complaintId())) {
                return;
            }
            String customer = complaint.customer().id();
            long earlier = earlierCases.getOrDefault(customer, 0L);
            CaseService.OpeningRows rows = cases.opening(complaint, earlier, now);
            openings.add(rows);
            CallbackScheduler.FirstCallback callback = cases.firstCallback(rows.supportCase(), now);
            if (callback != null) {
                callbacks.add(callback);
            }
            byComplaint.put(complaint.complaintId(), rows.supportCase());
            earlierCases.put(customer, earlier + 1);
        }

        private void join(IntakeEvent.Added added, Instant now) {
            var message = added.message();
            SupportCase c = byComplaint.get(message.complaintId());
            if (c == null || !knownMessages.add(message.messageId())) {
                return;
            }
            newMessages.add(cases.customerMessage(c, message, now));
        }

        Uni<Applied> write() {
            List<Object> rows = new ArrayList<>();
            List<UUID> outboxIds = new ArrayList<>();
            List<UUID> notificationIds = new ArrayList<>();
            List<Runnable> measures = new ArrayList<>();
            // Grouped by table so that statement batching sends each table's inserts together; cases before the rows
            // that refer to them.
            openings.forEach(o -> rows.add(o.supportCase()));
            openings.forEach(o -> rows.add(o.first()));
            callbacks.forEach(c -> rows.add(c.task()));
            List<OutboxMessage> events = new ArrayList<>();
            openings.forEach(o -> events.add(o.event()));
            callbacks.forEach(c -> events.add(c.event()));
            events.forEach(e -> {
                rows.add(e);
                outboxIds.add(e.id);
            });
            List<Notification> alerts = new ArrayList<>();
            openings.forEach(o -> alerts.addAll(o.alerts()));
            callbacks.forEach(c -> alerts.addAll(c.alerts()));
            alerts.forEach(n -> {
                rows.add(n);
                notificationIds.add(n.id);
            });
            openings.forEach(o -> measures.add(o.measure()));
            rows.addAll(newMessages);
            rows.addAll(applied);
            // No read after the rows are handed over: a query would flush every pending row first, once per query.
            return caseRows.getSession().chain(session -> session.persistAll(rows.toArray()))
                    .map(ignored -> new Applied(openings.size(), newMessages.size(), outboxIds, notificationIds,
                            measures));
        }
    }
}
