package io.tikun.intake.customer;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
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

    private final ReactiveMongoCollection<Document> customers;

    public CustomerRepository(IntakeStore store) {
        this.customers = store.collection(COLLECTION);
    }

    public Uni<Void> createIndexes() {
        return customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)).replaceWithVoid();
    }

    /**
     * The customer with this e-mail address, created on first contact. Name and phone are
     * refreshed from what the customer just told us. Atomic: one document, one upsert.
     */
    public Uni<Customer> resolveByEmail(String name, String email, String phone, Instant now) {
        String normalizedEmail = email.strip().toLowerCase(Locale.ROOT);
        var update = Updates.combine(
                Updates.setOnInsert("_id", UUID.randomUUID().toString()),
                Updates.setOnInsert("createdAt", Date.from(now)),
                Updates.set("name", name.strip()),
                Updates.set("updatedAt", Date.from(now)),
                phone == null || phone.isBlank() ? Updates.setOnInsert("phone", null) : Updates.set("phone", phone.strip()));
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        // Two first contacts racing on one address: the loser's upsert hits the unique index; its retry finds the winner.
        return customers.findOneAndUpdate(Filters.eq("email", normalizedEmail), update, options)
                .onFailure(CustomerRepository::isDuplicateKey).retry().atMost(UPSERT_ATTEMPTS)
                .map(CustomerRepository::toCustomer);
    }

    public Uni<Customer> findById(String id) {
        return customers.find(Filters.eq("_id", id)).collect().first()
                .map(doc -> doc == null ? null : toCustomer(doc));
    }

    static Customer toCustomer(Document doc) {
        return new Customer(doc.getString("_id"), doc.getString("name"), doc.getString("email"), doc.getString("phone"));
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoException e && e.getCode() == DUPLICATE_KEY;
    }
}
