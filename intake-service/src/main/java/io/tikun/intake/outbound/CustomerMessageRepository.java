package io.tikun.intake.outbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.store.IntakeStore;

/**
 * Requested customer messages ({@code customer_messages}, {@code _id} = the requester's messageId). Each document is its
 * own outbox: a status change and the event announcing it ({@code pendingEvents}) are one single-document write.
 */
@ApplicationScoped
public class CustomerMessageRepository {

    public static final String COLLECTION = "customer_messages";
    private static final int DUPLICATE_KEY = 11000;
    private static final String STATUS = "status";
    private static final String DUE_AT = "dueAt";
    private static final String OWNER = "owner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String ATTEMPTS = "attempts";
    private static final String PENDING_EVENTS = "pendingEvents";
    private static final String OUTBOX_CLAIMED_UNTIL = "outboxClaimedUntil";
    private static final String UPDATED_AT = "updatedAt";
    /** Each provider id of a sent message (one per part; {@code providerMessageId} joins them with commas). */
    private static final String PROVIDER_IDS = "providerIds";
    private static final Date NEVER = new Date(0);

    private final ReactiveMongoCollection<Document> messages;

    public CustomerMessageRepository(IntakeStore store) {
        this.messages = store.collection(COLLECTION);
    }

    public Uni<Void> createIndexes() {
        return messages.createIndex(Indexes.ascending(STATUS, DUE_AT))
                .chain(() -> messages.createIndex(Indexes.ascending("complaintId")))
                .chain(() -> messages.createIndex(Indexes.ascending(PENDING_EVENTS + ".createdAt")))
                .chain(() -> messages.createIndex(Indexes.ascending(PROVIDER_IDS)))
                .replaceWithVoid();
    }

    /** Stores a new request, due at once; false when this messageId was requested before (nothing changes). */
    public Uni<Boolean> insertPending(CustomerMessageRequest request, Instant now) {
        Document doc = CustomerMessage.requestDocument(request)
                .append(STATUS, CustomerMessage.State.PENDING.name())
                .append(ATTEMPTS, 0)
                .append(DUE_AT, Date.from(now))
                .append(OWNER, null)
                .append(LEASE_UNTIL, NEVER)
                .append("channel", null)
                .append("receivedAt", Date.from(now))
                .append(UPDATED_AT, Date.from(now))
                .append(PENDING_EVENTS, List.of())
                .append(OUTBOX_CLAIMED_UNTIL, NEVER);
        return insert(doc);
    }

    /** Stores a request that cannot be delivered at all, FAILED at once with its status event; false when known. */
    public Uni<Boolean> insertFailed(CustomerMessageRequest request, String channel, String reason, OutboxEvent event,
            Instant now) {
        Document doc = CustomerMessage.requestDocument(request)
                .append(STATUS, CustomerMessage.State.FAILED.name())
                .append(ATTEMPTS, 0)
                .append(DUE_AT, null)
                .append(OWNER, null)
                .append(LEASE_UNTIL, NEVER)
                .append("channel", channel)
                .append("reason", reason)
                .append("receivedAt", Date.from(now))
                .append(UPDATED_AT, Date.from(now))
                .append(PENDING_EVENTS, List.of(event.toDocument()))
                .append(OUTBOX_CLAIMED_UNTIL, NEVER);
        return insert(doc);
    }

    private Uni<Boolean> insert(Document doc) {
        return messages.insertOne(doc).map(inserted -> true)
                .onFailure(CustomerMessageRepository::isDuplicateKey).recoverWithItem(false);
    }

    public Uni<CustomerMessage> findById(String messageId) {
        return messages.find(Filters.eq("_id", messageId)).collect().first()
                .map(doc -> doc == null ? null : CustomerMessage.fromDocument(doc));
    }

    /**
     * Claims one due PENDING message for {@code owner} until {@code leaseUntil} and starts its next attempt, in one
     * atomic update: of two dispatchers asking at once only one gets it. A lease that ran out (its holder died) may
     * be claimed again. Null when nothing is due.
     */
    public Uni<CustomerMessage> claimDue(String owner, Instant now, Instant leaseUntil) {
        Bson due = Filters.and(Filters.eq(STATUS, CustomerMessage.State.PENDING.name()),
                Filters.lte(DUE_AT, Date.from(now)), Filters.lt(LEASE_UNTIL, Date.from(now)));
        Bson claim = Updates.combine(Updates.set(OWNER, owner), Updates.set(LEASE_UNTIL, Date.from(leaseUntil)),
                Updates.inc(ATTEMPTS, 1));
        return messages.findOneAndUpdate(due, claim,
                new FindOneAndUpdateOptions().sort(Sorts.ascending(DUE_AT)).returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : CustomerMessage.fromDocument(doc));
    }

    /** Still this claimant's attempt: a lease taken over by another instance makes this claimant's markings void. */
    private static Bson held(String messageId, String owner, int attempt) {
        return Filters.and(Filters.eq("_id", messageId), Filters.eq(OWNER, owner), Filters.eq(ATTEMPTS, attempt),
                Filters.eq(STATUS, CustomerMessage.State.PENDING.name()));
    }

