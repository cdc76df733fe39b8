package io.tikun.intake.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.GroupedCalls;
import io.tikun.intake.store.IntakeStore;

/** Customers in MongoDB, one document per person, found by any of their identifiers. */
@ApplicationScoped
public class CustomerRepository {

    static final String COLLECTION = "customers";
    private static final int DUPLICATE_KEY = 11000;
    private static final int UPSERT_ATTEMPTS = 2;
    private static final String CUSTOMER_ID = "customerId";
    private static final String MERGED_INTO = "mergedInto";
    private static final String MERGES = "merges";
    private static final String RECENT_COMPLAINTS = "recentComplaints";
    private static final String PROVISIONAL = "provisional";

    static final String IDENTITIES = "customer_identities";

    /** The most complaints whose identifiers one lookup reads; the rest wait for the next. */
    private static final int MOST_LOOKED_UP_TOGETHER = 256;

    private final ReactiveMongoCollection<Document> customers;
    private final ReactiveMongoCollection<Document> identities;
    /** Identifiers of complaints that arrive together, looked up in one read ({@link GroupedCalls}). */
    private final GroupedCalls<List<String>, Map<String, String>> owners;

    public CustomerRepository(IntakeStore store) {
        this.customers = store.collection(COLLECTION);
        this.identities = store.collection(IDENTITIES);
        this.owners = new GroupedCalls<>(MOST_LOOKED_UP_TOGETHER, this::ownersOf);
    }

    public Uni<Void> createIndexes() {
        return customers.createIndex(Indexes.ascending("identities"))
                .chain(() -> customers.createIndex(Indexes.ascending(MERGED_INTO)))
                .chain(() -> identities.createIndex(Indexes.ascending(CUSTOMER_ID)))
                .replaceWithVoid();
    }

    /**
     * The customer any of these identifiers belongs to, created on first contact; {@code keys[0]} is
     * the channel's own identifier and wins when the identifiers point to different customers (an
     * agent merges those). The identity collection maps each identifier to one customer (its _id is
     * the identifier, so uniqueness needs no extra index and upserts are atomic); identifiers not seen
     * before are claimed for the customer, whose name and contact details are then refreshed.
     */
    public Uni<CustomerProfile> resolve(List<String> keys, CustomerIdentity identity, Instant now) {
        // Looked up together with the identifiers of complaints that arrive meanwhile: one read for them all.
        return owners.call(keys).chain(known -> {
            String candidate = candidate(keys, known);
            if (keys.stream().allMatch(key -> candidate.equals(known.get(key)))) {
                // A returning customer: every identifier is already theirs, there is nothing to claim.
                return refresh(candidate, keys, identity, now);
            }
            return claimAll(keys, candidate, identity, now);
        });
    }

    /** For each list of identifiers, the customer each known one belongs to: one read for all the lists. */
    private Uni<List<Map<String, String>>> ownersOf(List<List<String>> keyLists) {
        List<String> all = keyLists.stream().flatMap(List::stream).distinct().toList();
        return identities.find(Filters.in("_id", all)).collect().asList()
                .map(links -> links.stream().collect(Collectors.toMap(d -> d.getString("_id"),
                        d -> d.getString(CUSTOMER_ID))))
                .map(known -> keyLists.stream().map(keys -> keys.stream().filter(known::containsKey)
                        .collect(Collectors.toMap(key -> key, known::get, (a, b) -> a))).toList());
    }

    /** Claims each identifier for the customer {@code keys[0]} belongs to (or {@code candidate}), then refreshes them. */
    private Uni<CustomerProfile> claimAll(List<String> keys, String candidate, CustomerIdentity identity, Instant now) {
        return claim(keys.get(0), candidate, now)
                .chain(customerId -> Multi.createFrom().iterable(keys.subList(1, keys.size()))
                        .onItem().transformToUniAndConcatenate(key -> claim(key, customerId, now))
                        .collect().asList()
                        .map(owners -> {
                            List<String> owned = new ArrayList<>(List.of(keys.get(0)));
                            for (int i = 0; i < owners.size(); i++) {
                                if (customerId.equals(owners.get(i))) {
                                    owned.add(keys.get(i + 1));
                                }
                            }
                            return owned;
                        })
                        .chain(owned -> refresh(customerId, owned, identity, now)));
    }

