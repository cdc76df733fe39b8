package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.events.ComplaintReceived;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.store.GroupedCalls;
import io.tikun.intake.store.IntakeStore;

/** Complaints in MongoDB, each carrying the events about it that are not yet published. */
@ApplicationScoped
public class ComplaintRepository {

    static final String COLLECTION = "complaints";
    static final String COUNTERS = "counters";
    static final String KEY_CLAIMS = "outbox_key_claims";
    private static final String PENDING = "pendingEvents";
    private static final String CLAIMED_UNTIL = "outboxClaimedUntil";
    private static final String THREAD_KEYS = "threadKeys";
    private static final String MESSAGES = "messages";
    private static final String UNDELIVERABLE = "undeliverable";
    private static final String ATTEMPTS = "attempts";
    private static final int DUPLICATE_KEY = 11000;
    /** The most new complaints one insert stores; the rest wait for the next. */
    static final int MOST_INSERTED_TOGETHER = 256;

    private final ReactiveMongoCollection<Document> complaints;
    private final ReactiveMongoCollection<Document> counters;
    private final ReactiveMongoCollection<Document> keyClaims;
    /** New complaints that arrive together, stored in one write; each answered with its own refusal, or null. */
    private final GroupedCalls<Document, MongoException> inserts;

    public ComplaintRepository(IntakeStore store) {
        this.complaints = store.collection(COLLECTION);
        this.counters = store.collection(COUNTERS);
        this.keyClaims = store.collection(KEY_CLAIMS);
        this.inserts = new GroupedCalls<>(MOST_INSERTED_TOGETHER, this::insertAll);
    }