    /**
     * The attempt reached a final state (SENT or FAILED), announced by {@code event}; false when no longer held.
     * {@code sentTo} is the e-mail address a SENT mail went to, else null.
     */
    public Uni<Boolean> markFinal(String messageId, String owner, int attempt, CustomerMessage.State state,
            String channel, String reason, String providerMessageId, String sentTo, OutboxEvent event, Instant now) {
        return messages.updateOne(held(messageId, owner, attempt), Updates.combine(
                Updates.set(STATUS, state.name()), Updates.set("channel", channel), Updates.set("reason", reason),
                Updates.set("providerMessageId", providerMessageId), Updates.set(PROVIDER_IDS, providerIds(providerMessageId)),
                Updates.set("sentTo", sentTo),
                Updates.set(DUE_AT, null),
                Updates.set(LEASE_UNTIL, NEVER), Updates.set(UPDATED_AT, Date.from(now)),
                Updates.push(PENDING_EVENTS, event.toDocument())))
                .map(result -> result.getModifiedCount() == 1);
    }

    private static List<String> providerIds(String providerMessageId) {
        return providerMessageId == null ? List.of()
                : Arrays.stream(providerMessageId.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /** The sent (not yet delivered) message one of whose parts the provider knows as {@code providerId}; null if none. */
    public Uni<CustomerMessage> findSentByProviderId(String providerId) {
        return messages.find(Filters.and(Filters.eq(PROVIDER_IDS, providerId),
                Filters.eq(STATUS, CustomerMessage.State.SENT.name()))).collect().first()
                .map(doc -> doc == null ? null : CustomerMessage.fromDocument(doc));
    }

    /** The network reported a sent message delivered, announced by {@code event}; false if it was not SENT any more. */
    public Uni<Boolean> markDelivered(String messageId, OutboxEvent event, Instant now) {
        return messages.updateOne(
                Filters.and(Filters.eq("_id", messageId), Filters.eq(STATUS, CustomerMessage.State.SENT.name())),
                Updates.combine(Updates.set(STATUS, CustomerMessage.State.DELIVERED.name()),
                        Updates.set(UPDATED_AT, Date.from(now)), Updates.push(PENDING_EVENTS, event.toDocument())))
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * The network gave up on a message it had accepted: SENT becomes FAILED with {@code reason}, announced by
     * {@code event}; false if it was not SENT any more (delivered meanwhile, or already failed).
     */
    public Uni<Boolean> markFailedAfterSending(String messageId, String reason, OutboxEvent event, Instant now) {
        return messages.updateOne(
                Filters.and(Filters.eq("_id", messageId), Filters.eq(STATUS, CustomerMessage.State.SENT.name())),
                Updates.combine(Updates.set(STATUS, CustomerMessage.State.FAILED.name()), Updates.set("reason", reason),
                        Updates.set(UPDATED_AT, Date.from(now)), Updates.push(PENDING_EVENTS, event.toDocument())))
                .map(result -> result.getModifiedCount() == 1);
    }

    /** The attempt failed for now: the message is due again at {@code dueAt}; false when no longer held. */
    public Uni<Boolean> markRetry(String messageId, String owner, int attempt, String channel, String reason,
            Instant dueAt, Instant now) {
        return messages.updateOne(held(messageId, owner, attempt), Updates.combine(
                Updates.set("channel", channel), Updates.set("reason", reason), Updates.set(DUE_AT, Date.from(dueAt)),
                Updates.set(LEASE_UNTIL, NEVER), Updates.set(OWNER, null), Updates.set(UPDATED_AT, Date.from(now))))
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Claims one message whose status events were left unpublished since before {@code staleBefore} (the publication
     * right after the change failed, or the instance died), for this relay until {@code until}; null when none.
     */
    public Uni<PendingStatusEvents> claimUnpublished(Instant now, Instant staleBefore, Instant until) {
        Bson stale = Filters.and(Filters.lt(PENDING_EVENTS + ".createdAt", Date.from(staleBefore)),
                Filters.lt(OUTBOX_CLAIMED_UNTIL, Date.from(now)));
        return messages.findOneAndUpdate(stale, Updates.set(OUTBOX_CLAIMED_UNTIL, Date.from(until)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : pendingOf(doc));
    }

    /** The status events a message still has to publish, oldest first. */
    public Uni<PendingStatusEvents> unpublished(String messageId) {
        return messages.find(Filters.eq("_id", messageId)).collect().first()
                .map(doc -> doc == null ? null : pendingOf(doc));
    }

    private static PendingStatusEvents pendingOf(Document doc) {
        return new PendingStatusEvents(CustomerMessage.fromDocument(doc), doc.getList(PENDING_EVENTS, Document.class)
                .stream().map(OutboxEvent::fromDocument).toList());
    }

    /** A message and the status events it has not published yet. */
    public record PendingStatusEvents(CustomerMessage message, List<OutboxEvent> events) {
    }

    /** Forgets a status event once the broker has acknowledged it. */
    public Uni<Void> markPublished(String messageId, String eventId) {
        return messages.updateOne(Filters.eq("_id", messageId),
                Updates.pullByFilter(new Document(PENDING_EVENTS, new Document("id", eventId)))).replaceWithVoid();
    }

    /** Every message requested for a complaint, in the order they were requested. */
    public Uni<List<CustomerMessage>> ofComplaint(String complaintId) {
        return messages.find(Filters.eq("complaintId", complaintId), new FindOptions().sort(Sorts.ascending("receivedAt")))
                .map(CustomerMessage::fromDocument).collect().asList();
    }

    /** How many messages have status events waiting to be published. */
    public Uni<Long> unpublishedBacklog() {
        return messages.countDocuments(Filters.exists(PENDING_EVENTS + ".0"));
    }

    static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoException e && e.getCode() == DUPLICATE_KEY;
    }
}