    private static String candidate(List<String> keys, Map<String, String> known) {
        return keys.stream().map(known::get).filter(id -> id != null).findFirst()
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    /** The customer who owns {@code key}: {@code customerId} if nobody did before. */
    private Uni<String> claim(String key, String customerId, Instant now) {
        var claim = Updates.combine(
                Updates.setOnInsert(CUSTOMER_ID, customerId),
                Updates.setOnInsert("createdAt", Date.from(now)));
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        // Two first contacts racing on one identifier: the loser's upsert hits the _id; its retry finds the winner.
        return identities.findOneAndUpdate(Filters.eq("_id", key), claim, options)
                .onFailure(CustomerRepository::isDuplicateKey).retry().atMost(UPSERT_ATTEMPTS)
                .map(link -> link.getString(CUSTOMER_ID));
    }

    private Uni<CustomerProfile> refresh(String customerId, List<String> keys, CustomerIdentity identity, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("createdAt", Date.from(now)),
                Updates.set("updatedAt", Date.from(now)),
                Updates.addEachToSet("identities", keys)));
        if (identity.name() != null && !identity.name().isBlank()) {
            updates.add(Updates.set("name", identity.name().strip()));
        }
        if (identity.email() != null) {
            updates.add(Updates.set("email", identity.email()));
        }
        if (identity.phone() != null) {
            updates.add(Updates.set("phone", identity.phone()));
        }
        if (identity.handle() != null) {
            updates.add(Updates.addToSet("handles", identity.handle()));
        }
        return customers.findOneAndUpdate(Filters.eq("_id", customerId), Updates.combine(updates),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(CustomerRepository::toProfile);
    }

    /**
     * A customer of its own for a complaint whose contact details nobody has proven to own (the anonymous form): it
     * claims no identifier, so an address typed by a stranger leads to nobody's history, and nobody's tier or earlier
     * complaints judge it. Confirming it merges it into the address owner.
     */
    public Uni<CustomerProfile> createProvisional(CustomerIdentity identity, Instant now) {
        Document doc = new Document("_id", UUID.randomUUID().toString())
                .append("name", identity.name() == null ? "" : identity.name().strip())
                .append("email", identity.email())
                .append("phone", identity.phone())
                .append("identities", List.of())
                .append(PROVISIONAL, true)
                .append("createdAt", Date.from(now))
                .append("updatedAt", Date.from(now));
        return customers.insertOne(doc).map(inserted -> toProfile(doc));
    }

    /** A customer's complaint, by when it was received. */
    public record ComplaintOf(String customerId, Instant receivedAt) {
    }

