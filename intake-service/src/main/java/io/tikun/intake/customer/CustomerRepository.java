package io.tikun.intake.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;

/** Customers in MongoDB, one document per person, found by any of their identifiers. */
@ApplicationScoped
public class CustomerRepository {

    static final String COLLECTION = "customers";
    private static final int DUPLICATE_KEY = 11000;
    private static final int UPSERT_ATTEMPTS = 2;

    static final String IDENTITIES = "customer_identities";

    private final ReactiveMongoCollection<Document> customers;
    private final ReactiveMongoCollection<Document> identities;

    public CustomerRepository(IntakeStore store) {
        this.customers = store.collection(COLLECTION);
        this.identities = store.collection(IDENTITIES);
    }

    public Uni<Void> createIndexes() {
        return customers.createIndex(Indexes.ascending("identities")).replaceWithVoid();
    }

    /**
     * The customer this identity belongs to, created on first contact. The identity collection
     * maps each identifier to one customer (its _id is the identifier, so uniqueness needs no
     * extra index and upserts are atomic); the customer's name and contact details are then
     * refreshed from what the channel just told us.
     */
    public Uni<Customer> resolve(CustomerIdentity identity, Instant now) {
        var claim = Updates.combine(
                Updates.setOnInsert("customerId", UUID.randomUUID().toString()),
                Updates.setOnInsert("createdAt", Date.from(now)));
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        // Two first contacts racing on one identifier: the loser's upsert hits the _id; its retry finds the winner.
        return identities.findOneAndUpdate(Filters.eq("_id", identity.key()), claim, options)
                .onFailure(CustomerRepository::isDuplicateKey).retry().atMost(UPSERT_ATTEMPTS)
                .chain(link -> refresh(link.getString("customerId"), identity, now));
    }

    private Uni<Customer> refresh(String customerId, CustomerIdentity identity, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("createdAt", Date.from(now)),
                Updates.set("updatedAt", Date.from(now)),
                Updates.addToSet("identities", identity.key())));
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
                .map(CustomerRepository::toCustomer);
    }

    public Uni<Customer> findById(String id) {
        return customers.find(Filters.eq("_id", id)).collect().first()
                .map(doc -> doc == null ? null : toCustomer(doc));
    }

    static Customer toCustomer(Document doc) {
        String name = doc.getString("name");
        return new Customer(doc.getString("_id"), name == null ? "" : name, doc.getString("email"), doc.getString("phone"));
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoException e && e.getCode() == DUPLICATE_KEY;
    }
}
