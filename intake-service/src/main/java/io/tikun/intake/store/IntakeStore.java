package io.tikun.intake.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;

/** The intake database: the only MongoDB database this service reads or writes. */
@ApplicationScoped
public class IntakeStore {

    private final ReactiveMongoDatabase database;

    public IntakeStore(ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.database = client.getDatabase(database);
    }

    public ReactiveMongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