    /**
     * Remembers when the customers complained, keeping only each one's newest {@code keep}: the repeat-complaint count
     * then reads the customer's own record instead of searching every complaint. One round trip for them all (an
     * unordered bulk of updates; two of one customer's keep their order, the times being kept sorted).
     */
    public Uni<Void> rememberComplaints(List<ComplaintOf> complaints, int keep) {
        if (complaints.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UpdateOneModel<Document>> updates = complaints.stream().map(complaint -> new UpdateOneModel<Document>(
                Filters.eq("_id", complaint.customerId()), remembering(complaint.receivedAt(), keep))).toList();
        return customers.bulkWrite(updates, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** Adds a complaint's time to the customer's newest ones, keeping the {@code keep} newest, in order. */
    private static Bson remembering(Instant receivedAt, int keep) {
        return Updates.pushEach(RECENT_COMPLAINTS, List.of(Date.from(receivedAt)), new PushOptions().sort(1).slice(-keep));
    }

    public Uni<Customer> findById(String id) {
        return findProfile(id).map(profile -> profile == null ? null : profile.summary());
    }

    public Uni<CustomerProfile> findProfile(String id) {
        return customers.find(Filters.eq("_id", id)).collect().first()
                .map(doc -> doc == null ? null : toProfile(doc));
    }

    /** The ids of the customers merged into this one, directly or through an earlier merge. */
    public Uni<List<String>> mergedInto(String customerId) {
        return customers.find(Filters.eq(MERGED_INTO, customerId)).map(doc -> doc.getString("_id")).collect().asList();
    }

    public Uni<CustomerProfile> setTier(String id, CustomerTier tier, Instant now) {
        return customers.findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.set("tier", tier.name()), Updates.set("updatedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : toProfile(doc));
    }

    /**
     * First step of a merge: marks the duplicate as merged into the survivor, unless it was merged
     * elsewhere already (then null). Repeating it for the same survivor finds the mark in place, so an
     * interrupted merge can be run again.
     */
    public Uni<CustomerProfile> markMerged(String duplicateId, String survivorId, String by, Instant now) {
        var filter = Filters.and(Filters.eq("_id", duplicateId),
                Filters.or(Filters.eq(MERGED_INTO, null), Filters.eq(MERGED_INTO, survivorId)));
        var update = Updates.combine(Updates.set(MERGED_INTO, survivorId), Updates.set("mergedBy", by),
                Updates.set("mergedAt", Date.from(now)), Updates.set("updatedAt", Date.from(now)));
        return customers.findOneAndUpdate(filter, update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : toProfile(doc));
    }

    /** Points the duplicate's identifiers, and customers merged into it earlier, to the survivor. */
    public Uni<Void> moveIdentities(String duplicateId, String survivorId) {
        return identities.updateMany(Filters.eq(CUSTOMER_ID, duplicateId), Updates.set(CUSTOMER_ID, survivorId))
                .chain(() -> customers.updateMany(Filters.eq(MERGED_INTO, duplicateId), Updates.set(MERGED_INTO, survivorId)))
                .replaceWithVoid();
    }

    /** Last step of a merge: the survivor takes the duplicate's identifiers and handles and records the merge once. */
    public Uni<CustomerProfile> absorb(String survivorId, CustomerProfile duplicate, String by, Instant now, int keep) {
        var update = Updates.combine(
                Updates.addEachToSet("identities", duplicate.identities()),
                Updates.addEachToSet("handles", duplicate.handles()),
                Updates.pushEach(RECENT_COMPLAINTS, duplicate.recentComplaints().stream().map(Date::from).toList(),
                        new PushOptions().sort(1).slice(-keep)),
                Updates.push(MERGES, new Document("duplicateCustomerId", duplicate.id()).append("mergedBy", by)
                        .append("mergedAt", Date.from(now))),
                Updates.set("updatedAt", Date.from(now)));
        var filter = Filters.and(Filters.eq("_id", survivorId), Filters.ne(MERGES + ".duplicateCustomerId", duplicate.id()));
        return customers.updateOne(filter, update).chain(() -> findProfile(survivorId));
    }

    static CustomerProfile toProfile(Document doc) {
        String name = doc.getString("name");
        String tier = doc.getString("tier");
        return new CustomerProfile(doc.getString("_id"), name == null ? "" : name, doc.getString("email"),
                doc.getString("phone"), tier == null ? CustomerTier.STANDARD : CustomerTier.valueOf(tier),
                doc.getList("identities", String.class, List.of()), doc.getList("handles", String.class, List.of()),
                doc.getString(MERGED_INTO),
                doc.getList(MERGES, Document.class, List.of()).stream()
                        .map(m -> new CustomerProfile.Merge(m.getString("duplicateCustomerId"), m.getString("mergedBy"),
                                instant(m.getDate("mergedAt"))))
                        .toList(),
                instant(doc.getDate("createdAt")), instant(doc.getDate("updatedAt")),
                doc.getList(RECENT_COMPLAINTS, Date.class, List.of()).stream().map(Date::toInstant).toList(),
                Boolean.TRUE.equals(doc.getBoolean(PROVISIONAL)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoException e && e.getCode() == DUPLICATE_KEY;
    }
}
