package io.tikun.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** New complaints stored together in one unordered write, each refused or stored on its own, against the real store. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class GroupedInsertTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ComplaintRepository complaints;

    @Inject
    IntakeStore store;

    private final List<String> written = new ArrayList<>();

    private Document document(String idempotencyKey) {
        String id = "grouped-insert-" + UUID.randomUUID();
        written.add(id);
        return new Document("_id", id).append("idempotencyKey", idempotencyKey).append("reference", id);
    }

    private boolean stored(String id) {
        return store.collection(ComplaintRepository.COLLECTION).find(Filters.eq("_id", id)).collect().first()
                .await().atMost(WAIT) != null;
    }

    @AfterEach
    void removeTheDocuments() {
        store.collection(ComplaintRepository.COLLECTION).deleteMany(Filters.in("_id", written)).await().atMost(WAIT);
    }

    @Test
    void refusesOnlyTheDocumentWhoseKeyIsTakenAndStoresTheOthersOfItsWrite() {
        String taken = "key-" + UUID.randomUUID();
        complaints.insertAll(List.of(document(taken))).await().atMost(WAIT);
        Document first = document("key-" + UUID.randomUUID());
        Document repeat = document(taken);
        Document third = document("key-" + UUID.randomUUID());

        List<MongoException> refusals = complaints.insertAll(List.of(first, repeat, third)).await().atMost(WAIT);

        assertThat(refusals).hasSize(3);
        assertThat(refusals.get(0)).isNull();
        assertThat(refusals.get(2)).isNull();
        assertThat(refusals.get(1)).isNotNull().matches(ComplaintRepository::isDuplicateKey, "a duplicate key");
        assertThat(stored(first.getString("_id"))).isTrue();
        assertThat(stored(third.getString("_id"))).isTrue();
        assertThat(stored(repeat.getString("_id"))).isFalse();
    }

    @Test
    void answersEachOfManyInsertsArrivingTogetherWithItsOwnOutcome() {
        String shared = "key-" + UUID.randomUUID();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            documents.add(document(i % 10 == 0 ? shared : "key-" + UUID.randomUUID()));
        }

        List<Boolean> outcomes = Uni.join().all(documents.stream().map(this::insertOne).toList()).andCollectFailures().await()
                .atMost(WAIT);

        // Four documents share one key: exactly one of them is stored; every other document is stored.
        assertThat(outcomes.stream().filter(stored -> !stored)).hasSize(3);
        for (int i = 0; i < documents.size(); i++) {
            assertThat(stored(documents.get(i).getString("_id"))).as("document %d", i).isEqualTo(outcomes.get(i));
        }
    }

    private Uni<Boolean> insertOne(Document doc) {
        return complaints.insertDocument(doc).replaceWith(true)
                .onFailure(ComplaintRepository::isDuplicateKey).recoverWithItem(false);
    }
}