    public Uni<Void> createIndexes() {
        return complaints.createIndex(Indexes.ascending("idempotencyKey"), new IndexOptions().unique(true))
                .chain(() -> complaints.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true)))
                .chain(() -> complaints.createIndex(Indexes.ascending("customerId")))
                .chain(() -> complaints.createIndex(Indexes.ascending(THREAD_KEYS)))
                .chain(() -> complaints.createIndex(Indexes.ascending(MESSAGES + ".dedupKey")))
                .chain(() -> complaints.createIndex(Indexes.ascending(PENDING + ".createdAt")))
                .chain(() -> complaints.createIndex(Indexes.ascending(PENDING + ".key")))
                // Serves the relay's urgent-first claim (claimStaleUrgent): urgent entries by age, not a scan of the backlog.
                .chain(() -> complaints.createIndex(Indexes.ascending(PENDING + ".topic", PENDING + ".createdAt")))
                .replaceWithVoid();
    }

    /** Takes the next {@code count} numbers of a named sequence at once, atomically; answers the last of them. */
    public Uni<Long> advanceSequence(String name, long count) {
        return counters.findOneAndUpdate(Filters.eq("_id", name), Updates.inc("value", count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(doc -> ((Number) doc.get("value")).longValue());
    }

    /** Stores a new complaint together with the events announcing it, in one write. */
    public Uni<Void> insert(Complaint complaint, List<OutboxEvent> events) {
        return insert(complaint, events, List.of());
    }

    /** Stores a new complaint, the keys its thread is found by, and the events announcing it, in one write. */
    public Uni<Void> insert(Complaint complaint, List<OutboxEvent> events, List<String> threadKeys) {
        Document doc = ComplaintDocumentMapper.toDocument(complaint)
                .append(THREAD_KEYS, threadKeys)
                .append(MESSAGES, List.of())
                .append(PENDING, events.stream().map(OutboxEvent::toDocument).toList())
                .append(CLAIMED_UNTIL, new Date(0));
        return insertDocument(doc);
    }

    /** Stores a complaint's document; fails with the server's refusal of it, such as a duplicate key. */
    Uni<Void> insertDocument(Document doc) {
        // Stored together with the complaints that arrive meanwhile; a refusal (a taken idempotency key or reference)
        // is this complaint's alone.
        return inserts.call(doc).chain(refused -> refused == null ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(refused));
    }

    /**
     * Inserts the documents in one unordered write: each is stored or refused on its own. Answers, per document, null
     * when it was stored or the server's refusal of it (its code, such as a duplicate key, kept). A failure of the
     * write as a whole (no answer, a write-concern error) fails every document, as it would have failed each alone.
     */
    Uni<List<MongoException>> insertAll(List<Document> docs) {
        return complaints.insertMany(docs, new InsertManyOptions().ordered(false))
                .map(stored -> refusals(docs.size(), List.of()))
                .onFailure(ComplaintRepository::refusedOnlySome)
                .recoverWithItem(failure -> refusals(docs.size(), ((MongoBulkWriteException) failure).getWriteErrors()));
    }

    private static boolean refusedOnlySome(Throwable failure) {
        return failure instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null;
    }

    private static List<MongoException> refusals(int documents, List<BulkWriteError> errors) {
        List<MongoException> refusals = new ArrayList<>(Collections.nCopies(documents, null));
        for (BulkWriteError error : errors) {
            refusals.set(error.getIndex(), new MongoException(error.getCode(), error.getMessage()));
        }
        return refusals;
    }

    public Uni<Complaint> findById(String id) {
        return findOne(Filters.eq("_id", id));
    }

    /** The complaint whose thread contains any of these keys (e.g. e-mail Message-IDs it was sent or answered with). */
    public Uni<Complaint> findByThreadKeys(List<String> keys) {
        return keys.isEmpty() ? Uni.createFrom().nullItem() : findOne(Filters.in(THREAD_KEYS, keys));
    }

    /**
     * The most recently opened complaint whose thread holds any of these keys, with its further messages
     * (social threading: a conversation may outlive one complaint, the newest one continues it).
     */
    public Uni<ComplaintThread> findLatestThread(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        var newestFirst = new FindOptions().sort(Sorts.descending("receivedAt")).limit(1);
        return complaints.find(Filters.in(THREAD_KEYS, keys), newestFirst).map(doc -> new ComplaintThread(
                ComplaintDocumentMapper.fromDocument(doc),
                doc.getList(MESSAGES, Document.class, List.of()).stream().map(FollowUpMessage::fromDocument).toList()))
                .collect().first();
    }

    /** The complaint that already holds the further message delivered under this dedup key, if any. */
    public Uni<Complaint> findByMessageDedupKey(String dedupKey) {
        return findOne(Filters.eq(MESSAGES + ".dedupKey", dedupKey));
    }

    /** Adds keys later messages find this complaint's thread by (e.g. the id of our own public reply). */
    public Uni<Void> addThreadKeys(String complaintId, List<String> keys) {
        return complaints.updateOne(Filters.eq("_id", complaintId), Updates.addEachToSet(THREAD_KEYS, keys))
                .replaceWithVoid();
    }

    public Uni<Complaint> findByReference(String reference) {
        return findOne(Filters.eq("reference", reference));
    }

    /**
     * Adds a customer's further message to its complaint with the event announcing it, in one
     * write; false when this message (by its dedup key) is already on the complaint.
     */
    public Uni<Boolean> appendMessage(String complaintId, FollowUpMessage message, List<String> threadKeys,
            OutboxEvent event) {
        var filter = Filters.and(Filters.eq("_id", complaintId), Filters.ne(MESSAGES + ".dedupKey", message.dedupKey()));
        var update = Updates.combine(
                Updates.push(MESSAGES, message.toDocument()),
                Updates.addEachToSet(THREAD_KEYS, threadKeys),
                Updates.push(PENDING, event.toDocument()));
        return complaints.updateOne(filter, update).map(result -> result.getModifiedCount() == 1);
    }

    /** Every complaint of a customer with the further messages in its thread. */
    public Uni<List<ComplaintThread>> threadsOf(String customerId) {
        return complaints.find(Filters.eq("customerId", customerId)).map(doc -> new ComplaintThread(
                ComplaintDocumentMapper.fromDocument(doc),
                doc.getList(MESSAGES, Document.class, List.of()).stream().map(FollowUpMessage::fromDocument).toList()))
                .collect().asList();
    }

    /** Every complaint of these customers (one person's records before and after a merge) with their threads. */
    public Uni<List<ComplaintThread>> threadsOf(List<String> customerIds) {
        return complaints.find(Filters.in("customerId", customerIds)).map(doc -> new ComplaintThread(
                ComplaintDocumentMapper.fromDocument(doc),
                doc.getList(MESSAGES, Document.class, List.of()).stream().map(FollowUpMessage::fromDocument).toList()))
                .collect().asList();
    }

    /** After a merge: the duplicate's complaints belong to the survivor (their customer snapshot stays as received). */
    public Uni<Void> reassignCustomer(String fromCustomerId, String toCustomerId) {
        return complaints.updateMany(Filters.eq("customerId", fromCustomerId), Updates.set("customerId", toCustomerId))
                .replaceWithVoid();
    }

    /** A complaint and the customer's further messages on it. */
    public record ComplaintThread(Complaint complaint, List<FollowUpMessage> messages) {
    }

    public Uni<Complaint> findByIdempotencyKey(String key) {
        return findOne(Filters.eq("idempotencyKey", key));
    }

    private Uni<Complaint> findOne(org.bson.conversions.Bson filter) {
        return complaints.find(filter).collect().first()
                .map(doc -> doc == null ? null : ComplaintDocumentMapper.fromDocument(doc));
    }

    /** Forgets an event once the broker has acknowledged it. */
    public Uni<Void> markPublished(String complaintId, String eventId) {
        return markPublished(complaintId, List.of(eventId));
    }

    /** Forgets these events once the broker (or the mail server) has accepted them, in one write. */
    public Uni<Void> markPublished(String complaintId, List<String> eventIds) {
        return complaints.updateOne(Filters.eq("_id", complaintId), forgetting(eventIds)).replaceWithVoid();
    }

    /** Some complaints' events the broker accepted: the ids of the events, by complaint. */
    public record PublishedEvents(String complaintId, List<String> eventIds) {
    }

    /** Forgets the accepted events of several complaints in one round trip (an unordered bulk of updates). */
    public Uni<Void> markPublished(List<PublishedEvents> published) {
        if (published.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UpdateOneModel<Document>> updates = published.stream()
                .map(p -> new UpdateOneModel<Document>(Filters.eq("_id", p.complaintId()), forgetting(p.eventIds())))
                .toList();
        return complaints.bulkWrite(updates, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    private static Bson forgetting(List<String> eventIds) {
        return Updates.pullByFilter(new Document(PENDING, new Document("id", new Document("$in", eventIds))));
    }

    /**
     * Claims one complaint whose events were left unpublished since before {@code staleBefore}
     * (the inline send failed or the instance died), so that only this relay instance retries it
     * until {@code claimUntil}. Returns the pending events, or null when there is nothing to do.
     */
    public Uni<ClaimedEvents> claimStale(Instant now, Instant staleBefore, Instant claimUntil) {
        return claim(Filters.lt(PENDING + ".createdAt", Date.from(staleBefore)), now, claimUntil);
    }

    /**
     * Like {@link #claimStale}, but only a complaint holding a stale entry on the urgent lane: the relay claims these
     * first, so an urgent event never waits behind a backlog of ordinary ones.
     */
    public Uni<ClaimedEvents> claimStaleUrgent(Instant now, Instant staleBefore, Instant claimUntil) {
        return claim(Filters.elemMatch(PENDING, Filters.and(Filters.eq("topic", ComplaintReceived.URGENT_TOPIC),
                Filters.lt("createdAt", Date.from(staleBefore)))), now, claimUntil);
    }

    private Uni<ClaimedEvents> claim(org.bson.conversions.Bson stale, Instant now, Instant claimUntil) {
        var filter = Filters.and(stale, Filters.lt(CLAIMED_UNTIL, Date.from(now)));
        return complaints.findOneAndUpdate(filter, Updates.set(CLAIMED_UNTIL, Date.from(claimUntil)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null
                        : new ClaimedEvents(doc.getString("_id"), doc.getList(PENDING, Document.class).stream()
                                .map(OutboxEvent::fromDocument).toList(),
                                doc.getList(PENDING, Document.class).stream().collect(Collectors.toMap(
                                        pending -> pending.getString("id"), pending -> pending.getInteger(ATTEMPTS, 0),
                                        (first, second) -> first))));
    }

    /** The unpublished events of one complaint, claimed by this relay instance, and the attempts each failed. */
    public record ClaimedEvents(String complaintId, List<OutboxEvent> events, Map<String, Integer> failedAttempts) {

        public int failedAttempts(OutboxEvent event) {
            return failedAttempts.getOrDefault(event.id(), 0);
        }
    }

    /**
     * Claims the outbox of one event key (a customer) for {@code owner} until {@code until}, across instances: only the
     * holder publishes that key's events, so they leave in creation order. False when another owner holds it.
     */
    public Uni<Boolean> claimKey(String key, String owner, Instant now, Instant until) {
        var free = Filters.and(Filters.eq("_id", key), Filters.lt(CLAIMED_UNTIL, Date.from(now)));
        return keyClaims.findOneAndUpdate(free,
                Updates.combine(Updates.set(CLAIMED_UNTIL, Date.from(until)), Updates.set("owner", owner)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc != null && owner.equals(doc.getString("owner")))
                // Held by someone else: the upsert tried to insert a second document with this _id.
                .onFailure(ComplaintRepository::isDuplicateKey).recoverWithItem(false);
    }

    /** Lets the key go at once, if {@code owner} still holds it. */
    public Uni<Void> releaseKey(String key, String owner) {
        return keyClaims.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("owner", owner)),
                Updates.set(CLAIMED_UNTIL, new Date(0))).replaceWithVoid();
    }

    /**
     * Every pending broker event (not customer e-mail) of one key, in any complaint, oldest first; entries created
     * at the same instant keep their order within their complaint.
     */
    public Uni<List<KeyedEvent>> pendingBrokerEvents(String key) {
        return complaints.find(Filters.eq(PENDING + ".key", key))
                .onItem().transformToIterable(doc -> doc.getList(PENDING, Document.class).stream()
                        .filter(entry -> key.equals(entry.getString("key"))
                                && !OutboxEvent.MAIL_TOPIC.equals(entry.getString("topic")))
                        .map(entry -> new KeyedEvent(doc.getString("_id"), OutboxEvent.fromDocument(entry),
                                entry.getInteger(ATTEMPTS, 0)))
                        .toList())
                .collect().asList()
                .map(events -> events.stream().sorted(Comparator.comparing((KeyedEvent e) -> e.event().createdAt())).toList());
    }

    /** One pending broker event, the complaint holding it and how often sending it failed. */
    public record KeyedEvent(String complaintId, OutboxEvent event, int failedAttempts) {
    }

    /** Records that the relay tried one pending entry and failed. */
    public Uni<Void> recordFailedAttempt(String complaintId, String eventId, String error) {
        return complaints.updateOne(Filters.and(Filters.eq("_id", complaintId), Filters.eq(PENDING + ".id", eventId)),
                Updates.combine(Updates.inc(PENDING + ".$." + ATTEMPTS, 1), Updates.set(PENDING + ".$.lastError", error)))
                .replaceWithVoid();
    }

    /**
     * Gives up on one pending entry: it leaves the outbox and is kept on the complaint as undeliverable,
     * with how often it was tried and the last error, for an operator to see.
     */
    public Uni<Void> abandon(String complaintId, OutboxEvent event, int attempts, String error, Instant at) {
        Document entry = event.toDocument().append(ATTEMPTS, attempts).append("lastError", error)
                .append("abandonedAt", Date.from(at));
        return complaints.updateOne(Filters.eq("_id", complaintId), Updates.combine(
                Updates.pull(PENDING, new Document("id", event.id())), Updates.push(UNDELIVERABLE, entry)))
                .replaceWithVoid();
    }

    /**
     * The entries of one page of complaints with an outbox entry the relay gave up on, newest complaint first
     * (an operator's list; not indexed).
     */
    public Uni<List<UndeliverableEntry>> undeliverable(int page, int size) {
        var newestFirst = new FindOptions().sort(Sorts.descending("receivedAt")).skip(page * size).limit(size);
        return complaints.find(Filters.exists(UNDELIVERABLE + ".0"), newestFirst)
                .onItem().transformToIterable(doc -> doc.getList(UNDELIVERABLE, Document.class).stream()
                        .map(entry -> new UndeliverableEntry(doc.getString("_id"), doc.getString("reference"),
                                entry.getString("id"), entry.getString("type"), entry.getString("topic"),
                                entry.getInteger(ATTEMPTS, 0), entry.getString("lastError"),
                                entry.getDate("abandonedAt").toInstant()))
                        .toList())
                .collect().asList();
    }

    /** How many complaints have entries waiting in the outbox (events or acknowledgements not yet sent). */
    public Uni<Long> outboxBacklog() {
        return complaints.countDocuments(Filters.exists(PENDING + ".0"));
    }

    /** An outbox entry the relay gave up on. */
    public record UndeliverableEntry(String complaintId, String reference, String eventId, String type, String topic,
            int attempts, String lastError, Instant abandonedAt) {
    }

    static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoException e && e.getCode() == DUPLICATE_KEY;
    }
}
