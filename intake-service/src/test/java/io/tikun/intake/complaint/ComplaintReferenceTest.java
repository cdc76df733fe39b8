package io.tikun.intake.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tikun.intake.store.IntakeStore;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ComplaintReferenceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    IntakeStore store;

    private static String submit(String subject) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel")))
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana\",\"email\":\"ref+" + UUID.randomUUID()
                        + "@example.com\"},\"subject\":\"" + subject + "\",\"body\":\"The heater is broken\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("reference");
    }

    @Test
    void storesAComplaintUnderTheNextReferenceWhenTheCounterHandsOutATakenOne() {
        String first = submit("First");
        // The counter goes back one step, as if it had handed the same number to two complaints.
        store.collection(ComplaintRepository.COUNTERS)
                .updateOne(Filters.eq("_id", ComplaintService.REFERENCE_SEQUENCE), Updates.inc("value", -1L))
                .await().atMost(WAIT);

        String second = submit("Second");

        assertThat(second).isNotEqualTo(first).startsWith("TK-");
        for (String reference : new String[] { first, second }) {
            Document stored = store.collection(ComplaintRepository.COLLECTION).find(Filters.eq("reference", reference))
                    .collect().first().await().atMost(WAIT);
            assertThat(stored).as("complaint %s", reference).isNotNull();
        }
        assertThat(store.collection(ComplaintRepository.COLLECTION).find(Filters.eq("reference", second)).collect()
                .first().await().atMost(WAIT).getString("subject")).isEqualTo("Second");
    }

    @Test
    void givesComplaintsSubmittedTogetherDistinctConsecutiveReferences() {
        int complaints = 40;
        List<String> references;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<String>> sent = IntStream.range(0, complaints)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> submit("Together " + i), clients)).toList();
            references = sent.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }

        List<Long> numbers = references.stream().map(r -> Long.parseLong(r.substring(r.lastIndexOf('-') + 1)))
                .sorted().toList();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(complaints);
        // Numbered in groups, yet no number is skipped between the first and the last of them.
        assertThat(numbers.get(complaints - 1) - numbers.get(0)).isEqualTo(complaints - 1L);
    }
}
